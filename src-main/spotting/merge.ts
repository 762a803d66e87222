// Overlapping (or touching, or closer than mergeGapS) intervals are one candidate.
import type { PeakInterval } from './peaks.js';
import { TIME_EPS, endTimeOf, type Timeline } from './timeline.js';

/**
 * Sorted by onset, then joined while the next starts no later than mergeGapS after
 * the current one ends (its last frame's end time; 0 joins overlapping and touching
 * intervals only). The joined interval is the union; its apex and peak are those of
 * the highest peak (the earlier one on a tie).
 */
export function mergeIntervals(intervals: readonly PeakInterval[], tl: Timeline, mergeGapS: number): PeakInterval[] {
  const sorted = [...intervals].sort((a, b) => a.onset - b.onset || a.offset - b.offset || a.apex - b.apex);
  const out: PeakInterval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && (next.onset <= last.offset + 1 || (tl.times[next.onset] ?? 0) - endTimeOf(tl, last.offset) <= mergeGapS + TIME_EPS)) {
      last.offset = Math.max(last.offset, next.offset);
      if (next.peak > last.peak || (next.peak === last.peak && next.apex < last.apex)) {
        last.apex = next.apex;
        last.peak = next.peak;
      }
    } else {
      out.push({ ...next });
    }
  }
  return out;
}
