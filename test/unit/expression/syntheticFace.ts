// Synthetic faces for the expression unit tests: a real mesh (the astronaut's,
// measured once by the face mesh model and kept as a fixture) moved rigidly or
// with individual points displaced in the face's own frame.
import fs from 'node:fs';
import { MESH } from '../../../src-main/analysis/expression/meshIndices.js';

const fixture = JSON.parse(fs.readFileSync(new URL('./fixtures/astronautMesh.json', import.meta.url), 'utf8')) as { landmarks: number[] };

/** The astronaut's 468 landmarks (frame pixels of the 512x512 photo), a fresh copy. */
export function templateLandmarks(): Float32Array {
  return Float32Array.from(fixture.landmarks);
}

const at = (lm: Float32Array, i: number, k: number): number => lm[i * 3 + k] ?? 0;

/** Midpoint of the eye centres, and the 2-D eye-line axes u (to the subject's left), v (down) and the 2-D IOD. */
export function eyeFrame(lm: Float32Array): { cx: number; cy: number; cz: number; u: [number, number]; v: [number, number]; iod: number } {
  const eye = (a: number, b: number, k: number): number => (at(lm, a, k) + at(lm, b, k)) / 2;
  const rx = eye(MESH.rightEyeOuter, MESH.rightEyeInner, 0);
  const ry = eye(MESH.rightEyeOuter, MESH.rightEyeInner, 1);
  const lx = eye(MESH.leftEyeOuter, MESH.leftEyeInner, 0);
  const ly = eye(MESH.leftEyeOuter, MESH.leftEyeInner, 1);
  const iod = Math.hypot(lx - rx, ly - ry);
  const u: [number, number] = [(lx - rx) / iod, (ly - ry) / iod];
  return {
    cx: (lx + rx) / 2,
    cy: (ly + ry) / 2,
    cz: (eye(MESH.leftEyeOuter, MESH.leftEyeInner, 2) + eye(MESH.rightEyeOuter, MESH.rightEyeInner, 2)) / 2,
    u,
    v: [-u[1], u[0]],
    iod,
  };
}

/** Moves points by (dx, dy) IOD units along the face's eye-line axes (dy > 0 is down). Returns a new array. */
export function displace(lm: Float32Array, indices: readonly number[], dx: number, dy: number): Float32Array {
  const out = Float32Array.from(lm);
  const { u, v, iod } = eyeFrame(lm);
  for (const i of indices) {
    out[i * 3] = at(lm, i, 0) + (dx * u[0] + dy * v[0]) * iod;
    out[i * 3 + 1] = at(lm, i, 1) + (dx * u[1] + dy * v[1]) * iod;
  }
  return out;
}

export interface Rigid {
  yaw?: number;
  pitch?: number;
  roll?: number;
  scale?: number;
  tx?: number;
  ty?: number;
}

/** Rotates (degrees: yaw about y, then pitch about x, then roll about z), scales and shifts the whole mesh about its eye midpoint. */
export function rigid(lm: Float32Array, t: Rigid): Float32Array {
  const rad = Math.PI / 180;
  const [cy1, sy1] = [Math.cos((t.yaw ?? 0) * rad), Math.sin((t.yaw ?? 0) * rad)];
  const [cp, sp] = [Math.cos((t.pitch ?? 0) * rad), Math.sin((t.pitch ?? 0) * rad)];
  const [cr, sr] = [Math.cos((t.roll ?? 0) * rad), Math.sin((t.roll ?? 0) * rad)];
  const s = t.scale ?? 1;
  const c = eyeFrame(lm);
  const out = new Float32Array(lm.length);
  for (let i = 0; i < lm.length / 3; i++) {
    let x = at(lm, i, 0) - c.cx;
    let y = at(lm, i, 1) - c.cy;
    let z = at(lm, i, 2) - c.cz;
    [x, z] = [cy1 * x + sy1 * z, -sy1 * x + cy1 * z];
    [y, z] = [cp * y - sp * z, sp * y + cp * z];
    [x, y] = [cr * x - sr * y, sr * x + cr * y];
    out[i * 3] = c.cx + (t.tx ?? 0) + s * x;
    out[i * 3 + 1] = c.cy + (t.ty ?? 0) + s * y;
    out[i * 3 + 2] = c.cz + s * z;
  }
  return out;
}

/** The astronaut with her lips together (she smiles with teeth showing): inner-lip midpoints 13 and 14 meet halfway. */
export function restingLandmarks(): Float32Array {
  const lm = templateLandmarks();
  for (let k = 0; k < 3; k++) {
    const mid = (at(lm, MESH.upperInnerLip, k) + at(lm, MESH.lowerInnerLip, k)) / 2;
    lm[MESH.upperInnerLip * 3 + k] = mid;
    lm[MESH.lowerInnerLip * 3 + k] = mid;
  }
  return lm;
}
