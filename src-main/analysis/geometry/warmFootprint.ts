// Brings the part of a frame a crop will read into the cache before the crop
// reads it. Why: the frames come from the decoder's ring, written on another
// core frames ago, so the crop's reads miss the cache; a bilinear loop has too
// much arithmetic between its loads for the processor to keep more than a
// couple of misses in flight, and waits out each one. A loop that only reads
// one byte per cache line has dozens in flight. Measured on the benchmark
// machine, a 192x192 crop of a 480 px face region: 0.88 ms cold, 0.61 ms
// with this first (of which 0.11 ms is this). The values read are not used:
// results are identical with or without it.

export interface Point2 {
  x: number;
  y: number;
}

/** Whole-pixel rows and columns, inclusive. */
export interface PixelRect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The pixels a bilinear read at any point inside the convex hull of `corners`
 * (pixel-index coordinates: pixel (i, j) at (i, j)) can touch, with a pixel of
 * margin, clamped to the frame; null when none are inside it.
 */
export function bilinearFootprint(corners: readonly Point2[], width: number, height: number): PixelRect | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of corners) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  // A read at x uses columns floor(x) and floor(x) + 1; one more pixel each
  // side covers a sampler that reaches a corner by steps, with rounding.
  const x0 = Math.max(0, Math.floor(minX) - 1);
  const x1 = Math.min(width - 1, Math.floor(maxX) + 2);
  const y0 = Math.max(0, Math.floor(minY) - 1);
  const y1 = Math.min(height - 1, Math.floor(maxY) + 2);
  if (!(x0 <= x1 && y0 <= y1)) return null;
  return { x0, x1, y0, y1 };
}

const CACHE_LINE = 64;

/** The bytes read are summed into this, so that no compiler can drop the reads as unused. */
let checksum = 0;
export const warmChecksum = (): number => checksum;

/**
 * Reads one byte of every cache line of `rect` in a packed image of
 * `bytesPerPixel` (and each row's last byte); returns how many bytes it read.
 */
export function warmRect(data: ArrayLike<number>, width: number, bytesPerPixel: number, rect: PixelRect | null): number {
  if (!rect) return 0;
  const stride = width * bytesPerPixel;
  let sum = 0;
  let reads = 0;
  for (let y = rect.y0; y <= rect.y1; y++) {
    const first = y * stride + rect.x0 * bytesPerPixel;
    const last = y * stride + rect.x1 * bytesPerPixel + bytesPerPixel - 1;
    for (let p = first; p <= last; p += CACHE_LINE) sum += data[p] as number;
    sum += data[last] as number;
    reads += Math.floor((last - first) / CACHE_LINE) + 2;
  }
  checksum = (checksum + sum) | 0;
  return reads;
}
