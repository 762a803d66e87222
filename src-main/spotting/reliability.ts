// Which frames hold a face the spotter may trust, and the segments a baseline may
// span. Nothing is measured on other frames, so nothing is invented there.
import type { FrameTable } from './features.js';
import type { SpotParams } from './params.js';
import { TIME_EPS, type Timeline } from './timeline.js';

export interface Reliability {
  /** 1 where the frame has a reliable face. */
  reliable: Uint8Array;
  /** Segment of each frame (−1 outside any): baselines never look across segments. */
  segment: Int32Array;
  /** Inclusive frame ranges of the segments, in order; they start and end on reliable frames. */
  segments: { start: number; end: number }[];
}

/**
 * Reliable: a face (face = 1), face_conf ≥ minFaceConf, not turned_away, not too_small, no
 * decode_issue, finite head pose. A missing flag counts as not set.
 *
 * Segments: a run of unreliable frames starts a new segment when any of its frames has no
 * face at all (the tracker lost the subject, who may not be the same person afterwards) or
 * when it lasts longer than bridgeGapS (from its first frame to the next reliable one).
 * Shorter quality gaps are bridged: the baseline uses frames on both sides.
 */
export function findReliableFrames(table: FrameTable, tl: Timeline, params: SpotParams): Reliability {
  const n = table.frames;
  const face = table.column('face');
  const conf = table.column('face_conf');
  const tooSmall = table.column('too_small');
  const turned = table.column('turned_away');
  const decode = table.column('decode_issue');
  const yaw = table.column('yaw');
  const pitch = table.column('pitch');
  const roll = table.column('roll');
  const reliable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const ok =
      face[i] === 1 &&
      (conf[i] ?? Number.NaN) >= params.minFaceConf &&
      turned[i] !== 1 &&
      tooSmall[i] !== 1 &&
      decode[i] !== 1 &&
      Number.isFinite(yaw[i]) &&
      Number.isFinite(pitch[i]) &&
      Number.isFinite(roll[i]);
    reliable[i] = ok ? 1 : 0;
  }

  const segment = new Int32Array(n).fill(-1);
  const segments: { start: number; end: number }[] = [];
  let i = 0;
  while (i < n && !reliable[i]) i++;
  while (i < n) {
    const start = i;
    let end: number;
    let j = i;
    for (;;) {
      while (j < n && reliable[j]) j++;
      end = j - 1;
      if (j >= n) break;
      // An unreliable run [j, k): bridge it only when short and the face was there.
      let k = j;
      let faceLost = false;
      while (k < n && !reliable[k]) {
        if (face[k] !== 1) faceLost = true;
        k++;
      }
      const gapS = k < n ? (tl.times[k] ?? 0) - (tl.times[j] ?? 0) : Number.POSITIVE_INFINITY;
      if (k >= n || faceLost || gapS > params.bridgeGapS + TIME_EPS) {
        j = k;
        break;
      }
      j = k;
    }
    const id = segments.length;
    segments.push({ start, end });
    for (let f = start; f <= end; f++) segment[f] = id;
    i = j;
    while (i < n && !reliable[i]) i++;
  }
  return { reliable, segment, segments };
}
