// The scores of a spotting run against ground truth, after the protocol of the
// micro-expression spotting challenges (MEGC): micro and macro matched separately
// at IoU ≥ 0.5, counts summed for the overall figures.
import { checkInterval, type ExpressionKind, type FrameInterval, type LabelledInterval, type PredictedInterval } from './intervals.js';
import { isEmotion } from './emotionLabels.js';
import { matchIntervals } from './match.js';

export interface SpottingCounts {
  /** Ground-truth intervals. */
  truth: number;
  /** Predicted intervals. */
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  /** TP / (TP + FP); null when nothing was predicted. */
  precision: number | null;
  /** TP / (TP + FN); null when there is no ground truth. */
  recall: number | null;
  /** 2TP / (2TP + FP + FN); null when there is neither truth nor prediction. */
  f1: number | null;
}

export interface SpottingMatch {
  /** Which evaluation matched them: micro, macro, or any (kinds ignored). */
  kind: ExpressionKind | 'any';
  truth: number;
  predicted: number;
  iou: number;
}

export interface SpottingEvaluation {
  minIoU: number;
  micro: SpottingCounts;
  macro: SpottingCounts;
  /** MEGC overall: the micro and macro counts summed. */
  overall: SpottingCounts;
  /** Every prediction against every truth interval, kinds ignored (a found expression of the wrong kind still saves review time). */
  anyKind: SpottingCounts;
  /** Among the micro and macro true positives whose truth is one of the seven emotions and whose prediction names an emotion: how many agree. */
  emotion: { agree: number; comparable: number; rate: number | null };
  /** What an analyst must watch: frames in the union of the predicted intervals, and their share of the recording. */
  review: { frames: number; totalFrames: number; share: number };
  /** The micro, macro and any-kind matches (indices into the lists given). */
  matches: SpottingMatch[];
}

export function counts(truth: number, predicted: number, tp: number): SpottingCounts {
  const fp = predicted - tp;
  const fn = truth - tp;
  return {
    truth,
    predicted,
    tp,
    fp,
    fn,
    precision: predicted > 0 ? tp / predicted : null,
    recall: truth > 0 ? tp / truth : null,
    f1: 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : null,
  };
}

/** Counts of several recordings added up, and the rates recomputed from the sums (as MEGC scores a data set: never an average of per-video F1). */
export function sumCounts(list: readonly SpottingCounts[]): SpottingCounts {
  return counts(
    list.reduce((a, c) => a + c.truth, 0),
    list.reduce((a, c) => a + c.predicted, 0),
    list.reduce((a, c) => a + c.tp, 0),
  );
}

/** Frames in the union of the intervals, clipped to [0, totalFrames − 1]. */
export function unionFrames(intervals: readonly FrameInterval[], totalFrames: number): number {
  const sorted = intervals
    .map((a) => ({ onset: Math.max(0, a.onset), offset: Math.min(totalFrames - 1, a.offset) }))
    .filter((a) => a.offset >= a.onset)
    .sort((a, b) => a.onset - b.onset || a.offset - b.offset);
  let frames = 0;
  let end = -1;
  for (const a of sorted) {
    if (a.offset <= end) continue;
    frames += a.offset - Math.max(a.onset, end + 1) + 1;
    end = a.offset;
  }
  return frames;
}

export function evaluateSpotting(
  truth: readonly LabelledInterval[],
  predicted: readonly PredictedInterval[],
  totalFrames: number,
  minIoU = 0.5,
): SpottingEvaluation {
  if (!Number.isInteger(totalFrames) || totalFrames <= 0) throw new Error(`totalFrames must be a whole number > 0, got ${totalFrames}`);
  truth.forEach((t, i) => {
    checkInterval(t, `truth[${i}]`);
    if (t.kind !== 'micro' && t.kind !== 'macro') throw new Error(`truth[${i}]: kind must be micro or macro, got ${String(t.kind)}`);
  });
  predicted.forEach((p, j) => {
    checkInterval(p, `predicted[${j}]`);
    if (p.kind !== 'micro' && p.kind !== 'macro') throw new Error(`predicted[${j}]: kind must be micro or macro, got ${String(p.kind)}`);
  });

  const matches: SpottingMatch[] = [];
  const byKind = (kind: ExpressionKind): SpottingCounts => {
    const ti = truth.flatMap((t, i) => (t.kind === kind ? [i] : []));
    const pj = predicted.flatMap((p, j) => (p.kind === kind ? [j] : []));
    const m = matchIntervals(
      ti.map((i) => truth[i] as LabelledInterval),
      pj.map((j) => predicted[j] as PredictedInterval),
      minIoU,
    );
    for (const x of m) matches.push({ kind, truth: ti[x.truth] ?? -1, predicted: pj[x.predicted] ?? -1, iou: x.iou });
    return counts(ti.length, pj.length, m.length);
  };
  const micro = byKind('micro');
  const macro = byKind('macro');
  const overall = counts(micro.truth + macro.truth, micro.predicted + macro.predicted, micro.tp + macro.tp);
  const kindMatches = [...matches];
  const any = matchIntervals(truth, predicted, minIoU);
  for (const x of any) matches.push({ kind: 'any', truth: x.truth, predicted: x.predicted, iou: x.iou });

  let agree = 0;
  let comparable = 0;
  for (const m of kindMatches) {
    const t = truth[m.truth]?.emotion;
    const p = predicted[m.predicted]?.emotion;
    if (!isEmotion(t) || p === undefined) continue;
    comparable++;
    if (p === t) agree++;
  }
  const reviewFrames = unionFrames(predicted, totalFrames);
  return {
    minIoU,
    micro,
    macro,
    overall,
    anyKind: counts(truth.length, predicted.length, any.length),
    emotion: { agree, comparable, rate: comparable > 0 ? agree / comparable : null },
    review: { frames: reviewFrames, totalFrames, share: reviewFrames / totalFrames },
    matches,
  };
}
