import type { z } from 'zod';
import type { ReviewMediaSchema } from '../../src-shared/api/contract.js';
import type { Recording } from '../../src-shared/domain/recording.js';

export type ReviewMedia = z.infer<typeof ReviewMediaSchema>;

/** Codecs the window decodes itself (WebCodecs in Chromium, as Debian builds it). */
const WINDOW_CODECS = new Set(['h264', 'vp9', 'vp8', 'av1']);
/** Containers the window's demuxer (mediabunny) reads. */
const WINDOW_CONTAINERS = /mov|mp4|m4a|3gp|3g2|mj2|matroska|webm|mpegts/;

/**
 * What the player plays for a recording: the seam for review proxies. Today it
 * is always the original; where the window cannot decode the original, `note`
 * says so and `playable` is false. The proxy builder (src-main/media/proxy*)
 * plugs in here: when a proxy exists it returns `kind: 'proxy'` and its URL,
 * and the window shows that a proxy is playing.
 */
export function reviewMediaFor(recording: Recording): ReviewMedia {
  const codec = recording.probe.videoCodec;
  const container = recording.probe.container;
  const codecOk = WINDOW_CODECS.has(codec);
  const containerOk = WINDOW_CONTAINERS.test(container);
  const note = codecOk && containerOk
    ? null
    : `This window cannot decode ${codecOk ? `the ${container} container` : `${codec} video`}: it needs a review proxy (H.264), which is not made yet.`;
  return { kind: 'original', url: `media/original/${recording.id}`, codec, container, playable: note === null, note };
}
