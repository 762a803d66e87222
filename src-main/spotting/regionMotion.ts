// Motion of each facial region measured on the stored landmarks, with the rigid
// motion of the head taken out: every frame is put in a face frame (origin at the
// stable points' centroid, x along the eyes, unit = inter-ocular distance), then
// fitted by a similarity (least squares, translation + rotation + scale) on the
// stable points to the local baseline shape; what is left over in a region is its
// own motion.
import { LANDMARK_REGIONS, LANDMARK_SUBSET } from '../../src-shared/analysis/landmarkSubset.js';
import { robustDeparture, type LocalWindows, type ScaleSpec } from './localBaseline.js';
import type { Region } from './types.js';

/** int16 value of a missing coordinate. */
export const LANDMARK_NONE = -32768;

/** Mesh points that do not move with expressions: eye corners, nose bridge, upper forehead outline. */
export const STABLE_POINTS = [33, 133, 362, 263, 168, 6, 197, 195, 10, 338, 109, 297, 67] as const;

/** Mesh points of each region. Eye corners and the nose bridge are both stable and part of a region. */
export const REGION_POINTS: Record<Region, readonly number[]> = {
  brows: [...LANDMARK_REGIONS.browRight, ...LANDMARK_REGIONS.browLeft],
  eyes: [...LANDMARK_REGIONS.eyeRight, ...LANDMARK_REGIONS.eyeLeft],
  nose: [...LANDMARK_REGIONS.nose],
  mouth: [...LANDMARK_REGIONS.mouthOuter, ...LANDMARK_REGIONS.mouthInner],
};

export interface LandmarkMotion {
  /** Robust z of each region's displacement from its local baseline shape (NaN where unmeasured). */
  z: Record<Region, Float64Array>;
  /** The displacement itself: RMS over the region's points, in inter-ocular distances. */
  displacement: Record<Region, Float64Array>;
}

interface PointPlan {
  /** Slot in the stored subset of each used point. */
  slots: number[];
  /** Positions (in the used list) of the stable points, eye corners first (R outer, R inner, L inner, L outer). */
  stable: number[];
  regions: Record<Region, number[]>;
}

function plan(): PointPlan {
  const used: number[] = [];
  const position = (mesh: number): number => {
    let k = used.indexOf(mesh);
    if (k < 0) {
      k = used.length;
      used.push(mesh);
    }
    return k;
  };
  const stable = STABLE_POINTS.map(position);
  const regions = Object.fromEntries(Object.entries(REGION_POINTS).map(([r, pts]) => [r, pts.map(position)])) as Record<Region, number[]>;
  const slots = used.map((mesh) => {
    const slot = LANDMARK_SUBSET.indexOf(mesh);
    if (slot < 0) throw new Error(`mesh point ${mesh} is not in LANDMARK_SUBSET`);
    return slot;
  });
  return { slots, stable, regions };
}

/**
 * The used points of one frame in its face frame, as x0, y0, x1, y1… into `out`;
 * false when a point is missing or the eyes coincide.
 */
function toFaceFrame(landmarks: Int16Array, frame: number, p: PointPlan, out: Float64Array): boolean {
  const base = frame * LANDMARK_SUBSET.length * 2;
  for (let k = 0; k < p.slots.length; k++) {
    const s = base + (p.slots[k] ?? 0) * 2;
    const x = landmarks[s] ?? LANDMARK_NONE;
    const y = landmarks[s + 1] ?? LANDMARK_NONE;
    if (x === LANDMARK_NONE || y === LANDMARK_NONE) return false;
    out[2 * k] = x;
    out[2 * k + 1] = y;
  }
  const [r0, r1, l0, l1] = p.stable;
  const ex = (at(out, l0, 0) + at(out, l1, 0) - at(out, r0, 0) - at(out, r1, 0)) / 2;
  const ey = (at(out, l0, 1) + at(out, l1, 1) - at(out, r0, 1) - at(out, r1, 1)) / 2;
  const iod = Math.hypot(ex, ey);
  if (!(iod > 0)) return false;
  let cx = 0;
  let cy = 0;
  for (const k of p.stable) {
    cx += at(out, k, 0);
    cy += at(out, k, 1);
  }
  cx /= p.stable.length;
  cy /= p.stable.length;
  const c = ex / iod;
  const s = ey / iod;
  for (let k = 0; k < p.slots.length; k++) {
    const dx = at(out, k, 0) - cx;
    const dy = at(out, k, 1) - cy;
    out[2 * k] = (c * dx + s * dy) / iod;
    out[2 * k + 1] = (-s * dx + c * dy) / iod;
  }
  return true;
}

function at(a: ArrayLike<number>, point: number | undefined, axis: 0 | 1): number {
  return a[2 * (point ?? 0) + axis] ?? Number.NaN;
}

/**
 * Region displacements and their robust z. `landmarks` is frame-major with
 * LANDMARK_SUBSET.length points of x, y (any consistent unit: the face frame removes it).
 */
export function landmarkMotion(landmarks: Int16Array, windows: LocalWindows, scale: ScaleSpec): LandmarkMotion {
  const { tl, rel } = windows;
  const expected = tl.frames * LANDMARK_SUBSET.length * 2;
  if (landmarks.length !== expected) {
    throw new Error(
      `landmarks holds ${landmarks.length} numbers; ${tl.frames} frames × ${LANDMARK_SUBSET.length} points × 2 need ${expected}`,
    );
  }
  const p = plan();
  const coords = p.slots.length * 2;
  const n = tl.frames;
  const shape = new Float64Array(coords);
  // Face-frame coordinates, coordinate-major, then the local baseline shape of each.
  const valid = new Uint8Array(n);
  const series = new Float32Array(n * coords);
  for (let t = 0; t < n; t++) {
    if (!rel.reliable[t] || !toFaceFrame(landmarks, t, p, shape)) {
      for (let c = 0; c < coords; c++) series[c * n + t] = Number.NaN;
      continue;
    }
    valid[t] = 1;
    for (let c = 0; c < coords; c++) series[c * n + t] = shape[c] ?? Number.NaN;
  }
  const baseline = new Float32Array(n * coords);
  for (let c = 0; c < coords; c++) {
    const b = windows.median(series.subarray(c * n, (c + 1) * n));
    for (let t = 0; t < n; t++) baseline[t * coords + c] = b[t] ?? Number.NaN;
  }

  const displacement = Object.fromEntries(Object.keys(p.regions).map((r) => [r, new Float64Array(n).fill(Number.NaN)])) as Record<
    Region,
    Float64Array
  >;
  const fitted = new Float64Array(coords);
  const target = new Float64Array(coords);
  for (let t = 0; t < n; t++) {
    if (!valid[t]) continue;
    for (let c = 0; c < coords; c++) {
      shape[c] = series[c * n + t] ?? Number.NaN;
      target[c] = baseline[t * coords + c] ?? Number.NaN;
    }
    if (!Number.isFinite(target[0]) || !similarityFit(shape, target, p.stable, fitted)) continue;
    for (const [region, points] of Object.entries(p.regions) as [Region, number[]][]) {
      let sum = 0;
      for (const k of points) sum += (at(fitted, k, 0) - at(target, k, 0)) ** 2 + (at(fitted, k, 1) - at(target, k, 1)) ** 2;
      displacement[region][t] = Math.sqrt(sum / points.length);
    }
  }
  const z = Object.fromEntries(
    (Object.entries(displacement) as [Region, Float64Array][]).map(([r, d]) => [r, robustDeparture(d, windows, scale).z]),
  ) as Record<Region, Float64Array>;
  return { z, displacement };
}

/**
 * Least-squares similarity that maps the `fit` points of `source` onto those of
 * `target`, applied to every point of `source` into `out`. False when degenerate.
 */
export function similarityFit(source: Float64Array, target: Float64Array, fit: readonly number[], out: Float64Array): boolean {
  let sx = 0;
  let sy = 0;
  let tx = 0;
  let ty = 0;
  for (const k of fit) {
    sx += at(source, k, 0);
    sy += at(source, k, 1);
    tx += at(target, k, 0);
    ty += at(target, k, 1);
  }
  sx /= fit.length;
  sy /= fit.length;
  tx /= fit.length;
  ty /= fit.length;
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (const k of fit) {
    const ax = at(source, k, 0) - sx;
    const ay = at(source, k, 1) - sy;
    const bx = at(target, k, 0) - tx;
    const by = at(target, k, 1) - ty;
    dot += ax * bx + ay * by;
    cross += ax * by - ay * bx;
    norm += ax * ax + ay * ay;
  }
  if (!(norm > 0)) return false;
  const a = dot / norm;
  const b = cross / norm;
  for (let k = 0; 2 * k < source.length; k++) {
    const x = (source[2 * k] ?? 0) - sx;
    const y = (source[2 * k + 1] ?? 0) - sy;
    out[2 * k] = a * x - b * y + tx;
    out[2 * k + 1] = b * x + a * y + ty;
  }
  return Number.isFinite(a) && Number.isFinite(b);
}
