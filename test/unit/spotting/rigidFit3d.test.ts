import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySimilarity3d, fitSimilarity3d, largestEigenvector4, quaternionToMatrix } from '../../../src-main/spotting/rigidFit3d.js';

const point = fc.tuple(
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.double({ min: -5, max: 5, noNaN: true }),
);
const quaternion = fc
  .tuple(
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
  )
  .filter((q) => Math.hypot(...q) > 0.1)
  .map((q) => q.map((x) => x / Math.hypot(...q)));

/** A point set that is not flat: a tetrahedron plus random points. */
const shape = fc.array(point, { minLength: 3, maxLength: 12 }).map((pts) => [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], ...pts].flat());

function transform(src: number[], q: number[], scale: number, t: [number, number, number]): Float64Array {
  const out = new Float64Array(src.length);
  applySimilarity3d({ rotation: quaternionToMatrix(q), scale, translation: t }, src, out);
  return out;
}

describe('fitSimilarity3d (Horn)', () => {
  it('recovers any rotation, scale and translation exactly: the fitted shape lands on the target', () => {
    fc.assert(
      fc.property(shape, quaternion, fc.double({ min: 0.2, max: 5, noNaN: true }), point, (src, q, scale, t) => {
        const target = transform(src, q, scale, t);
        const fit = [...Array(src.length / 3).keys()];
        const s = fitSimilarity3d(src, target, fit)!;
        expect(s).not.toBeNull();
        expect(s.scale).toBeCloseTo(scale, 6);
        const fitted = new Float64Array(src.length);
        applySimilarity3d(s, src, fitted);
        for (let i = 0; i < src.length; i++) expect(fitted[i]!).toBeCloseTo(target[i]!, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('fits on some points and carries the others along: a moved point stays moved by its own displacement', () => {
    const src = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0.5, 0.5, 0.5];
    const moved = [...src];
    moved[12] = 0.8; // the fifth point moves on its own
    const target = transform(moved, [Math.cos(0.3), 0, Math.sin(0.3), 0], 2, [1, 2, 3]);
    const s = fitSimilarity3d(src, target, [0, 1, 2, 3])!;
    const fitted = new Float64Array(src.length);
    applySimilarity3d(s, src, fitted);
    for (let i = 0; i < 12; i++) expect(fitted[i]!).toBeCloseTo(target[i]!, 9);
    // The free point's residual is its own displacement, scaled by 2.
    expect(Math.hypot(fitted[12]! - target[12]!, fitted[13]! - target[13]!, fitted[14]! - target[14]!)).toBeCloseTo(0.6, 9);
  });

  it('refuses degenerate point sets', () => {
    expect(fitSimilarity3d([0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 1], [0, 1])).toBeNull();
    expect(fitSimilarity3d([1, 1, 1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 1, 0, 0, 0, 1, 0], [0, 1, 2])).toBeNull();
    expect(fitSimilarity3d([0, 0, 0, 1, 0, 0, Number.NaN, 1, 0], [0, 0, 0, 1, 0, 0, 0, 1, 0], [0, 1, 2])).toBeNull();
  });
});

describe('largestEigenvector4', () => {
  it('is an eigenvector of the largest eigenvalue of any symmetric matrix', () => {
    const entry = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 10, maxLength: 10 }), (e) => {
        const m = [
          [e[0]!, e[1]!, e[2]!, e[3]!],
          [e[1]!, e[4]!, e[5]!, e[6]!],
          [e[2]!, e[5]!, e[7]!, e[8]!],
          [e[3]!, e[6]!, e[8]!, e[9]!],
        ];
        const v = largestEigenvector4(m);
        const mv = m.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
        const lambda = mv.reduce((s, x, i) => s + x * v[i]!, 0);
        for (let i = 0; i < 4; i++) expect(mv[i]!).toBeCloseTo(lambda * v[i]!, 5);
        // No unit vector gives a larger Rayleigh quotient than the eigenvalue found (checked on the axes).
        for (let i = 0; i < 4; i++) expect(m[i]![i]!).toBeLessThanOrEqual(lambda + 1e-6);
      }),
      { numRuns: 200 },
    );
  });
});
