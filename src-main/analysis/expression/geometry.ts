// Raw geometric measures of one face, read from landmarks already in the
// face-aligned frame (faceFrame.ts: IOD units, origin between the eyes, x to
// the subject's left, y down). Each is an absolute position or distance; the
// action units are their departures from the subject's baseline
// (actionUnits.ts). Heights are measured upwards (−y) so "more" means "higher".
import { MESH } from './meshIndices.js';

/** The measures, in the order of the feature vector. */
export const FEATURES = [
  'browRight', // mean height of the right brow contour (70, 63, 105, 66, 107) above the eye line
  'browLeft', // same, left brow (300, 293, 334, 296, 336)
  'browInnerRight', // height of the inner brow end 107
  'browInnerLeft', // height of 336
  'browGap', // horizontal distance 107 → 336
  'upperLidRight', // mean height of the upper lid (160, 159, 158) above the eye's corner line (33, 133)
  'upperLidLeft', // (387, 386, 385) above (263, 362)
  'lowerLidRight', // mean depth of the lower lid (144, 145, 153) below the corner line
  'lowerLidLeft', // (373, 374, 380)
  'alae', // mean height of the nasal alae 98, 327
  'cornerRaiseRight', // height of lip corner 61
  'cornerRaiseLeft', // height of lip corner 291
  'cornerOutRight', // lateral distance of 61 from the midline (x = 0)
  'cornerOutLeft', // lateral distance of 291
  'cornerDropRight', // how far 61 is below the inner-lip midpoint (13 + 14) / 2
  'cornerDropLeft', // same for 291
  'chin', // depth of the chin 152 below the eye line
] as const;
export type Feature = (typeof FEATURES)[number];
export const FEATURE_COUNT = FEATURES.length;
export const F = Object.fromEntries(FEATURES.map((name, i) => [name, i])) as Record<Feature, number>;

const x = (p: Float32Array, i: number): number => p[i * 3] ?? 0;
const y = (p: Float32Array, i: number): number => p[i * 3 + 1] ?? 0;
const meanY = (p: Float32Array, idx: readonly number[]): number => {
  let s = 0;
  for (const i of idx) s += y(p, i);
  return s / idx.length;
};

/** Fills `out` (FEATURE_COUNT values) from aligned landmarks. */
export function measureFeatures(aligned: Float32Array, out: Float64Array): void {
  const cornerLineRight = (y(aligned, MESH.rightEyeOuter) + y(aligned, MESH.rightEyeInner)) / 2;
  const cornerLineLeft = (y(aligned, MESH.leftEyeOuter) + y(aligned, MESH.leftEyeInner)) / 2;
  const lipMid = (y(aligned, MESH.upperInnerLip) + y(aligned, MESH.lowerInnerLip)) / 2;
  out[F.browRight] = -meanY(aligned, MESH.rightBrow);
  out[F.browLeft] = -meanY(aligned, MESH.leftBrow);
  out[F.browInnerRight] = -y(aligned, MESH.rightBrowInner);
  out[F.browInnerLeft] = -y(aligned, MESH.leftBrowInner);
  out[F.browGap] = x(aligned, MESH.leftBrowInner) - x(aligned, MESH.rightBrowInner);
  out[F.upperLidRight] = cornerLineRight - meanY(aligned, MESH.rightUpperLid);
  out[F.upperLidLeft] = cornerLineLeft - meanY(aligned, MESH.leftUpperLid);
  out[F.lowerLidRight] = meanY(aligned, MESH.rightLowerLid) - cornerLineRight;
  out[F.lowerLidLeft] = meanY(aligned, MESH.leftLowerLid) - cornerLineLeft;
  out[F.alae] = -(y(aligned, MESH.rightAla) + y(aligned, MESH.leftAla)) / 2;
  out[F.cornerRaiseRight] = -y(aligned, MESH.rightLipCorner);
  out[F.cornerRaiseLeft] = -y(aligned, MESH.leftLipCorner);
  out[F.cornerOutRight] = -x(aligned, MESH.rightLipCorner);
  out[F.cornerOutLeft] = x(aligned, MESH.leftLipCorner);
  out[F.cornerDropRight] = y(aligned, MESH.rightLipCorner) - lipMid;
  out[F.cornerDropLeft] = y(aligned, MESH.leftLipCorner) - lipMid;
  out[F.chin] = y(aligned, MESH.chin);
}

/** Eyelid gap / eye width of one eye (scale-free): mean distance of the three facing lid pairs over the corner distance. */
function eyeOpen(p: Float32Array, upper: readonly number[], lower: readonly number[], outer: number, inner: number): number {
  let gap = 0;
  for (let k = 0; k < upper.length; k++) {
    const u = upper[k] ?? 0;
    const l = lower[k] ?? 0;
    gap += Math.hypot(x(p, u) - x(p, l), y(p, u) - y(p, l));
  }
  const width = Math.hypot(x(p, outer) - x(p, inner), y(p, outer) - y(p, inner));
  return width > 0 ? gap / upper.length / width : 0;
}

export interface Openness {
  eyeOpenLeft: number;
  eyeOpenRight: number;
  /** Inner-lip gap 13 → 14 in IOD units. */
  mouthOpen: number;
}

export function measureOpenness(aligned: Float32Array): Openness {
  return {
    eyeOpenLeft: eyeOpen(aligned, MESH.leftUpperLid, MESH.leftLowerLid, MESH.leftEyeOuter, MESH.leftEyeInner),
    eyeOpenRight: eyeOpen(aligned, MESH.rightUpperLid, MESH.rightLowerLid, MESH.rightEyeOuter, MESH.rightEyeInner),
    mouthOpen: Math.hypot(
      x(aligned, MESH.upperInnerLip) - x(aligned, MESH.lowerInnerLip),
      y(aligned, MESH.upperInnerLip) - y(aligned, MESH.lowerInnerLip),
    ),
  };
}
