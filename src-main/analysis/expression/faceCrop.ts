// The classifier's input: a tight, upright, grey face crop.
//
// Framing (FER2013-style, where the face fills the 48x48 picture from mid
// forehead to chin, cheek to cheek): the 468 landmarks are turned upright about
// the eye midpoint by the eye-line roll; their extent (the mesh reaches from
// the upper forehead, point 10, to the chin, 152, and from ear to ear) gives a
// box whose centre is the crop centre and whose larger side times `scale` is
// the crop side. Sampling walks that rotated square in the frame, bilinearly,
// with grey = 0.2989 R + 0.587 G + 0.114 B in 0..1, written as (grey − 0.5)·2
// (the model's normalisation) into a caller-owned Float32Array. When one crop
// pixel spans more than two frame pixels, 2x2 bilinear taps are averaged so
// large faces are not aliased; more taps would exceed the time budget.
// Outside the frame counts as mid-grey (0 after normalisation), not black, so a
// face at the edge does not get a hard dark border.
import type { RgbFrame } from '../types.js';
import { MESH_POINTS } from './meshIndices.js';
import { turnedExtentSquare } from '../geometry/turnedExtent.js';
import { bilinearFootprint, warmRect, type PixelRect } from '../geometry/warmFootprint.js';

export interface CropSquare {
  /** Centre in frame pixels. */
  cx: number;
  cy: number;
  /** Side in frame pixels. */
  side: number;
  /** Rotation of the crop's x axis in the frame, radians (the eye-line roll). */
  angle: number;
}

export function cropSquare(landmarks: Float32Array, pivotX: number, pivotY: number, rollDeg: number, scale: number): CropSquare {
  const angle = (rollDeg * Math.PI) / 180;
  const square = turnedExtentSquare(landmarks, MESH_POINTS, angle, pivotX, pivotY);
  return { cx: square.cx, cy: square.cy, side: square.side * scale, angle };
}

const WR = 0.2989;
const WG = 0.587;
const WB = 0.114;

/** Grey (0..255) at (x, y) in pixel-index coordinates when a neighbour is outside: missing neighbours count as mid-grey. */
function greyAtEdge(frame: RgbFrame, x: number, y: number): number {
  const { width, height, data } = frame;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  let acc = 0;
  let weight = 0;
  for (let j = 0; j < 2; j++) {
    const yy = y0 + j;
    if (yy < 0 || yy >= height) continue;
    const wy = j === 0 ? 1 - fy : fy;
    for (let i = 0; i < 2; i++) {
      const xx = x0 + i;
      if (xx < 0 || xx >= width) continue;
      const w = wy * (i === 0 ? 1 - fx : fx);
      const o = (yy * width + xx) * 3;
      acc += w * (WR * (data[o] ?? 0) + WG * (data[o + 1] ?? 0) + WB * (data[o + 2] ?? 0));
      weight += w;
    }
  }
  return acc + (1 - weight) * 127.5;
}

/** Fills out[size*size] (row-major, top row first) with the normalised grey crop. */
export function sampleGreyCrop(frame: RgbFrame, crop: CropSquare, size: number, out: Float32Array): void {
  const step = crop.side / size;
  const taps = step > 2 ? 2 : 1;
  // Crop axes in frame pixels per crop pixel.
  const ux = Math.cos(crop.angle) * step;
  const uy = Math.sin(crop.angle) * step;
  // (grey/255 − 0.5)·2 of the averaged taps.
  const scale = 2 / (255 * taps * taps);
  out.fill(-1);
  // The frame is usually cold in this thread's cache: fetch the crop's part first (warmFootprint.ts).
  warmRect(frame.data, frame.width, 3, cropFootprint(crop, size, frame.width, frame.height));
  for (let tv = 0; tv < taps; tv++) {
    for (let tu = 0; tu < taps; tu++) {
      // Offset of this tap inside a crop pixel, from the crop centre. Sample positions are pixel
      // centres: frame pixel (i, j) has its centre at (i, j) in the coordinates sampleTap uses.
      const du = (tu + 0.5) / taps - size / 2;
      const dv = (tv + 0.5) / taps - size / 2;
      sampleTap(frame, crop.cx - 0.5 + du * ux - dv * uy, crop.cy - 0.5 + du * uy + dv * ux, ux, uy, size, scale, out);
    }
  }
}

/** The frame pixels sampleGreyCrop can read for this crop. */
export function cropFootprint(crop: CropSquare, size: number, width: number, height: number): PixelRect | null {
  const step = crop.side / size;
  const ux = Math.cos(crop.angle) * step;
  const uy = Math.sin(crop.angle) * step;
  const h = size / 2;
  const corner = (su: number, sv: number) => ({
    x: crop.cx - 0.5 + su * h * ux - sv * h * uy,
    y: crop.cy - 0.5 + su * h * uy + sv * h * ux,
  });
  return bilinearFootprint([corner(-1, -1), corner(1, -1), corner(-1, 1), corner(1, 1)], width, height);
}

/** Adds scale × bilinear grey at (x0 + u·ux − v·uy, y0 + u·uy + v·ux) to out[v*size+u] for every crop pixel. */
function sampleTap(frame: RgbFrame, x0: number, y0: number, ux: number, uy: number, size: number, scale: number, out: Float32Array): void {
  const { width, height, data } = frame;
  const stride = width * 3;
  for (let v = 0; v < size; v++) {
    let x = x0 - v * uy;
    let y = y0 + v * ux;
    for (let u = 0; u < size; u++, x += ux, y += uy) {
      let grey: number;
      if (x >= 0 && y >= 0 && x < width - 1 && y < height - 1) {
        // Inside the frame (the usual case): bilinear without per-neighbour bounds checks.
        const xi = x | 0;
        const yi = y | 0;
        const fx = x - xi;
        const fy = y - yi;
        const o = yi * stride + xi * 3;
        const r = o + stride;
        const g00 = WR * (data[o] as number) + WG * (data[o + 1] as number) + WB * (data[o + 2] as number);
        const g10 = WR * (data[o + 3] as number) + WG * (data[o + 4] as number) + WB * (data[o + 5] as number);
        const g01 = WR * (data[r] as number) + WG * (data[r + 1] as number) + WB * (data[r + 2] as number);
        const g11 = WR * (data[r + 3] as number) + WG * (data[r + 4] as number) + WB * (data[r + 5] as number);
        const top = g00 + (g10 - g00) * fx;
        grey = top + (g01 + (g11 - g01) * fx - top) * fy;
      } else {
        grey = greyAtEdge(frame, x, y);
      }
      out[v * size + u] = (out[v * size + u] as number) + grey * scale;
    }
  }
}
