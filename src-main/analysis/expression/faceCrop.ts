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
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (let i = 0; i < MESH_POINTS; i++) {
    const dx = (landmarks[i * 3] ?? 0) - pivotX;
    const dy = (landmarks[i * 3 + 1] ?? 0) - pivotY;
    // Coordinates along the upright face's axes (rotate by −roll).
    const u = dx * c + dy * s;
    const v = -dx * s + dy * c;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  const mu = (minU + maxU) / 2;
  const mv = (minV + maxV) / 2;
  return {
    cx: pivotX + mu * c - mv * s,
    cy: pivotY + mu * s + mv * c,
    side: Math.max(maxU - minU, maxV - minV) * scale,
    angle,
  };
}

/** Normalised grey (model input, −1..1) of the frame at (x, y), bilinear; outside the frame 0. */
function greyAt(frame: RgbFrame, x: number, y: number): number {
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
      acc += w * (0.2989 * (data[o] ?? 0) + 0.587 * (data[o + 1] ?? 0) + 0.114 * (data[o + 2] ?? 0));
      weight += w;
    }
  }
  // Missing neighbours (outside) contribute mid-grey: (g/255 − 0.5)·2 with g = 127.5 is 0.
  return ((acc + (1 - weight) * 127.5) / 255 - 0.5) * 2;
}

/** Fills out[size*size] (row-major, top row first) with the normalised grey crop. */
export function sampleGreyCrop(frame: RgbFrame, crop: CropSquare, size: number, out: Float32Array): void {
  const step = crop.side / size;
  const taps = step > 2 ? 2 : 1;
  const c = Math.cos(crop.angle) * step;
  const s = Math.sin(crop.angle) * step;
  const half = size / 2;
  // Sample positions are pixel centres; frame pixel (i, j) has its centre at (i, j) in sampling terms.
  const ox = crop.cx - 0.5;
  const oy = crop.cy - 0.5;
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      let acc = 0;
      for (let tv = 0; tv < taps; tv++) {
        const dv = v + (tv + 0.5) / taps - half;
        for (let tu = 0; tu < taps; tu++) {
          const du = u + (tu + 0.5) / taps - half;
          acc += greyAt(frame, ox + du * c - dv * s, oy + du * s + dv * c);
        }
      }
      out[v * size + u] = acc / (taps * taps);
    }
  }
}
