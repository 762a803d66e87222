import { z } from 'zod';

/**
 * Why a recording gets a review proxy: what in it the review window (Chromium)
 * cannot play, or cannot seek quickly. The rule is in
 * src-main/proxy/proxyDecision.ts and docs/proxies.md.
 */
export const ProxyReasonCodeSchema = z.enum(['container', 'codec', 'pixel-format', 'long-gop']);
export type ProxyReasonCode = z.infer<typeof ProxyReasonCodeSchema>;

export const ProxyReasonSchema = z.object({
  code: ProxyReasonCodeSchema,
  message: z.string(),
});
export type ProxyReason = z.infer<typeof ProxyReasonSchema>;

/**
 * - not-needed: the original plays and seeks well in the window; no proxy is made.
 * - needed: it does not, and no proxy has been made or started yet.
 * - queued / making: a proxy job is waiting / running (this process).
 * - ready: a verified proxy is on disk; the window plays it.
 * - failed: the last attempt failed (see `error`); the original is served.
 */
export const ProxyStatusSchema = z.enum(['not-needed', 'needed', 'queued', 'making', 'ready', 'failed']);
export type ProxyStatus = z.infer<typeof ProxyStatusSchema>;

export const ProxyInfoSchema = z.object({
  status: ProxyStatusSchema,
  /** Why a proxy is needed; empty when the original plays well. */
  reasons: z.array(ProxyReasonSchema),
  /** Why the last attempt failed, or why a made proxy cannot be used; null otherwise. */
  error: z.string().nullable(),
  /** Size of the ready proxy in bytes; null when there is none. */
  sizeBytes: z.number().int().nullable(),
  madeAt: z.string().nullable(),
});
export type ProxyInfo = z.infer<typeof ProxyInfoSchema>;

/**
 * What the player should load. `path` is on the host's media origin
 * (`/media/original/<id>` or `/media/proxy/<id>`: ids only, never file paths).
 * Frame N is presented at media time `firstFrameMediaTimeS + elapsed(N)`, where
 * elapsed(N) is the frame table's seconds since frame 0: a proxy starts at 0
 * (its timestamps are the original's minus frame 0's, exactly); an original is
 * presented at its own timestamps.
 */
export const PlaybackSchema = z.object({
  source: z.enum(['original', 'proxy']),
  /** True when the proxy is what plays, so the window can say "proxy playing". */
  isProxy: z.boolean(),
  path: z.string(),
  contentType: z.string(),
  firstFrameMediaTimeS: z.number(),
  /** False when the original cannot play in the window and no proxy is ready yet. */
  playable: z.boolean(),
});
export type Playback = z.infer<typeof PlaybackSchema>;

export interface TimeBase {
  num: number;
  den: number;
}

/**
 * How a proxy's timestamps relate to the original's, exactly (stored with each
 * proxy; the arithmetic is in src-main/proxy/proxyTimeMap.ts).
 */
export interface ProxyTimeMap {
  /** The original's stream time base. */
  sourceTimeBase: TimeBase;
  /** The original tick that becomes proxy time 0: frame 0's PTS. */
  offsetTicks: number;
  /** The proxy track's time base: 1/den of the original's. */
  proxyTimeBase: TimeBase;
}
