// Intervals of frames, inclusive at both ends, as the spotting challenges (MEGC)
// and the spotter write them: a one-frame interval has onset = offset.
import type { Emotion } from '../../src-shared/analysis/emotions.js';

export type ExpressionKind = 'micro' | 'macro';

export interface FrameInterval {
  onset: number;
  /** Inclusive. */
  offset: number;
}

export interface LabelledInterval extends FrameInterval {
  apex?: number;
  kind: ExpressionKind;
  /** One of the seven emotions, or the data set's own label (lowercase) when it is none of them. */
  emotion?: Emotion | string;
}

export interface PredictedInterval extends LabelledInterval {
  score?: number;
}

/** Number of frames of an inclusive interval. */
export function frameCount(a: FrameInterval): number {
  return a.offset - a.onset + 1;
}

/** Throws unless onset and offset are whole frame numbers ≥ 0 with onset ≤ offset; `where` names the interval in the message. */
export function checkInterval(a: FrameInterval, where: string): void {
  if (!Number.isInteger(a.onset) || a.onset < 0)
    throw new Error(`${where}: onset must be a whole frame number ≥ 0, got ${String(a.onset)}`);
  if (!Number.isInteger(a.offset) || a.offset < 0)
    throw new Error(`${where}: offset must be a whole frame number ≥ 0, got ${String(a.offset)}`);
  if (a.offset < a.onset) throw new Error(`${where}: offset ${a.offset} is before onset ${a.onset}`);
}

/**
 * Intersection over union of two inclusive frame intervals, counted in frames:
 * |A ∩ B| / |A ∪ B|. 1 exactly when they are equal, 0 when disjoint, symmetric.
 */
export function intervalIoU(a: FrameInterval, b: FrameInterval): number {
  checkInterval(a, 'intervalIoU first interval');
  checkInterval(b, 'intervalIoU second interval');
  const intersection = Math.min(a.offset, b.offset) - Math.max(a.onset, b.onset) + 1;
  if (intersection <= 0) return 0;
  const union = frameCount(a) + frameCount(b) - intersection;
  return intersection / union;
}

/** micro when the interval lasts at most microMaxS at the given frame rate (frames / fps), else macro. */
export function kindFromDuration(a: FrameInterval, fps: number, microMaxS = 0.5): ExpressionKind {
  return frameCount(a) / fps <= microMaxS + 1e-9 ? 'micro' : 'macro';
}
