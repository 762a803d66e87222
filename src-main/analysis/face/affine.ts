// The 2-D affine maps between a model input (square, size x size) and the
// analysis frame. Every map here goes from model-input coordinates to frame
// coordinates, the direction the sampler needs (for each input pixel, where to
// read the frame) and the one results are mapped back with.
//
// Coordinates are continuous: pixel (i, j) covers [i, i+1) x [j, j+1), so its
// centre is (i + 0.5, j + 0.5). Boxes, keypoints and landmarks use the same convention.
import type { Point } from './detection.js';

/** frame = [a b; c d] · input + (tx, ty). */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  tx: number;
  ty: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A square region of the frame, rotated by `angle` about its centre: the crop
 * the landmark model sees. `angle` is the direction of the crop's x axis in the
 * frame, radians, measured from the frame's x axis towards its y axis (y points
 * down, so a positive angle looks clockwise on screen).
 */
export interface Roi {
  cx: number;
  cy: number;
  size: number;
  angle: number;
}

export function applyAffine(m: Affine, x: number, y: number): Point {
  return { x: m.a * x + m.b * y + m.tx, y: m.c * x + m.d * y + m.ty };
}

export function invertAffine(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c;
  if (det === 0 || !Number.isFinite(det)) throw new Error('invertAffine: the map is singular');
  const a = m.d / det;
  const b = -m.b / det;
  const c = -m.c / det;
  const d = m.a / det;
  return { a, b, c, d, tx: -(a * m.tx + b * m.ty), ty: -(c * m.tx + d * m.ty) };
}

/** Frame units per input unit along the map's most stretched axis (how much the sampler shrinks). */
export function maxStretch(m: Affine): number {
  return Math.sqrt(Math.max(m.a * m.a + m.c * m.c, m.b * m.b + m.d * m.d));
}

/**
 * `rect` of the frame scaled to fit a size x size input, aspect kept and centred,
 * the rest padded: the letterbox BlazeFace is trained on (rect = the whole frame), or one tile.
 */
export function fitRectMap(rect: Rect, size: number): Affine {
  const k = Math.min(size / rect.w, size / rect.h);
  const padX = (size - rect.w * k) / 2;
  const padY = (size - rect.h * k) / 2;
  return { a: 1 / k, b: 0, c: 0, d: 1 / k, tx: rect.x - padX / k, ty: rect.y - padY / k };
}

/** The rotated square `roi` of the frame onto a size x size input (input centre = roi centre). */
export function roiMap(roi: Roi, size: number): Affine {
  const s = roi.size / size;
  const cos = Math.cos(roi.angle) * s;
  const sin = Math.sin(roi.angle) * s;
  const half = size / 2;
  return { a: cos, b: -sin, c: sin, d: cos, tx: roi.cx - (cos - sin) * half, ty: roi.cy - (sin + cos) * half };
}
