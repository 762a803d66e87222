// Peaks of the evidence and the interval around each: where it rises above the
// "on" threshold, and how far it stays raised around that apex.

export interface PeakInterval {
  onset: number;
  apex: number;
  /** Inclusive. */
  offset: number;
  /** Evidence at the apex. */
  peak: number;
}

/**
 * One interval per maximal run of frames with evidence ≥ on: the apex is the run's
 * highest frame (the first of equals); the interval extends from the apex both ways
 * while the evidence stays ≥ max(low, min(on, fraction × peak)), so it always holds
 * the whole run (the level never exceeds "on"). Non-finite evidence (no
 * reliable face, no baseline) is below every threshold, so an interval never
 * crosses it. Intervals of neighbouring runs may overlap (merge.ts joins them).
 */
export function findPeakIntervals(evidence: ArrayLike<number>, on: number, low: number, fraction: number): PeakInterval[] {
  const n = evidence.length;
  const at = (i: number): number => {
    const v = evidence[i] ?? Number.NaN;
    return Number.isFinite(v) ? v : Number.NEGATIVE_INFINITY;
  };
  const out: PeakInterval[] = [];
  let t = 0;
  while (t < n) {
    if (!(at(t) >= on)) {
      t++;
      continue;
    }
    let apex = t;
    let end = t;
    while (end + 1 < n && at(end + 1) >= on) {
      end++;
      if (at(end) > at(apex)) apex = end;
    }
    const peak = at(apex);
    const level = Math.max(low, Math.min(on, fraction * peak));
    let onset = apex;
    while (onset > 0 && at(onset - 1) >= level) onset--;
    let offset = apex;
    while (offset + 1 < n && at(offset + 1) >= level) offset++;
    out.push({ onset, apex, offset, peak });
    t = end + 1;
  }
  return out;
}
