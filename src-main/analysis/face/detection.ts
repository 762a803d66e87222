// What the face detector reports for one face, in the coordinates of the image
// it was given (model input while decoding, analysis-frame pixels afterwards).
import type { Box } from '../types.js';

export interface Point {
  x: number;
  y: number;
}

/** BlazeFace keypoint order: the subject's right eye (image left when facing the camera), left eye, nose tip, mouth centre, right ear, left ear. */
export const KEYPOINT = { rightEye: 0, leftEye: 1, nose: 2, mouth: 3, rightEar: 4, leftEar: 5 } as const;
export const KEYPOINT_COUNT = 6;

export interface Detection {
  /** Top-left corner and size. */
  box: Box;
  /** Probability (sigmoid of the logit). */
  score: number;
  /** KEYPOINT_COUNT points, in KEYPOINT order. */
  keypoints: Point[];
}
