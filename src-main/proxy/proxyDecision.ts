import type { Probe } from '../../src-shared/domain/recording.js';
import type { ProxyReason } from '../../src-shared/domain/proxy.js';

/**
 * Whether a recording needs a review proxy, and why. Pure: from the probe and
 * the frame table (its key frames and timestamps) alone.
 *
 * The rule, from what Debian's Chromium 156 did here (README, "Review proxies"):
 * - container: it plays MP4/MOV and WebM/Matroska; it refused AVI, MPEG program
 *   and transport streams, ASF (WMV) and Ogg.
 * - codec: it decodes H.264, VP8, VP9 and AV1; it refused HEVC, MPEG-2, MPEG-4
 *   part 2, MJPEG, WMV 1/2, MS-MPEG4, H.263, ProRes and Theora.
 * - pixel format: H.264 other than 8-bit 4:2:0 (High 10, 4:2:2, 4:4:4) played
 *   here, but it is outside what every Chromium build (Electron's included)
 *   promises, so it is given a proxy; that costs only time.
 * - long GOP: seeking lands on the key frame before the target and decodes
 *   forward. Measured by `npm run bench:proxy-seek` (720p30 H.264 in this
 *   Chromium, median of 40 random seeks): 19 ms with every frame a key frame,
 *   23 ms with one every 0.5 s, 40 ms at 1 s, 72 ms at 2 s, 131 ms at 4 s and
 *   285 ms at 8 s (x264's default GOP at 30 fps). Key frames further apart
 *   than 2 s get a proxy; closer ones keep seeks under about 0.1 s.
 */
export const MAX_KEYFRAME_GAP_S = 2;

/**
 * - long GOP in pixels: a seek's cost is the decoding from the key frame before
 *   the target, which grows with frames × pixels, not seconds. Measured by
 *   `npm run bench:review` (1080p H.264 in this Chromium's WebCodecs, decoded
 *   in the player's worker): 30–100 ms to a seek's first frame with a key frame
 *   every 10 frames, about 8 ms a 1080p frame beyond a fixed 30 ms, plus about
 *   15 ms to scale it and 10–20 ms to reach the screen. For a seek's 95th
 *   percentile within 100 ms, a seek may decode at most about 6 frames of
 *   1920x1080: 12.5 Mpixels (13 frames of 1280x720, 40 of 640x480). Beyond
 *   that, a proxy with key frames that close (proxyEncodeArgs.ts).
 */
export const MAX_SEEK_DECODE_PIXELS = 12_500_000;

/** The most frames a key-frame interval of `width`x`height` pictures may hold within MAX_SEEK_DECODE_PIXELS (at least 1). */
export function maxKeyframeIntervalFrames(width: number, height: number): number {
  return Math.max(1, Math.floor(MAX_SEEK_DECODE_PIXELS / Math.max(1, width * height)));
}

const PLAYABLE_CONTAINERS = ['mp4', 'mov', 'webm', 'matroska'];
const PLAYABLE_CODECS = ['h264', 'vp8', 'vp9', 'av1'];
const EIGHT_BIT_420 = ['yuv420p', 'yuvj420p', 'nv12'];

export interface ProxyDecisionInput {
  probe: Pick<Probe, 'container' | 'videoCodec' | 'pixelFormat' | 'width' | 'height'>;
  table: {
    timeBase: { num: number; den: number };
    ptsTicks: ArrayLike<number>;
    /** Indices of the frames the decoder marked as key frames. */
    keyFrames: ArrayLike<number>;
  };
}

export interface ProxyDecision {
  needed: boolean;
  reasons: ProxyReason[];
  /** The longest stretch, in seconds, a seek may have to decode through. */
  longestKeyframeGapS: number;
  /** The same stretch in frames (from a key frame up to the next, that one excluded). */
  longestKeyframeGapFrames: number;
}

export function decideProxy({ probe, table }: ProxyDecisionInput): ProxyDecision {
  const reasons: ProxyReason[] = [];
  const formats = probe.container.split(',');
  if (!formats.some((f) => PLAYABLE_CONTAINERS.includes(f))) {
    reasons.push({
      code: 'container',
      message: `the ${probe.container} container does not play in the review window (it plays MP4/MOV and WebM/Matroska)`,
    });
  }
  if (!PLAYABLE_CODECS.includes(probe.videoCodec)) {
    reasons.push({
      code: 'codec',
      message: `${probe.videoCodec} video does not play in the review window (it decodes H.264, VP8, VP9 and AV1)`,
    });
  } else if (probe.videoCodec === 'h264' && probe.pixelFormat && !EIGHT_BIT_420.includes(probe.pixelFormat)) {
    reasons.push({
      code: 'pixel-format',
      message: `H.264 in ${probe.pixelFormat} is not 8-bit 4:2:0, which not every build of the review window decodes`,
    });
  }
  const longestKeyframeGapS = longestKeyframeGap(table);
  const longestKeyframeGapFrames = longestKeyframeGapInFrames(table);
  const maxFrames = maxKeyframeIntervalFrames(probe.width, probe.height);
  if (longestKeyframeGapS > MAX_KEYFRAME_GAP_S) {
    reasons.push({
      code: 'long-gop',
      message: `key frames up to ${longestKeyframeGapS.toFixed(1)} s apart make seeking and stepping back slow (more than ${MAX_KEYFRAME_GAP_S} s)`,
    });
  } else if (longestKeyframeGapFrames > maxFrames) {
    reasons.push({
      code: 'long-gop',
      message:
        `key frames up to ${longestKeyframeGapFrames} frames of ${probe.width}x${probe.height} apart make seeking slow ` +
        `(more than ${maxFrames} frames at this size: a seek decodes from the key frame before it)`,
    });
  }
  return { needed: reasons.length > 0, reasons, longestKeyframeGapS, longestKeyframeGapFrames };
}

/**
 * The longest span of presentation time from a key frame (or the first frame)
 * to the next key frame (or the last frame): how far a seek may decode.
 */
export function longestKeyframeGap(table: ProxyDecisionInput['table']): number {
  const n = table.ptsTicks.length;
  if (n === 0) return 0;
  const secondsOf = (frame: number) => ((table.ptsTicks[frame] as number) * table.timeBase.num) / table.timeBase.den;
  const marks = [0];
  for (let i = 0; i < table.keyFrames.length; i++) {
    const k = table.keyFrames[i] as number;
    if (k > 0 && k < n) marks.push(k);
  }
  marks.push(n - 1);
  marks.sort((a, b) => a - b);
  let longest = 0;
  for (let i = 1; i < marks.length; i++) {
    longest = Math.max(longest, secondsOf(marks[i] as number) - secondsOf(marks[i - 1] as number));
  }
  return longest;
}

/** The most frames from a key frame (or the first frame) up to the next key frame, that one excluded (to the end after the last). */
export function longestKeyframeGapInFrames(table: Pick<ProxyDecisionInput['table'], 'ptsTicks' | 'keyFrames'>): number {
  const n = table.ptsTicks.length;
  if (n === 0) return 0;
  const marks = [0];
  for (let i = 0; i < table.keyFrames.length; i++) {
    const k = table.keyFrames[i] as number;
    if (k > 0 && k < n) marks.push(k);
  }
  marks.sort((a, b) => a - b);
  marks.push(n);
  let longest = 0;
  for (let i = 1; i < marks.length; i++) longest = Math.max(longest, (marks[i] as number) - (marks[i - 1] as number));
  return longest;
}
