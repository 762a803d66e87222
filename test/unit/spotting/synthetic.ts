// Synthetic per-frame analyses for the spotter's tests: a calm face with small
// seeded noise (no Math.random), into which tests inject events.
import { STORED_COLUMNS, STORED_INDEX, type StoredColumn } from '../../../src-shared/analysis/frameColumns.js';
import { LANDMARK_REGIONS, LANDMARK_SUBSET } from '../../../src-shared/analysis/landmarkSubset.js';
import type { SpotInput } from '../../../src-main/spotting/types.js';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples from a uniform source (Box–Muller). */
export function gaussian(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-12);
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

const W = STORED_COLUMNS.length;
const P = LANDMARK_SUBSET.length;

/** Calm values of each column, and the noise (standard deviation) added to each. */
const CALM: Partial<Record<StoredColumn, [number, number]>> = {
  face: [1, 0],
  face_x: [200, 0.5],
  face_y: [150, 0.5],
  face_w: [180, 0.5],
  face_h: [200, 0.5],
  face_conf: [1, 0],
  yaw: [3, 0.3],
  pitch: [5, 0.3],
  roll: [0.5, 0.2],
  au01_02: [0, 0.002],
  au04: [0, 0.002],
  au05: [0, 0.0015],
  au06_12: [0, 0.003],
  au07: [0, 0.001],
  au09: [0, 0.003],
  au12_14_left: [0, 0.003],
  au12_14_right: [0, 0.003],
  au15: [0, 0.002],
  au20: [0, 0.003],
  au26: [0, 0.006],
  faces_seen: [1, 0],
  too_small: [0, 0],
  turned_away: [0, 0],
  blurred: [0, 0],
  sharpness: [0.2, 0.005],
  eye_open_left: [0.25, 0.004],
  eye_open_right: [0.25, 0.004],
  mouth_open: [0.015, 0.002],
  decode_issue: [0, 0],
};
/** Calm class probabilities (noise is added, then they are renormalised). */
const CALM_CLASSES: Record<string, number> = {
  neutral: 0.6,
  enjoyment: 0.02,
  sadness: 0.2,
  anger: 0.05,
  fear: 0.05,
  surprise: 0.03,
  contempt: 0.01,
  disgust: 0.04,
};
const CLASS_NAMES = Object.keys(CALM_CLASSES);

/** A face template in pixels (eye centres 75 px apart), by mesh index. */
function template(): Map<number, [number, number]> {
  const m = new Map<number, [number, number]>();
  LANDMARK_REGIONS.browRight.forEach((k, i) => m.set(k, [-60 + i * 11, -45 - (i === 2 ? 3 : 0)]));
  LANDMARK_REGIONS.browLeft.forEach((k, i) => m.set(k, [15 + i * 11, -45 - (i === 2 ? 3 : 0)]));
  const eye = (ks: readonly number[], cx: number, side: number): void => {
    const offsets: [number, number][] = [
      [-17, 0],
      [-8, -5],
      [8, -5],
      [17, 0],
      [8, 5],
      [-8, 5],
    ];
    ks.forEach((k, i) => {
      const [dx, dy] = offsets[i] ?? [0, 0];
      m.set(k, [cx + side * dx, -25 + dy]);
    });
  };
  eye(LANDMARK_REGIONS.eyeRight, -37.5, 1);
  eye(LANDMARK_REGIONS.eyeLeft, 37.5, -1);
  const nose: [number, number][] = [
    [0, -25],
    [0, -12],
    [0, 0],
    [0, 10],
    [0, 20],
    [0, 27],
    [0, 30],
    [-12, 28],
    [12, 28],
  ];
  LANDMARK_REGIONS.nose.forEach((k, i) => m.set(k, nose[i] ?? [0, 0]));
  LANDMARK_REGIONS.mouthOuter.forEach((k, i) => {
    const a = (2 * Math.PI * i) / LANDMARK_REGIONS.mouthOuter.length;
    m.set(k, [-30 * Math.cos(a), 55 - 10 * Math.sin(a)]);
  });
  const inner: [number, number][] = [
    [-20, 55],
    [0, 52],
    [20, 55],
    [0, 58],
  ];
  LANDMARK_REGIONS.mouthInner.forEach((k, i) => m.set(k, inner[i] ?? [0, 0]));
  LANDMARK_REGIONS.outline.forEach((k, i) => {
    const a = (2 * Math.PI * i) / LANDMARK_REGIONS.outline.length;
    m.set(k, [90 * Math.sin(a), 10 - 110 * Math.cos(a)]);
  });
  return m;
}

export interface Synthetic {
  fps: number;
  frames: number;
  times: Float64Array;
  values: Float32Array;
  /** Landmarks in pixels before quantisation: frame-major, P points × (x, y, z), relative to the template (head pose applied at build). */
  shapes: Float64Array;
  /** Frame index at a time (the first frame at or after it). */
  frameAt(seconds: number): number;
  get(frame: number, column: StoredColumn): number;
  set(frame: number, column: StoredColumn, value: number): void;
  add(frame: number, column: StoredColumn, delta: number): void;
  /** Moves the given mesh points of a frame by (dx, dy, dz) pixels in the face's own frame. */
  moveLandmarks(frame: number, mesh: readonly number[], dx: number, dy: number, dz?: number): void;
  /** Class probabilities of a frame: the named ones set, the others scaled to make the sum 1. */
  setClasses(frame: number, probabilities: Record<string, number>): void;
  /** The spotter's input; landmarks included when asked (quantised to quarter pixels, head motion applied). */
  input(options?: { landmarks?: boolean }): SpotInput;
}

export interface SyntheticOptions {
  fps?: number;
  seconds?: number;
  seed?: number;
  /** Frame times: 'cfr' (i / fps) or 'vfr' (gaps jittered ±30%). */
  timing?: 'cfr' | 'vfr';
  /**
   * Head motion applied to the landmarks: pixels of slow translation, degrees of slow rotation in the
   * picture and out of it (yaw, a turn of the head), and scale (sinusoids).
   */
  headMotion?: { translatePx: number; rotateDeg: number; scale: number; yawDeg?: number };
}

export function calmFace(options: SyntheticOptions = {}): Synthetic {
  const fps = options.fps ?? 25;
  const frames = Math.round((options.seconds ?? 30) * fps);
  const uniform = prng(options.seed ?? 1);
  const normal = gaussian(uniform);
  const times = new Float64Array(frames);
  for (let i = 1; i < frames; i++) times[i] = (times[i - 1] ?? 0) + (options.timing === 'vfr' ? (0.7 + 0.6 * uniform()) / fps : 1 / fps);
  if (options.timing !== 'vfr') for (let i = 0; i < frames; i++) times[i] = i / fps;

  const values = new Float32Array(frames * W);
  for (let f = 0; f < frames; f++) {
    for (const [col, [mean, sd]] of Object.entries(CALM) as [StoredColumn, [number, number]][])
      values[f * W + STORED_INDEX[col]] = mean + sd * normal();
    let sum = 0;
    const p = CLASS_NAMES.map((c) => {
      const v = Math.max(1e-4, (CALM_CLASSES[c] ?? 0) * (1 + 0.05 * normal()));
      sum += v;
      return v;
    });
    CLASS_NAMES.forEach((c, i) => (values[f * W + STORED_INDEX[c as StoredColumn]] = (p[i] ?? 0) / sum));
  }

  const tpl = template();
  const shapes = new Float64Array(frames * P * 3);
  for (let f = 0; f < frames; f++) {
    LANDMARK_SUBSET.forEach((mesh, k) => {
      const [x, y] = tpl.get(mesh) ?? [0, 0];
      shapes[(f * P + k) * 3] = x + 0.25 * normal();
      shapes[(f * P + k) * 3 + 1] = y + 0.25 * normal();
      // Depth: a rounded face, the nose and brows nearer the camera than the outline.
      shapes[(f * P + k) * 3 + 2] = (x * x + (y - 20) * (y - 20)) / 150 + 0.25 * normal();
    });
  }

  const slot = new Map(LANDMARK_SUBSET.map((mesh, k) => [mesh, k]));
  const s: Synthetic = {
    fps,
    frames,
    times,
    values,
    shapes,
    frameAt(seconds) {
      let i = 0;
      while (i < frames && (times[i] ?? 0) < seconds - 1e-9) i++;
      return i;
    },
    get: (f, c) => values[f * W + STORED_INDEX[c]] ?? Number.NaN,
    set: (f, c, v) => {
      values[f * W + STORED_INDEX[c]] = v;
    },
    add: (f, c, d) => {
      values[f * W + STORED_INDEX[c]] = (values[f * W + STORED_INDEX[c]] ?? 0) + d;
    },
    moveLandmarks(f, mesh, dx, dy, dz = 0) {
      for (const m of mesh) {
        const k = slot.get(m);
        if (k === undefined) throw new Error(`mesh point ${m} not stored`);
        shapes[(f * P + k) * 3] = (shapes[(f * P + k) * 3] ?? 0) + dx;
        shapes[(f * P + k) * 3 + 1] = (shapes[(f * P + k) * 3 + 1] ?? 0) + dy;
        shapes[(f * P + k) * 3 + 2] = (shapes[(f * P + k) * 3 + 2] ?? 0) + dz;
      }
    },
    setClasses(f, probabilities) {
      const fixed = Object.values(probabilities).reduce((a, b) => a + b, 0);
      const rest = CLASS_NAMES.filter((c) => !(c in probabilities));
      const restSum = rest.reduce((a, c) => a + s.get(f, c as StoredColumn), 0);
      for (const c of rest) s.set(f, c as StoredColumn, (s.get(f, c as StoredColumn) / restSum) * (1 - fixed));
      for (const [c, p] of Object.entries(probabilities)) s.set(f, c as StoredColumn, p);
    },
    input(opts = {}) {
      let landmarks: Int16Array | undefined;
      if (opts.landmarks) {
        landmarks = new Int16Array(frames * P * 3);
        const hm = options.headMotion ?? { translatePx: 0, rotateDeg: 0, scale: 0 };
        for (let f = 0; f < frames; f++) {
          const t = times[f] ?? 0;
          const angle = ((hm.rotateDeg * Math.PI) / 180) * Math.sin((2 * Math.PI * t) / 7);
          const yaw = (((hm.yawDeg ?? 0) * Math.PI) / 180) * Math.sin((2 * Math.PI * t) / 3);
          const scale = 1 + hm.scale * Math.sin((2 * Math.PI * t) / 11);
          const tx = 320 + hm.translatePx * Math.sin((2 * Math.PI * t) / 5);
          const ty = 240 + hm.translatePx * Math.cos((2 * Math.PI * t) / 9);
          const c = Math.cos(angle) * scale;
          const sn = Math.sin(angle) * scale;
          for (let k = 0; k < P; k++) {
            // Turned about the vertical axis (yaw), then in the picture (roll), scaled and moved.
            const x0 = shapes[(f * P + k) * 3] ?? 0;
            const y = shapes[(f * P + k) * 3 + 1] ?? 0;
            const z0 = shapes[(f * P + k) * 3 + 2] ?? 0;
            const x = Math.cos(yaw) * x0 + Math.sin(yaw) * z0;
            const z = -Math.sin(yaw) * x0 + Math.cos(yaw) * z0;
            landmarks[(f * P + k) * 3] = Math.round((c * x - sn * y + tx) * 4);
            landmarks[(f * P + k) * 3 + 1] = Math.round((sn * x + c * y + ty) * 4);
            landmarks[(f * P + k) * 3 + 2] = Math.round(z * scale * 4);
          }
        }
      }
      return {
        fps,
        frames,
        ptsSeconds: (i: number) => times[i] ?? Number.NaN,
        columns: STORED_COLUMNS,
        values,
        ...(landmarks ? { landmarks } : {}),
      };
    },
  };
  return s;
}

/** Half-sine pulse over `length` frames (1 frame: the full amplitude; 3 frames: 0.5, 1, 0.5 of it). */
export function pulse(length: number, k: number): number {
  return Math.sin((Math.PI * (k + 0.5)) / length);
}

/** Ramp up over `rampFrames`, hold, ramp down: a plateau of `length` frames. */
export function plateau(length: number, k: number, rampFrames: number): number {
  const r = Math.max(1, rampFrames);
  return Math.min(1, (k + 1) / (r + 1), (length - k) / (r + 1));
}

/** Adds amplitude × shape(k) to a column over frames start..start+length−1. */
export function inject(
  s: Synthetic,
  column: StoredColumn,
  start: number,
  length: number,
  amplitude: number,
  shape: (length: number, k: number) => number = pulse,
): void {
  for (let k = 0; k < length; k++) s.add(start + k, column, amplitude * shape(length, k));
}

/** IoU of two inclusive frame intervals (test-side, independent of the evaluation module). */
export function iou(a: { onsetFrame: number; offsetFrame: number }, b: { onsetFrame: number; offsetFrame: number }): number {
  const i = Math.min(a.offsetFrame, b.offsetFrame) - Math.max(a.onsetFrame, b.onsetFrame) + 1;
  if (i <= 0) return 0;
  return i / (a.offsetFrame - a.onsetFrame + 1 + b.offsetFrame - b.onsetFrame + 1 - i);
}
