// Median of the first n values of a scratch array, by quickselect: O(n) and no
// allocation, because the baseline takes a median of every feature on every frame.
// The array's order is destroyed.

/** Median of values[0..n-1] (mean of the two middle values when n is even); NaN when n is 0. */
export function medianInPlace(values: Float64Array, n: number): number {
  if (n <= 0) return Number.NaN;
  const k = (n - 1) >> 1;
  select(values, 0, n - 1, k);
  const lower = values[k] ?? Number.NaN;
  if (n % 2 === 1) return lower;
  // After selection everything right of k is ≥ values[k]: the upper middle is their minimum.
  let upper = Number.POSITIVE_INFINITY;
  for (let i = k + 1; i < n; i++) upper = Math.min(upper, values[i] ?? upper);
  return (lower + upper) / 2;
}

/** Rearranges a[lo..hi] so a[k] is the k-th smallest, smaller ones left of it, larger ones right. */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // Median of three as pivot keeps sorted and reversed inputs (slow drift) linear.
    const mid = (lo + hi) >> 1;
    if ((a[mid] ?? 0) < (a[lo] ?? 0)) swap(a, mid, lo);
    if ((a[hi] ?? 0) < (a[lo] ?? 0)) swap(a, hi, lo);
    if ((a[hi] ?? 0) < (a[mid] ?? 0)) swap(a, hi, mid);
    const pivot = a[mid] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] ?? 0;
  a[i] = a[j] ?? 0;
  a[j] = t;
}
