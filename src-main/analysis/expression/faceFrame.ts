// The face-aligned frame every geometric measure is taken in, so that action
// units do not change when the head moves, only when the face does.
//
// Origin: midpoint of the two eye centres (eye centre = mean of its corners,
// 33/133 and 263/362). Unit: the inter-ocular distance (IOD, between the eye
// centres). Axes:
//   x: right eye centre → left eye centre (towards the subject's left);
//   y: the nose bridge line 168 → 2 (nasion → subnasale, skull-rigid points),
//      made orthogonal to x, so y grows downwards (towards the chin);
//   z: x × y (away from the camera for a frontal face).
//
// Mode '3d' builds these axes from x, y and z of the mesh: the face is rotated
// back to frontal, which removes roll and also yaw/pitch foreshortening
// (including the parallax of brows and nose, which sit in front of the eye
// corners, under pitch). It relies on the mesh's z being in the same pixel
// scale as x and y, as the face stage promises; the mesh's depth is a learned
// prior, so beyond ~30° of yaw the hidden half of the face is guessed, not seen
// (frames beyond the quality limits are flagged turnedAway).
// Mode 'roll' ignores z: the image plane is rotated so the eye line is
// horizontal, nothing more; distances along y are then foreshortened by
// cos(pitch) and the IOD by cos(yaw).
import { MESH, MESH_POINTS } from './meshIndices.js';

export type AlignMode = '3d' | 'roll';

export interface FaceFrame {
  /** Inter-ocular distance in frame pixels (3-D length in mode '3d'); 0 when the landmarks are degenerate. */
  iod: number;
}

const RAD = 180 / Math.PI;

/** Image-plane angle of the line between the eye centres, degrees; positive when the subject's left eye is lower. */
export function eyeLineRollDeg(landmarks: Float32Array): number {
  const at = (i: number, k: number): number => landmarks[i * 3 + k] ?? 0;
  const dx = at(MESH.leftEyeOuter, 0) + at(MESH.leftEyeInner, 0) - at(MESH.rightEyeOuter, 0) - at(MESH.rightEyeInner, 0);
  const dy = at(MESH.leftEyeOuter, 1) + at(MESH.leftEyeInner, 1) - at(MESH.rightEyeOuter, 1) - at(MESH.rightEyeInner, 1);
  return dx === 0 && dy === 0 ? 0 : Math.atan2(dy, dx) * RAD;
}

/**
 * Writes the 468 landmarks in face-aligned coordinates (IOD units) into `out`
 * (468*3 floats, reused by the caller). Degenerate input (coincident eyes)
 * gives iod 0 and all-zero output.
 */
export function alignLandmarks(landmarks: Float32Array, mode: AlignMode, out: Float32Array): FaceFrame {
  const at = (i: number, k: number): number => landmarks[i * 3 + k] ?? 0;
  const depth = mode === '3d' ? 1 : 0;
  // Eye centres and the x axis (unnormalised).
  const rx = (at(MESH.rightEyeOuter, 0) + at(MESH.rightEyeInner, 0)) / 2;
  const ry = (at(MESH.rightEyeOuter, 1) + at(MESH.rightEyeInner, 1)) / 2;
  const rz = ((at(MESH.rightEyeOuter, 2) + at(MESH.rightEyeInner, 2)) / 2) * depth;
  const lx = (at(MESH.leftEyeOuter, 0) + at(MESH.leftEyeInner, 0)) / 2;
  const ly = (at(MESH.leftEyeOuter, 1) + at(MESH.leftEyeInner, 1)) / 2;
  const lz = ((at(MESH.leftEyeOuter, 2) + at(MESH.leftEyeInner, 2)) / 2) * depth;
  let ax = lx - rx;
  let ay = ly - ry;
  let az = lz - rz;
  const iod = Math.hypot(ax, ay, az);
  if (!(iod > 1e-6)) {
    out.fill(0);
    return { iod: 0 };
  }
  ax /= iod;
  ay /= iod;
  az /= iod;
  // y axis: the nose bridge line made orthogonal to x. In 'roll' mode it is simply x turned by +90°.
  let bx: number;
  let by: number;
  let bz: number;
  if (mode === '3d') {
    const vx = at(MESH.noseBottom, 0) - at(MESH.noseBridge, 0);
    const vy = at(MESH.noseBottom, 1) - at(MESH.noseBridge, 1);
    const vz = at(MESH.noseBottom, 2) - at(MESH.noseBridge, 2);
    const d = vx * ax + vy * ay + vz * az;
    bx = vx - d * ax;
    by = vy - d * ay;
    bz = vz - d * az;
    const n = Math.hypot(bx, by, bz);
    if (!(n > 1e-6)) {
      out.fill(0);
      return { iod: 0 };
    }
    bx /= n;
    by /= n;
    bz /= n;
  } else {
    bx = -ay;
    by = ax;
    bz = 0;
  }
  // z = x × y.
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  const ox = (lx + rx) / 2;
  const oy = (ly + ry) / 2;
  const oz = (lz + rz) / 2;
  const s = 1 / iod;
  for (let i = 0; i < MESH_POINTS; i++) {
    const px = at(i, 0) - ox;
    const py = at(i, 1) - oy;
    const pz = at(i, 2) * depth - oz;
    out[i * 3] = (px * ax + py * ay + pz * az) * s;
    out[i * 3 + 1] = (px * bx + py * by + pz * bz) * s;
    out[i * 3 + 2] = (px * cx + py * cy + pz * cz) * s;
  }
  return { iod };
}
