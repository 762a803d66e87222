// Writes a model input from an rgb24 frame through an affine map: bilinear
// interpolation, normalised on the fly (value * scale + offset), NHWC float32.
// It runs on every frame (the 192x192 mesh crop), so it allocates nothing and
// keeps the common case (all four neighbours inside the frame) branch-light.
import { maxStretch, type Affine } from './affine.js';
import { bilinearFootprint, warmRect, type PixelRect } from '../geometry/warmFootprint.js';

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Normalisation {
  /** Model value = byte * scale + offset; outside the frame the byte is 0 (black). */
  scale: number;
  offset: number;
}

/** Most sub-samples per axis the sampler takes; 4x4 already covers an 8x shrink. */
export const MAX_TAPS = 4;

/**
 * Sub-samples per axis so that bilinear reads stay about two frame pixels apart
 * when the map shrinks the frame a lot (whole-frame letterbox of a large frame);
 * plain bilinear would alias and hide small faces.
 */
export function tapsFor(map: Affine): number {
  return Math.min(MAX_TAPS, Math.max(1, Math.ceil(maxStretch(map) / 2)));
}

/**
 * Fills dst (dstW*dstH*3 floats from dstOffset) with the frame seen through `map`
 * (input → frame coordinates). Pixel centres are sampled, each averaged over
 * taps x taps sub-samples spread evenly across the input pixel.
 */
export function sampleAffine(
  src: RgbImage,
  map: Affine,
  dst: Float32Array,
  dstW: number,
  dstH: number,
  norm: Normalisation,
  taps = 1,
  dstOffset = 0,
): void {
  const { data, width, height } = src;
  if (data.length < width * height * 3) throw new Error(`sampleAffine: ${data.length} bytes for a ${width}x${height} rgb24 image`);
  if (dst.length < dstOffset + dstW * dstH * 3)
    throw new Error(`sampleAffine: destination holds ${dst.length} floats, ${dstOffset + dstW * dstH * 3} needed`);
  // The frame is usually cold in the cache (decoded frames ago, on another core): fetch it all first.
  warmRect(data, width, 3, sampledFootprint(map, dstW, dstH, width, height));
  const n = Math.max(1, Math.floor(taps));
  // n x n passes, each one bilinear read per input pixel at its own sub-pixel
  // offset, adding 1/n² of the normalised value: the mean of n² reads.
  const k = 1 / (n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      tapPass(src, map, dst, dstW, dstH, norm.scale * k, norm.offset * k, (i + 0.5) / n, (j + 0.5) / n, i + j > 0, dstOffset);
    }
  }
}

/** The frame pixels the sampler can read through `map` for a dstW x dstH input (warmFootprint.ts). */
export function sampledFootprint(map: Affine, dstW: number, dstH: number, width: number, height: number): PixelRect | null {
  // Sample points lie within input [0, dstW] x [0, dstH], in index coordinates (−0.5).
  const corner = (u: number, v: number) => ({ x: map.a * u + map.b * v + map.tx - 0.5, y: map.c * u + map.d * v + map.ty - 0.5 });
  return bilinearFootprint([corner(0, 0), corner(dstW, 0), corner(0, dstH), corner(dstW, dstH)], width, height);
}

/**
 * One bilinear read per input pixel at sub-pixel offset (du, dv), stepping the
 * frame position incrementally along each row; it writes (or adds) value *
 * scale + offset. About 0.5 ms for a 192x192 crop here.
 */
function tapPass(
  src: RgbImage,
  map: Affine,
  dst: Float32Array,
  dstW: number,
  dstH: number,
  scale: number,
  offset: number,
  du: number,
  dv: number,
  accumulate: boolean,
  dstOffset: number,
): void {
  const { data, width, height } = src;
  const { a, b, c, d } = map;
  const maxX = width - 1;
  const maxY = height - 1;
  const stride = width * 3;
  const scratch = BORDER_SCRATCH;
  let o = dstOffset;
  for (let v = 0; v < dstH; v++) {
    // Index coordinates of input pixel (0, v)'s sample point: frame pixel centres sit at integers.
    let x = a * du + b * (v + dv) + map.tx - 0.5;
    let y = c * du + d * (v + dv) + map.ty - 0.5;
    for (let u = 0; u < dstW; u++, x += a, y += c, o += 3) {
      let r: number;
      let g: number;
      let bl: number;
      if (x >= 0 && y >= 0 && x < maxX && y < maxY) {
        const x0 = x | 0;
        const y0 = y | 0;
        const fx = x - x0;
        const fy = y - y0;
        const p = y0 * stride + x0 * 3;
        const q = p + stride;
        // Weights carry the normalisation scale: four multiply-adds per channel.
        const gx = 1 - fx;
        const w00 = gx * (1 - fy) * scale;
        const w01 = fx * (1 - fy) * scale;
        const w10 = gx * fy * scale;
        const w11 = fx * fy * scale;
        r = (data[p] as number) * w00 + (data[p + 3] as number) * w01 + (data[q] as number) * w10 + (data[q + 3] as number) * w11 + offset;
        g =
          (data[p + 1] as number) * w00 +
          (data[p + 4] as number) * w01 +
          (data[q + 1] as number) * w10 +
          (data[q + 4] as number) * w11 +
          offset;
        bl =
          (data[p + 2] as number) * w00 +
          (data[p + 5] as number) * w01 +
          (data[q + 2] as number) * w10 +
          (data[q + 5] as number) * w11 +
          offset;
      } else {
        readBorder(data, width, height, x, y, scratch, 0, scale, offset);
        r = scratch[0] as number;
        g = scratch[1] as number;
        bl = scratch[2] as number;
      }
      if (accumulate) {
        dst[o] = (dst[o] as number) + r;
        dst[o + 1] = (dst[o + 1] as number) + g;
        dst[o + 2] = (dst[o + 2] as number) + bl;
      } else {
        dst[o] = r;
        dst[o + 1] = g;
        dst[o + 2] = bl;
      }
    }
  }
}

/** Bilinear read near or beyond the frame edge: the edge pixel repeats for half a pixel, then black. */
function readBorder(
  data: Uint8Array,
  width: number,
  height: number,
  x: number,
  y: number,
  dst: Float32Array,
  o: number,
  scale: number,
  offset: number,
): void {
  if (x < -0.5 || y < -0.5 || x > width - 0.5 || y > height - 0.5) {
    dst[o] = offset;
    dst[o + 1] = offset;
    dst[o + 2] = offset;
    return;
  }
  const fx0 = Math.floor(x);
  const fy0 = Math.floor(y);
  const fx = x - fx0;
  const fy = y - fy0;
  const x0 = Math.min(Math.max(fx0, 0), width - 1);
  const x1 = Math.min(Math.max(fx0 + 1, 0), width - 1);
  const y0 = Math.min(Math.max(fy0, 0), height - 1);
  const y1 = Math.min(Math.max(fy0 + 1, 0), height - 1);
  for (let ch = 0; ch < 3; ch++) {
    const p00 = data[(y0 * width + x0) * 3 + ch] as number;
    const p01 = data[(y0 * width + x1) * 3 + ch] as number;
    const p10 = data[(y1 * width + x0) * 3 + ch] as number;
    const p11 = data[(y1 * width + x1) * 3 + ch] as number;
    const top = p00 + fx * (p01 - p00);
    const bottom = p10 + fx * (p11 - p10);
    dst[o + ch] = (top + fy * (bottom - top)) * scale + offset;
  }
}

const BORDER_SCRATCH = new Float32Array(3);
