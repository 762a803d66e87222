import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { elapsedSeconds } from '../../../src-shared/time/frameTable.js';
import { firstMillisecondAfter } from '../../../src-shared/time/screenMilliseconds.js';
import { bucketCount, bucketRange } from '../../../src-shared/review/envelope.js';
import { CURVE_EMOTIONS, type CurveSeries } from './reportModel.js';

/** Per-frame probabilities of the seven emotions, frame-major (frames × 7), NaN where there is no face. */
export interface EmotionValues {
  frames: number;
  values: Float32Array;
}

/**
 * The maximum of each emotion's probability per bucket of frames [from, to):
 * the maximum, not the mean, so a one-frame flash stays visible however long
 * the recording (as in the review timeline's envelopes). With as many buckets
 * as frames it is the per-frame series itself.
 */
export function curveSeries(t: FrameTable, emotions: EmotionValues, from: number, to: number, wantedBuckets: number): CurveSeries {
  const start = Math.max(0, Math.min(from, emotions.frames));
  const end = Math.max(start, Math.min(to, emotions.frames));
  const span = end - start;
  const buckets = bucketCount(span, wantedBuckets);
  const width = CURVE_EMOTIONS.length;
  const values = Object.fromEntries(CURVE_EMOTIONS.map((e) => [e, new Array<number | null>(buckets).fill(null)])) as CurveSeries['values'];
  const bucketStartS: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const [first, stop] = bucketRange(start, span, buckets, b);
    bucketStartS.push(elapsedSeconds(t, first));
    CURVE_EMOTIONS.forEach((emotion, c) => {
      let max = -Infinity;
      for (let f = first; f < stop; f++) {
        const v = emotions.values[f * width + c] as number;
        if (v > max) max = v;
      }
      values[emotion][b] = max === -Infinity ? null : round4(max);
    });
  }
  // The span ends where the next frame starts, or where the last frame ends (on the millisecond clock, as the figure's axis).
  bucketStartS.push(end < t.ptsTicks.length ? elapsedSeconds(t, end) : firstMillisecondAfter(t, end - 1) / 1000);
  return { fromFrame: start, toFrame: end, bucketStartS, values };
}

function round4(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
