/**
 * performance.now() on a clock the window and its workers share: each has its
 * own time origin, so marks taken in the decode worker and in the window only
 * compare after adding it. Used for the benchmark's account of a seek.
 */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}
