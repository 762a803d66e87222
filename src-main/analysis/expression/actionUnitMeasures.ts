// Action-unit evidence: departures of the geometric measures (geometry.ts)
// from the subject's baseline (baseline.ts), in IOD units of the face-aligned
// frame, signed so that positive means "more of this action". Δm below is
// measure m minus its baseline.
//
//   au01_02      = mean(ΔbrowRight, ΔbrowLeft)                      brows up
//   au04         = −(mean(ΔbrowInnerRight, ΔbrowInnerLeft) + ΔbrowGap) / 2
//                                                                    inner brows down and together
//   au05         = mean(ΔupperLidRight, ΔupperLidLeft)              upper lids up
//   au07         = −mean(ΔlowerLidRight, ΔlowerLidLeft)             lower lids up (aperture narrows from below)
//   au09         = Δalae                                            nasal wings up towards the eyes
//   pull_side    = (ΔcornerRaise_side + ΔcornerOut_side) / √2       lip corner moved along the 45° up-and-out
//                                                                    line of zygomaticus major
//   au12_14_left = pull_left, au12_14_right = pull_right            each corner alone (contempt.ts compares them)
//   au06_12      = mean(pull_left, pull_right)                      both corners: the smile
//   au15         = mean(ΔcornerDropRight, ΔcornerDropLeft)          corners down relative to the lip centre
//   au20         = mean over sides of (ΔcornerOut − max(0, ΔcornerRaise))
//                                                                    lateral stretch not explained by a smile's raise
//   au26         = Δchin                                            chin down from the eye line
//
// The cheek raise of AU6 has no landmark that moves independently of AU12 on
// this mesh (the lower-lid push shows in au07), so au06_12 measures the mouth.
import type { ActionUnitEvidence } from '../../../src-shared/analysis/actionUnits.js';
import { F } from './geometry.js';

export interface ActionUnitResult {
  aus: ActionUnitEvidence;
  pullLeft: number;
  pullRight: number;
}

export function actionUnitEvidence(features: Float64Array, baseline: Float64Array): ActionUnitResult {
  const d = (i: number): number => (features[i] ?? 0) - (baseline[i] ?? 0);
  const pullRight = (d(F.cornerRaiseRight) + d(F.cornerOutRight)) / Math.SQRT2;
  const pullLeft = (d(F.cornerRaiseLeft) + d(F.cornerOutLeft)) / Math.SQRT2;
  const stretch = (out: number, raise: number): number => out - Math.max(0, raise);
  const aus: ActionUnitEvidence = {
    au01_02: (d(F.browRight) + d(F.browLeft)) / 2,
    au04: -((d(F.browInnerRight) + d(F.browInnerLeft)) / 2 + d(F.browGap)) / 2,
    au05: (d(F.upperLidRight) + d(F.upperLidLeft)) / 2,
    au06_12: (pullLeft + pullRight) / 2,
    au07: -(d(F.lowerLidRight) + d(F.lowerLidLeft)) / 2,
    au09: d(F.alae),
    au12_14_left: pullLeft,
    au12_14_right: pullRight,
    au15: (d(F.cornerDropRight) + d(F.cornerDropLeft)) / 2,
    au20: (stretch(d(F.cornerOutRight), d(F.cornerRaiseRight)) + stretch(d(F.cornerOutLeft), d(F.cornerRaiseLeft))) / 2,
    au26: d(F.chin),
  };
  return { aus, pullLeft, pullRight };
}
