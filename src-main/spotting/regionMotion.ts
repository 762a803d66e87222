// Motion of each facial region measured on the stored 3-D landmarks, with the
// pose of the head taken out in 3-D: every frame's points are centred on the
// stable points and scaled by the inter-ocular distance, turned into one
// canonical orientation by a rigid fit (rotation and scale, Horn's method:
// rigidFit3d.ts) of its stable points onto the recording's median face, then
// fitted again onto the local baseline shape; what is left over in a region is
// the face's own motion, whatever the head did (a turn, a nod, a jump at a cut).
import { LANDMARK_AXES, LANDMARK_REGIONS, LANDMARK_SUBSET, LANDMARK_VALUES_PER_FRAME } from '../../src-shared/analysis/landmarkSubset.js';
import { robustDeparture, type LocalWindows, type ScaleSpec } from './localBaseline.js';
import { applySimilarity3d, fitSimilarity3d } from './rigidFit3d.js';
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

const at = (a: ArrayLike<number>, point: number | undefined, axis: number): number => a[3 * (point ?? 0) + axis] ?? Number.NaN;

/**
 * The used points of one frame, centred on the stable points' centroid and
 * scaled to inter-ocular distances (3-D), as x0, y0, z0, x1… into `out`; false
 * when a point is missing or the eyes coincide.
 */
function normalisedFrame(landmarks: Int16Array, frame: number, p: PointPlan, out: Float64Array): boolean {
  const base = frame * LANDMARK_VALUES_PER_FRAME;
  for (let k = 0; k < p.slots.length; k++) {
    const s = base + (p.slots[k] ?? 0) * LANDMARK_AXES;
    for (let a = 0; a < 3; a++) {
      const v = landmarks[s + a] ?? LANDMARK_NONE;
      if (v === LANDMARK_NONE) return false;
      out[3 * k + a] = v;
    }
  }
  const [r0, r1, l0, l1] = p.stable;
  const eye = [0, 1, 2].map((a) => (at(out, l0, a) + at(out, l1, a) - at(out, r0, a) - at(out, r1, a)) / 2);
  const iod = Math.hypot(eye[0]!, eye[1]!, eye[2]!);
  if (!(iod > 0)) return false;
  const c = [0, 0, 0];
  for (const k of p.stable) for (let a = 0; a < 3; a++) c[a]! += at(out, k, a);
  for (let a = 0; a < 3; a++) c[a]! /= p.stable.length;
  for (let k = 0; k < p.slots.length; k++) for (let a = 0; a < 3; a++) out[3 * k + a] = (at(out, k, a) - c[a]!) / iod;
  return true;
}

/**
 * Region displacements and their robust z. `landmarks` is frame-major with
 * LANDMARK_SUBSET.length points of x, y, z (any consistent unit: it is scaled away).
 */
export function landmarkMotion(landmarks: Int16Array, windows: LocalWindows, scale: ScaleSpec): LandmarkMotion {
  const { tl, rel } = windows;
  const expected = tl.frames * LANDMARK_VALUES_PER_FRAME;
  if (landmarks.length !== expected) {
    throw new Error(
      `landmarks holds ${landmarks.length} numbers; ${tl.frames} frames × ${LANDMARK_SUBSET.length} points × ${LANDMARK_AXES} need ${expected}`,
    );
  }
  const p = plan();
  const coords = p.slots.length * 3;
  const n = tl.frames;
  // Normalised shapes, frame-major, then turned into one orientation (the pose taken out).
  const valid = new Uint8Array(n);
  const shapes = new Float32Array(n * coords).fill(Number.NaN);
  const shape = new Float64Array(coords);
  for (let t = 0; t < n; t++) {
    if (!rel.reliable[t] || !normalisedFrame(landmarks, t, p, shape)) continue;
    valid[t] = 1;
    shapes.set(shape, t * coords);
  }
  orientAll(shapes, valid, coords, p.stable);

  // The local baseline shape of each coordinate (coordinate-major series for the windows).
  const series = new Float32Array(n);
  const baseline = new Float32Array(n * coords);
  for (let c = 0; c < coords; c++) {
    for (let t = 0; t < n; t++) series[t] = shapes[t * coords + c] ?? Number.NaN;
    const b = windows.median(series);
    for (let t = 0; t < n; t++) baseline[t * coords + c] = b[t] ?? Number.NaN;
  }

  const displacement = Object.fromEntries(Object.keys(p.regions).map((r) => [r, new Float64Array(n).fill(Number.NaN)])) as Record<
    Region,
    Float64Array
  >;
  const fitted = new Float64Array(coords);
  for (let t = 0; t < n; t++) {
    if (!valid[t]) continue;
    const frame = shapes.subarray(t * coords, (t + 1) * coords);
    const target = baseline.subarray(t * coords, (t + 1) * coords);
    if (!Number.isFinite(target[0])) continue;
    const fit = fitSimilarity3d(frame, target, p.stable);
    if (!fit) continue;
    applySimilarity3d(fit, frame, fitted);
    for (const [region, points] of Object.entries(p.regions) as [Region, number[]][]) {
      let sum = 0;
      // In the face's frontal plane: the mesh's depth is a learned guess, much noisier than x and y, and
      // expressions show across the face, not towards the camera.
      for (const k of points) for (let a = 0; a < 2; a++) sum += (at(fitted, k, a) - at(target, k, a)) ** 2;
      displacement[region][t] = Math.sqrt(sum / points.length);
    }
  }
  const z = Object.fromEntries(
    (Object.entries(displacement) as [Region, Float64Array][]).map(([r, d]) => [r, robustDeparture(d, windows, scale).z]),
  ) as Record<Region, Float64Array>;
  return { z, displacement };
}

/**
 * Turns every valid shape into one orientation: fitted on its stable points to
 * a reference, first the first valid frame, then the median of the shapes so
 * fitted (a face no single frame's pose or expression skews).
 */
function orientAll(shapes: Float32Array, valid: Uint8Array, coords: number, stable: number[]): void {
  const n = valid.length;
  const first = valid.indexOf(1);
  if (first < 0) return;
  const fitted = new Float64Array(coords);
  let reference: Float64Array = Float64Array.from(shapes.subarray(first * coords, (first + 1) * coords));
  for (let pass = 0; pass < 2; pass++) {
    const oriented = new Float32Array(shapes.length).fill(Number.NaN);
    for (let t = 0; t < n; t++) {
      if (!valid[t]) continue;
      const frame = shapes.subarray(t * coords, (t + 1) * coords);
      const fit = fitSimilarity3d(frame, reference, stable);
      if (!fit) continue;
      applySimilarity3d(fit, frame, fitted);
      oriented.set(fitted, t * coords);
    }
    if (pass === 0) reference = medianShape(oriented, valid, coords);
    else shapes.set(oriented);
  }
}

/** Per-coordinate median over at most MEDIAN_SAMPLE frames spread evenly over the recording (a reference, not a measure). */
const MEDIAN_SAMPLE = 2000;

function medianShape(shapes: Float32Array, valid: Uint8Array, coords: number): Float64Array {
  const out = new Float64Array(coords);
  const frames: number[] = [];
  for (let t = 0; t < valid.length; t++) if (valid[t] && Number.isFinite(shapes[t * coords])) frames.push(t);
  const step = Math.max(1, frames.length / MEDIAN_SAMPLE);
  const sample: number[] = [];
  for (let i = 0; i < frames.length; i += step) sample.push(frames[Math.floor(i)]!);
  const column: number[] = [];
  for (let c = 0; c < coords; c++) {
    column.length = 0;
    for (const t of sample) {
      const v = shapes[t * coords + c] ?? Number.NaN;
      if (Number.isFinite(v)) column.push(v);
    }
    column.sort((a, b) => a - b);
    const m = column.length >> 1;
    out[c] = column.length % 2 ? (column[m] ?? 0) : ((column[m - 1] ?? 0) + (column[m] ?? 0)) / 2;
  }
  return out;
}
