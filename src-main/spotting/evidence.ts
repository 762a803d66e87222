// Per-frame evidence that the face departs from its own local baseline: the
// action units and the landmarks give each region's motion, the classifier gives
// how much a class rose; both are robust z (departure / robust scale).
import { ACTION_UNITS, type ActionUnit } from '../../src-shared/analysis/actionUnits.js';
import { EMOTIONS, EXPRESSION_CLASSES, type ExpressionClass } from '../../src-shared/analysis/emotions.js';
import { LocalWindows, robustDeparture, type ScaleSpec, type WindowSpec } from './localBaseline.js';
import { findBlinkFrames } from './blinks.js';
import type { FrameTable } from './features.js';
import type { SpotParams } from './params.js';
import { landmarkMotion } from './regionMotion.js';
import type { Reliability } from './reliability.js';
import type { Timeline } from './timeline.js';
import { REGIONS, type Region } from './types.js';

/** The action units read as each region's motion. */
export const REGION_AUS: Record<Region, readonly ActionUnit[]> = {
  brows: ['au01_02', 'au04'],
  eyes: ['au05', 'au07'],
  nose: ['au09'],
  mouth: ['au06_12', 'au12_14_left', 'au12_14_right', 'au15', 'au20', 'au26'],
};

export interface FrameEvidence {
  /** motion + classWeight × classifier: what peaks are found on (NaN = nothing measured). */
  combined: Float64Array;
  /** Largest region evidence (≥ 0). */
  motion: Float64Array;
  /** Largest rise of an emotion, or fall of neutral, in robust z (≥ 0). */
  classifier: Float64Array;
  /** Per region: the largest |z| of its action units and of its landmark displacement; eyes 0 during blinks. */
  region: Record<Region, Float64Array>;
  /** Per region, the robust z of its landmarks' displacement in the face's own frame (3-D pose taken out); absent without landmarks. */
  landmarkRegion?: Record<Region, Float64Array>;
  auZ: Record<ActionUnit, Float64Array>;
  classZ: Record<ExpressionClass, Float64Array>;
  /** Class probability minus its local baseline. */
  classRise: Record<ExpressionClass, Float64Array>;
  /** 1 on blink frames (with margin). */
  blink: Uint8Array;
}

export function windowSpec(tl: Timeline, params: SpotParams): WindowSpec {
  return {
    halfWindowS: params.baselineHalfWindowS,
    guardS: params.baselineGuardS,
    minCount: Math.max(1, Math.round(params.minBaselineS * tl.fps)),
  };
}

export function computeEvidence(
  table: FrameTable,
  tl: Timeline,
  rel: Reliability,
  params: SpotParams,
  landmarks?: Int16Array,
): FrameEvidence {
  const n = tl.frames;
  const windows = new LocalWindows(tl, rel, windowSpec(tl, params));
  const scale = (floor: number): ScaleSpec => ({ halfWindowS: params.scaleHalfWindowS, stepS: params.scaleStepS, floor });

  const auZ = Object.fromEntries(
    ACTION_UNITS.map((au) => [au, robustDeparture(table.column(au), windows, scale(params.auScaleFloor)).z]),
  ) as Record<ActionUnit, Float64Array>;
  const classZ = {} as Record<ExpressionClass, Float64Array>;
  const classRise = {} as Record<ExpressionClass, Float64Array>;
  for (const c of EXPRESSION_CLASSES) {
    const p = table.column(c);
    const d = robustDeparture(p, windows, scale(params.classScaleFloor));
    classZ[c] = d.z;
    const rise = new Float64Array(n);
    for (let t = 0; t < n; t++) rise[t] = (p[t] ?? Number.NaN) - (d.baseline[t] ?? Number.NaN);
    classRise[c] = rise;
  }

  const eyeLeft = table.column('eye_open_left');
  const eyeRight = table.column('eye_open_right');
  const blink = findBlinkFrames(eyeLeft, eyeRight, windows.median(eyeLeft), windows.median(eyeRight), tl, params);

  const lm = landmarks ? landmarkMotion(landmarks, windows, scale(params.landmarkScaleFloor)).z : undefined;

  const region = {} as Record<Region, Float64Array>;
  for (const r of REGIONS) {
    const e = new Float64Array(n).fill(Number.NaN);
    const sources = [...REGION_AUS[r].map((au) => auZ[au]), ...(lm ? [lm[r]] : [])];
    for (let t = 0; t < n; t++) {
      if (!rel.reliable[t]) continue;
      let best = Number.NaN;
      for (const s of sources) {
        const v = Math.abs(s[t] ?? Number.NaN);
        if (Number.isFinite(v) && !(v <= best)) best = v;
      }
      e[t] = r === 'eyes' && blink[t] && Number.isFinite(best) ? 0 : best;
    }
    region[r] = e;
  }

  const motion = new Float64Array(n).fill(Number.NaN);
  const classifier = new Float64Array(n).fill(Number.NaN);
  const combined = new Float64Array(n).fill(Number.NaN);
  for (let t = 0; t < n; t++) {
    if (!rel.reliable[t]) continue;
    let m = Number.NaN;
    for (const r of REGIONS) {
      const v = region[r][t] ?? Number.NaN;
      if (Number.isFinite(v)) m = Number.isFinite(m) ? Math.max(m, v) : v;
    }
    let c = Number.NaN;
    const neutralFall = -(classZ.neutral[t] ?? Number.NaN);
    if (Number.isFinite(neutralFall)) c = neutralFall;
    for (const emotion of EMOTIONS) {
      const v = classZ[emotion][t] ?? Number.NaN;
      if (Number.isFinite(v)) c = Number.isFinite(c) ? Math.max(c, v) : v;
    }
    if (!Number.isFinite(m) && !Number.isFinite(c)) continue;
    motion[t] = Number.isFinite(m) ? Math.max(0, m) : 0;
    // The classifier reads closed eyes as an emotion (sadness, fear): during a blink it is not evidence.
    classifier[t] = Number.isFinite(c) && !blink[t] ? Math.max(0, c) : 0;
    combined[t] = (motion[t] ?? 0) + params.classWeight * (classifier[t] ?? 0);
  }
  return { combined, motion, classifier, region, ...(lm ? { landmarkRegion: lm } : {}), auZ, classZ, classRise, blink };
}
