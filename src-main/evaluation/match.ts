// One-to-one matching of predicted intervals to ground truth, as in the spotting
// challenges (MEGC): a prediction is a true positive when its IoU with a ground-truth
// interval is at least the threshold, each interval of either side used once.
import { checkInterval, intervalIoU, type FrameInterval } from './intervals.js';

export interface IntervalMatch {
  /** Index into the truth list. */
  truth: number;
  /** Index into the predicted list. */
  predicted: number;
  iou: number;
}

/**
 * Greedy matching, deterministic: every (truth, prediction) pair with IoU ≥ minIoU
 * (and > 0), taken in order of highest IoU first; ties by earlier truth onset, then
 * earlier predicted onset, then earlier truth offset, then earlier predicted offset,
 * then lower truth index, then lower predicted index (so only identical intervals
 * depend on list order). A pair is kept when neither side is matched yet. Returned in
 * truth-index order.
 */
export function matchIntervals(truth: readonly FrameInterval[], predicted: readonly FrameInterval[], minIoU = 0.5): IntervalMatch[] {
  if (!(minIoU > 0 && minIoU <= 1)) throw new Error(`minIoU must be in (0, 1], got ${minIoU}`);
  truth.forEach((t, i) => checkInterval(t, `truth[${i}]`));
  predicted.forEach((p, j) => checkInterval(p, `predicted[${j}]`));
  // Candidate pairs: predictions sorted by onset so each truth scans only overlapping ones.
  const byOnset = predicted.map((_, j) => j).sort((a, b) => (predicted[a]?.onset ?? 0) - (predicted[b]?.onset ?? 0) || a - b);
  const pairs: IntervalMatch[] = [];
  truth.forEach((t, i) => {
    for (const j of byOnset) {
      const p = predicted[j];
      if (!p) continue;
      if (p.onset > t.offset) break;
      if (p.offset < t.onset) continue;
      const iou = intervalIoU(t, p);
      if (iou > 0 && iou >= minIoU) pairs.push({ truth: i, predicted: j, iou });
    }
  });
  pairs.sort(
    (a, b) =>
      b.iou - a.iou ||
      (truth[a.truth]?.onset ?? 0) - (truth[b.truth]?.onset ?? 0) ||
      (predicted[a.predicted]?.onset ?? 0) - (predicted[b.predicted]?.onset ?? 0) ||
      (truth[a.truth]?.offset ?? 0) - (truth[b.truth]?.offset ?? 0) ||
      (predicted[a.predicted]?.offset ?? 0) - (predicted[b.predicted]?.offset ?? 0) ||
      a.truth - b.truth ||
      a.predicted - b.predicted,
  );
  const truthUsed = new Uint8Array(truth.length);
  const predictedUsed = new Uint8Array(predicted.length);
  const out: IntervalMatch[] = [];
  for (const pair of pairs) {
    if (truthUsed[pair.truth] || predictedUsed[pair.predicted]) continue;
    truthUsed[pair.truth] = 1;
    predictedUsed[pair.predicted] = 1;
    out.push(pair);
  }
  return out.sort((a, b) => a.truth - b.truth);
}
