/**
 * Min/max envelopes: a long per-frame series reduced to one (min, max) pair per
 * bucket, a bucket being what one pixel column of a timeline shows. Drawing a
 * vertical line from min to max per column shows every spike, however short,
 * which averaging or picking every n-th frame would hide: a one-frame flash
 * must stay visible on the overview of a three-hour recording.
 */

/** Frames [start, end) of bucket `b` when `span` frames are split into `buckets`. */
export function bucketRange(from: number, span: number, buckets: number, b: number): [number, number] {
  return [from + Math.floor((b * span) / buckets), from + Math.floor(((b + 1) * span) / buckets)];
}

/** How many buckets a span gets: never more than one per frame. */
export function bucketCount(span: number, wanted: number): number {
  return Math.max(0, Math.min(Math.floor(wanted), span));
}

export interface Envelope {
  buckets: number;
  /** Bucket-major: buckets × columns. NaN where a bucket has no value (no face in any of its frames). */
  min: Float32Array;
  max: Float32Array;
}

/**
 * The envelope of frames [from, to) of a frame-major series of `width` values a
 * frame, for the columns at `pick` (indices into a frame's values).
 */
export function minMaxEnvelope(
  values: Float32Array,
  width: number,
  from: number,
  to: number,
  wantedBuckets: number,
  pick: readonly number[],
): Envelope {
  const span = Math.max(0, to - from);
  const buckets = bucketCount(span, wantedBuckets);
  const cols = pick.length;
  const min = new Float32Array(buckets * cols).fill(NaN);
  const max = new Float32Array(buckets * cols).fill(NaN);
  for (let b = 0; b < buckets; b++) {
    const [start, end] = bucketRange(from, span, buckets, b);
    for (let c = 0; c < cols; c++) {
      const column = pick[c] as number;
      let lo = Infinity;
      let hi = -Infinity;
      for (let f = start; f < end; f++) {
        const v = values[f * width + column] as number;
        // NaN fails both comparisons, so frames without a value are skipped.
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo !== Infinity) {
        min[b * cols + c] = lo;
        max[b * cols + c] = hi;
      }
    }
  }
  return { buckets, min, max };
}

/** Per-block min/max of a frame-major series: the coarse level that makes long envelopes cheap. */
export interface BlockLevel {
  blockSize: number;
  /** Block-major: blocks × width. NaN where a block has no value. */
  min: Float32Array;
  max: Float32Array;
}

export function blockLevel(values: Float32Array, width: number, frames: number, blockSize: number): BlockLevel {
  const blocks = Math.ceil(frames / blockSize);
  const all = Array.from({ length: width }, (_, c) => c);
  const env = { min: new Float32Array(blocks * width), max: new Float32Array(blocks * width) };
  for (let b = 0; b < blocks; b++) {
    const e = minMaxEnvelope(values, width, b * blockSize, Math.min(frames, (b + 1) * blockSize), 1, all);
    env.min.set(e.min, b * width);
    env.max.set(e.max, b * width);
  }
  return { blockSize, ...env };
}

/**
 * The same envelope as minMaxEnvelope, computed from whole blocks where a
 * bucket covers them and from single frames only at its ragged ends: a
 * three-hour overview reads a few thousand blocks instead of every frame.
 */
export function minMaxEnvelopeFast(
  values: Float32Array,
  width: number,
  level: BlockLevel,
  from: number,
  to: number,
  wantedBuckets: number,
  pick: readonly number[],
): Envelope {
  const span = Math.max(0, to - from);
  const buckets = bucketCount(span, wantedBuckets);
  if (buckets === 0 || span / buckets < 2 * level.blockSize) return minMaxEnvelope(values, width, from, to, wantedBuckets, pick);
  const cols = pick.length;
  const min = new Float32Array(buckets * cols).fill(NaN);
  const max = new Float32Array(buckets * cols).fill(NaN);
  const size = level.blockSize;
  const lo = new Float64Array(cols);
  const hi = new Float64Array(cols);
  // Frames and blocks in the outer loop, columns inside: rows are read in order, and no function per cell
  // (a closure per bucket and column made a three-hour overview cost 8 ms instead of 2, measured).
  const take = (source: Float32Array, sourceHigh: Float32Array, row: number) => {
    for (let c = 0; c < cols; c++) {
      const column = pick[c] as number;
      const l = source[row + column] as number;
      const h = sourceHigh[row + column] as number;
      // NaN fails both comparisons, so frames and blocks without a value are skipped.
      if (l < (lo[c] as number)) lo[c] = l;
      if (h > (hi[c] as number)) hi[c] = h;
    }
  };
  for (let b = 0; b < buckets; b++) {
    const [start, end] = bucketRange(from, span, buckets, b);
    const firstBlock = Math.ceil(start / size);
    const endBlock = Math.floor(end / size);
    lo.fill(Infinity);
    hi.fill(-Infinity);
    for (let f = start; f < Math.min(end, firstBlock * size); f++) take(values, values, f * width);
    for (let k = firstBlock; k < endBlock; k++) take(level.min, level.max, k * width);
    for (let f = Math.max(start, endBlock * size); f < end; f++) take(values, values, f * width);
    for (let c = 0; c < cols; c++) {
      if (lo[c] !== Infinity) {
        min[b * cols + c] = lo[c] as number;
        max[b * cols + c] = hi[c] as number;
      }
    }
  }
  return { buckets, min, max };
}
