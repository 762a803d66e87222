import { medianInPlace } from '../../src-shared/math/median.js';

// Robust statistics: medians without allocation per call, and a sorted multiset
// for medians over a sliding window. Non-finite values never enter either.

/** 1.4826 × MAD estimates the standard deviation of normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;

export { medianInPlace };

/** Median of the finite values of a list (NaN when there are none); the list is not changed. */
export function median(values: ArrayLike<number>): number {
  const scratch = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (Number.isFinite(v)) scratch[n++] = v;
  }
  return medianInPlace(scratch, n);
}

/**
 * A multiset of numbers kept sorted in one array: insert and remove by binary
 * search and a block move (O(log n + n) with a tiny constant), median in O(1).
 * Non-finite values are ignored by both add and remove, so callers can pass any
 * frame's value.
 */
export class SortedWindow {
  private data: Float64Array;
  private n = 0;

  constructor(capacity = 64) {
    this.data = new Float64Array(Math.max(4, capacity));
  }

  get size(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
  }

  add(v: number): void {
    if (!Number.isFinite(v)) return;
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const i = this.lowerBound(v);
    this.data.copyWithin(i + 1, i, this.n);
    this.data[i] = v;
    this.n++;
  }

  remove(v: number): void {
    if (!Number.isFinite(v)) return;
    const i = this.lowerBound(v);
    if (i >= this.n || this.data[i] !== v) throw new Error(`SortedWindow.remove: ${v} is not in the window`);
    this.data.copyWithin(i, i + 1, this.n);
    this.n--;
  }

  /** Median of the values held; NaN when empty. */
  median(): number {
    const n = this.n;
    if (n === 0) return Number.NaN;
    const k = (n - 1) >> 1;
    const lower = this.data[k] ?? Number.NaN;
    return n % 2 === 1 ? lower : (lower + (this.data[k + 1] ?? Number.NaN)) / 2;
  }

  private lowerBound(v: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.data[mid] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
