// A minimal 3-D "face" for pose tests: only the mesh points the head pose reads,
// placed so that the upright frontal face has pose 0 by construction, in the
// camera frame of headPose.ts (x right, y down, z away from the camera).
import { rotationFromPose, type Mat3, type Vec3 } from '../../../src-main/analysis/face/headPose.js';
import type { HeadPose } from '../../../src-main/analysis/types.js';

/** Mesh index → point of the frontal face, centred on the origin; the nose tip (1) is nearest the camera. */
export const FRONTAL: ReadonlyMap<number, Vec3> = new Map<number, Vec3>([
  [33, [-45, 0, 12]],
  [133, [-15, 2, 8]],
  [362, [15, 2, 8]],
  [263, [45, 0, 12]],
  [10, [0, -70, 5]],
  [2, [0, 45, 5]],
  [1, [0, 25, -30]],
]);

export function apply(r: Mat3, p: Vec3): Vec3 {
  return [r[0] * p[0] + r[1] * p[1] + r[2] * p[2], r[3] * p[0] + r[4] * p[1] + r[5] * p[2], r[6] * p[0] + r[7] * p[1] + r[8] * p[2]];
}

/** The face turned by `pose`, scaled and moved, as a 468-point mesh (other points at the centre). */
export function posedMesh(pose: HeadPose, scale = 1, at: Vec3 = [0, 0, 0]): Float32Array {
  const r = rotationFromPose(pose);
  const mesh = new Float32Array(468 * 3);
  for (let i = 0; i < 468; i++) mesh.set(at, 3 * i);
  for (const [i, p] of FRONTAL) {
    const q = apply(r, p);
    mesh.set([q[0] * scale + at[0], q[1] * scale + at[1], q[2] * scale + at[2]], 3 * i);
  }
  return mesh;
}

export function point(mesh: Float32Array, i: number): Vec3 {
  return [mesh[3 * i] ?? NaN, mesh[3 * i + 1] ?? NaN, mesh[3 * i + 2] ?? NaN];
}
