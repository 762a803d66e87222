// Quality flags: when a frame's scores deserve less trust.
//   tooSmall:   face box width × sourcePixelsPerFramePixel < minFaceWidthPx
//               (the width in the recording's own pixels, so the threshold
//               means the same whatever size frames are analysed at).
//   turnedAway: |yaw| > maxYawDeg or |pitch| > maxPitchDeg (the face stage's
//               head pose). Beyond these the mesh guesses the far half of the
//               face and the classifier, trained on near-frontal faces, guesses too.
//   blurred:    sharpness (sharpness.ts) < minSharpness.
import type { HeadPose, QualityFlags } from '../types.js';

export interface QualityParams {
  minFaceWidthPx: number;
  sourcePixelsPerFramePixel: number;
  maxYawDeg: number;
  maxPitchDeg: number;
  minSharpness: number;
}

export function qualityFlags(faceWidth: number, pose: HeadPose, sharpness: number, params: QualityParams): QualityFlags {
  return {
    tooSmall: !(faceWidth * params.sourcePixelsPerFramePixel >= params.minFaceWidthPx),
    turnedAway: !(Math.abs(pose.yaw) <= params.maxYawDeg && Math.abs(pose.pitch) <= params.maxPitchDeg),
    blurred: !(sharpness >= params.minSharpness),
    sharpness,
  };
}
