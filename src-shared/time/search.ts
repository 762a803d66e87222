// The one binary search the time module needs. Every "which frame is at time
// t" question is phrased as "the first frame for which a monotone predicate
// holds", so the off-by-one reasoning lives here once.

/**
 * The smallest i in [0, n) for which `isAtOrAfter(i)` is true, or n when none
 * is. The predicate must be monotone: false for a prefix, true afterwards.
 */
export function firstIndexWhere(n: number, isAtOrAfter: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (isAtOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
