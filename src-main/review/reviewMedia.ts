import type { z } from 'zod';
import type { ReviewMediaSchema, RecordingEntrySchema } from '../../src-shared/api/contract.js';

export type ReviewMedia = z.infer<typeof ReviewMediaSchema>;
type RecordingEntry = z.infer<typeof RecordingEntrySchema>;

/** Codecs the window decodes itself (WebCodecs in Chromium, as Debian builds it). */
const WINDOW_CODECS = new Set(['h264', 'vp9', 'vp8', 'av1']);
/** Containers the window's demuxer (mediabunny) reads. */
const WINDOW_CONTAINERS = /mov|mp4|m4a|3gp|3g2|mj2|matroska|webm|mpegts/;

/**
 * What the player plays for a recording: its verified review proxy when one is
 * ready (src-main/proxy/proxyState.ts decides), else the original. Where the
 * window cannot decode the original and no proxy is ready yet, `playable` is
 * false and `note` says why and what is happening.
 */
export function reviewMediaFor(entry: RecordingEntry): ReviewMedia {
  const codec = entry.probe.videoCodec;
  const container = entry.probe.container;
  if (entry.playback.isProxy) {
    return {
      kind: 'proxy',
      url: entry.playback.path.replace(/^\//, ''),
      codec: 'h264',
      container: 'mp4',
      playable: true,
      note: `Review proxy playing (H.264, the same frames and timing as the original ${codec} in ${container}).`,
    };
  }
  const codecOk = WINDOW_CODECS.has(codec);
  const containerOk = WINDOW_CONTAINERS.test(container);
  const what = codecOk ? `the ${container} container` : `${codec} video`;
  const proxyNote =
    entry.proxy.status === 'failed'
      ? `it needs a review proxy, and making one failed (${entry.proxy.error ?? 'see the audit log'}); run "micromoment proxy ${entry.id} --force" to try again`
      : 'it needs a review proxy (H.264, the same frames and timing), which is made in the background while the app is open';
  const note = codecOk && containerOk ? null : `This window cannot decode ${what}: ${proxyNote}.`;
  return { kind: 'original', url: entry.playback.path.replace(/^\//, ''), codec, container, playable: note === null, note };
}
