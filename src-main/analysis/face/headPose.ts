// Head pose from the 3-D face mesh, in degrees, with the signs of types.ts:
// yaw > 0 when the subject turns to their left, pitch > 0 looking up, roll > 0
// tilting to their left.
//
// Camera frame: x right, y down (image rows), z away from the camera (the mesh's
// depth: smaller z is nearer). The face's own axes, in that frame:
//   X: from the subject's right eye centre to their left eye centre (mean of
//      the outer and inner corners, 33/133 and 263/362): image left to right;
//   Y: from the forehead (10) to the base of the nose (subnasale, 2), made
//      orthogonal to X: down. Only rigid points: the chin moves with the jaw,
//      and a pose that changed when the mouth opens would make expressions
//      look like head movements (and the spotter suppresses head movements);
//   Z = X × Y: from the face into the head, away from the camera.
// A frontal, upright face has X, Y, Z = the camera's axes. The face's rotation
// R = [X Y Z] (as columns) is read as R = Ryaw · Rpitch · Rroll: turn about the
// vertical axis, then nod about the turned ear-to-ear axis, then tilt about the
// turned nose axis. Then
//   yaw = atan2(-Z.x, Z.z), pitch = asin(Z.y) (as atan2), roll = atan2(X.y, Y.y).
// Only directions are used, so the pose does not depend on the face's position
// or size, and mesh depth only needs the same scale as x and y (it has).
import type { HeadPose } from '../types.js';

export type Vec3 = [number, number, number];
/** 3x3, row-major. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

export const POSE_LANDMARKS = {
  rightEyeOuter: 33,
  rightEyeInner: 133,
  leftEyeInner: 362,
  leftEyeOuter: 263,
  forehead: 10,
  subnasale: 2,
} as const;

const DEG = 180 / Math.PI;

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalise(v: Vec3): Vec3 {
  const n = Math.hypot(v[0], v[1], v[2]);
  if (!(n > 0)) throw new Error('headPose: degenerate face axes (coincident landmarks)');
  return [v[0] / n, v[1] / n, v[2] / n];
}

/** The rotation of a face whose X axis points along `right` (right eye → left eye) and Y along `down` (forehead → base of the nose). */
export function faceRotation(right: Vec3, down: Vec3): Mat3 {
  const x = normalise(right);
  const z = normalise(cross(x, down));
  const y = cross(z, x);
  return [x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]];
}

/** Yaw, pitch, roll (degrees) of a rotation R = [X Y Z], as in the file comment. */
export function poseFromRotation(r: Mat3): HeadPose {
  const [, , zx, xy, yy, zy, , , zz] = r;
  return {
    yaw: Math.atan2(-zx, zz) * DEG,
    pitch: Math.atan2(zy, Math.hypot(zx, zz)) * DEG,
    roll: Math.atan2(xy, yy) * DEG,
  };
}

/** The rotation R = Ryaw · Rpitch · Rroll of a pose: the inverse of poseFromRotation for |pitch| < 90. */
export function rotationFromPose(pose: HeadPose): Mat3 {
  const [sy, cy] = [Math.sin(pose.yaw / DEG), Math.cos(pose.yaw / DEG)];
  const [sp, cp] = [Math.sin(pose.pitch / DEG), Math.cos(pose.pitch / DEG)];
  const [sr, cr] = [Math.sin(pose.roll / DEG), Math.cos(pose.roll / DEG)];
  const yaw: Mat3 = [cy, 0, -sy, 0, 1, 0, sy, 0, cy];
  const pitch: Mat3 = [1, 0, 0, 0, cp, sp, 0, -sp, cp];
  const roll: Mat3 = [cr, -sr, 0, sr, cr, 0, 0, 0, 1];
  return multiply(multiply(yaw, pitch), roll);
}

/** a · b. */
export function multiply(a: Mat3, b: Mat3): Mat3 {
  const [a0, a1, a2, a3, a4, a5, a6, a7, a8] = a;
  const [b0, b1, b2, b3, b4, b5, b6, b7, b8] = b;
  return [
    a0 * b0 + a1 * b3 + a2 * b6,
    a0 * b1 + a1 * b4 + a2 * b7,
    a0 * b2 + a1 * b5 + a2 * b8,
    a3 * b0 + a4 * b3 + a5 * b6,
    a3 * b1 + a4 * b4 + a5 * b7,
    a3 * b2 + a4 * b5 + a5 * b8,
    a6 * b0 + a7 * b3 + a8 * b6,
    a6 * b1 + a7 * b4 + a8 * b7,
    a6 * b2 + a7 * b5 + a8 * b8,
  ];
}

function point(landmarks: Float32Array, i: number): Vec3 {
  return [landmarks[3 * i] as number, landmarks[3 * i + 1] as number, landmarks[3 * i + 2] as number];
}

function mid(a: Vec3, b: Vec3): Vec3 {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
}

/** Head pose of a 468-point mesh (x, y, z per point, one pixel scale). */
export function headPose(landmarks: Float32Array): HeadPose {
  if (landmarks.length < 468 * 3) throw new Error(`headPose: ${landmarks.length / 3} points, a 468-point mesh expected`);
  const L = POSE_LANDMARKS;
  const rightEye = mid(point(landmarks, L.rightEyeOuter), point(landmarks, L.rightEyeInner));
  const leftEye = mid(point(landmarks, L.leftEyeOuter), point(landmarks, L.leftEyeInner));
  const down = sub(point(landmarks, L.subnasale), point(landmarks, L.forehead));
  return poseFromRotation(faceRotation(sub(leftEye, rightEye), down));
}
