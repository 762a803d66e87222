// The least-squares similarity (rotation, uniform scale, translation) that maps
// some 3-D points of one shape onto the same points of another, after Horn's
// closed form with unit quaternions (J. Opt. Soc. Am. A 4(4), 1987): the
// rotation is the eigenvector of the largest eigenvalue of a symmetric 4x4
// matrix built from the cross-covariance of the two centred point sets. Pure;
// shapes are flat arrays x0, y0, z0, x1, … .

/** The 3x3 rotation (row-major), scale and translation that take source to target. */
export interface Similarity3d {
  rotation: Float64Array;
  scale: number;
  translation: [number, number, number];
}

const coord = (a: ArrayLike<number>, point: number, axis: number): number => a[3 * point + axis] ?? Number.NaN;

/**
 * Fits the `fit` points of `source` to those of `target`; null when the points
 * are degenerate (fewer than three, all in one place, or not finite).
 */
export function fitSimilarity3d(source: ArrayLike<number>, target: ArrayLike<number>, fit: readonly number[]): Similarity3d | null {
  if (fit.length < 3) return null;
  const sc = [0, 0, 0];
  const tc = [0, 0, 0];
  for (const k of fit) {
    for (let a = 0; a < 3; a++) {
      sc[a]! += coord(source, k, a);
      tc[a]! += coord(target, k, a);
    }
  }
  for (let a = 0; a < 3; a++) {
    sc[a]! /= fit.length;
    tc[a]! /= fit.length;
  }
  // Cross-covariance M[i][j] = Σ p_i q_j of the centred points, and Σ |p|².
  const m = new Float64Array(9);
  let norm = 0;
  for (const k of fit) {
    for (let i = 0; i < 3; i++) {
      const p = coord(source, k, i) - sc[i]!;
      norm += p * p;
      for (let j = 0; j < 3; j++) m[3 * i + j]! += p * (coord(target, k, j) - tc[j]!);
    }
  }
  if (!(norm > 1e-12) || !m.every(Number.isFinite)) return null;
  const [sxx, sxy, sxz, syx, syy, syz, szx, szy, szz] = m as unknown as number[];
  const n = [
    [sxx! + syy! + szz!, syz! - szy!, szx! - sxz!, sxy! - syx!],
    [syz! - szy!, sxx! - syy! - szz!, sxy! + syx!, szx! + sxz!],
    [szx! - sxz!, sxy! + syx!, -sxx! + syy! - szz!, syz! + szy!],
    [sxy! - syx!, szx! + sxz!, syz! + szy!, -sxx! - syy! + szz!],
  ];
  const q = largestEigenvector4(n);
  const rotation = quaternionToMatrix(q);
  // Scale: Σ q·(R p) / Σ |p|².
  let dot = 0;
  for (const k of fit) {
    const p = [0, 1, 2].map((a) => coord(source, k, a) - sc[a]!);
    for (let i = 0; i < 3; i++) {
      const rp = rotation[3 * i]! * p[0]! + rotation[3 * i + 1]! * p[1]! + rotation[3 * i + 2]! * p[2]!;
      dot += (coord(target, k, i) - tc[i]!) * rp;
    }
  }
  const scale = dot / norm;
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  const translation: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const rsc = rotation[3 * i]! * sc[0]! + rotation[3 * i + 1]! * sc[1]! + rotation[3 * i + 2]! * sc[2]!;
    translation[i] = tc[i]! - scale * rsc;
  }
  return { rotation, scale, translation };
}

/** Applies a similarity to every point of `source`, into `out` (same length). */
export function applySimilarity3d(s: Similarity3d, source: ArrayLike<number>, out: Float64Array): void {
  const r = s.rotation;
  for (let k = 0; 3 * k < source.length; k++) {
    const x = coord(source, k, 0);
    const y = coord(source, k, 1);
    const z = coord(source, k, 2);
    for (let i = 0; i < 3; i++) out[3 * k + i] = s.scale * (r[3 * i]! * x + r[3 * i + 1]! * y + r[3 * i + 2]! * z) + s.translation[i]!;
  }
}

/** Rotation matrix (row-major) of a unit quaternion (w, x, y, z). */
export function quaternionToMatrix(q: readonly number[]): Float64Array {
  const [w, x, y, z] = q as [number, number, number, number];
  return Float64Array.from([
    w * w + x * x - y * y - z * z,
    2 * (x * y - w * z),
    2 * (x * z + w * y),
    2 * (x * y + w * z),
    w * w - x * x + y * y - z * z,
    2 * (y * z - w * x),
    2 * (x * z - w * y),
    2 * (y * z + w * x),
    w * w - x * x - y * y + z * z,
  ]);
}

/**
 * The unit eigenvector of the largest eigenvalue of a symmetric 4x4 matrix, by
 * cyclic Jacobi rotations (exact to rounding for any symmetric matrix, and
 * small: 4x4 converges in a handful of sweeps).
 */
export function largestEigenvector4(input: readonly (readonly number[])[]): number[] {
  const a = input.map((row) => [...row]);
  const v = [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < 4; p++) for (let q = p + 1; q < 4; q++) off += a[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < 4; p++) {
      for (let q = p + 1; q < 4; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 4; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < 4; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 4; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < 4; i++) if (a[i]![i]! > a[best]![best]!) best = i;
  const vec = [v[0]![best]!, v[1]![best]!, v[2]![best]!, v[3]![best]!];
  const len = Math.hypot(...vec);
  return vec.map((x) => x / len);
}
