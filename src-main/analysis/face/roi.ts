// Where the landmark model looks: a square around the face, larger than it,
// turned so the eyes are level in the crop, as MediaPipe's face mesh graph does
// (the model is trained on such upright, generously framed crops).
import type { Roi } from './affine.js';
import { KEYPOINT, type Detection } from './detection.js';
import { turnedExtentSquare } from '../geometry/turnedExtent.js';

/** ROI side over face extent: MediaPipe uses 1.5 both from a detection and from landmarks. */
export const ROI_SCALE = 1.5;

/** Mesh indices of the outer eye corners: the subject's right (image left) and left. */
export const MESH_RIGHT_EYE_OUTER = 33;
export const MESH_LEFT_EYE_OUTER = 263;

/** Direction of the line from the subject's right eye to their left eye (see Roi.angle). */
export function eyeLineAngle(rightEye: { x: number; y: number }, leftEye: { x: number; y: number }): number {
  return Math.atan2(leftEye.y - rightEye.y, leftEye.x - rightEye.x);
}

/** ROI from a detector box (centre, longer side) turned by the eye keypoints. */
export function roiFromDetection(det: Detection, scale = ROI_SCALE): Roi {
  const right = det.keypoints[KEYPOINT.rightEye];
  const left = det.keypoints[KEYPOINT.leftEye];
  return {
    cx: det.box.x + det.box.w / 2,
    cy: det.box.y + det.box.h / 2,
    size: Math.max(det.box.w, det.box.h) * scale,
    angle: right && left ? eyeLineAngle(right, left) : 0,
  };
}

/**
 * ROI from the previous frame's mesh (x, y, z per point): turned by the outer eye
 * corners, centred on the points' extent measured along that turned frame, so the
 * box fits the face however much it is tilted.
 */
export function roiFromLandmarks(landmarks: Float32Array, scale = ROI_SCALE): Roi {
  const count = Math.floor(landmarks.length / 3);
  if (count <= MESH_LEFT_EYE_OUTER) throw new Error(`roiFromLandmarks: ${count} points, a 468-point mesh expected`);
  const at = (i: number): { x: number; y: number } => ({ x: landmarks[3 * i] as number, y: landmarks[3 * i + 1] as number });
  const angle = eyeLineAngle(at(MESH_RIGHT_EYE_OUTER), at(MESH_LEFT_EYE_OUTER));
  const square = turnedExtentSquare(landmarks, count, angle);
  return { cx: square.cx, cy: square.cy, size: square.side * scale, angle };
}
