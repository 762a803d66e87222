import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignLandmarks, eyeLineRollDeg } from '../../../src-main/analysis/expression/faceFrame.js';
import { MESH, MESH_POINTS } from '../../../src-main/analysis/expression/meshIndices.js';
import { rigid, templateLandmarks } from './syntheticFace.js';

const template = templateLandmarks();
const aligned = (lm: Float32Array, mode: '3d' | 'roll'): Float32Array => {
  const out = new Float32Array(MESH_POINTS * 3);
  alignLandmarks(lm, mode, out);
  return out;
};
const maxDiff = (a: Float32Array, b: Float32Array): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] ?? 0))), 0);
const reference = { '3d': aligned(template, '3d'), roll: aligned(template, 'roll') };

describe('alignLandmarks', () => {
  it('puts the eye centres at (∓0.5, 0, 0): origin between the eyes, IOD units', () => {
    for (const mode of ['3d', 'roll'] as const) {
      const a = reference[mode];
      const eye = (o: number, i: number, k: number): number => ((a[o * 3 + k] ?? 0) + (a[i * 3 + k] ?? 0)) / 2;
      expect(eye(MESH.rightEyeOuter, MESH.rightEyeInner, 0)).toBeCloseTo(-0.5, 5);
      expect(eye(MESH.leftEyeOuter, MESH.leftEyeInner, 0)).toBeCloseTo(0.5, 5);
      for (const k of [1, 2]) {
        expect(eye(MESH.rightEyeOuter, MESH.rightEyeInner, k)).toBeCloseTo(0, 5);
        expect(eye(MESH.leftEyeOuter, MESH.leftEyeInner, k)).toBeCloseTo(0, 5);
      }
      // y grows towards the chin.
      expect(a[MESH.chin * 3 + 1]).toBeGreaterThan(1.5);
    }
  });

  it("'3d': the aligned face does not change when the head turns, tilts, nods, moves or changes size", () => {
    fc.assert(
      fc.property(
        fc.record({
          yaw: fc.double({ min: -40, max: 40, noNaN: true }),
          pitch: fc.double({ min: -30, max: 30, noNaN: true }),
          roll: fc.double({ min: -60, max: 60, noNaN: true }),
          scale: fc.double({ min: 0.2, max: 5, noNaN: true }),
          tx: fc.double({ min: -300, max: 300, noNaN: true }),
          ty: fc.double({ min: -300, max: 300, noNaN: true }),
        }),
        (t) => {
          expect(maxDiff(aligned(rigid(template, t), '3d'), reference['3d'])).toBeLessThan(2e-4);
        },
      ),
    );
  });

  it("'roll': removes in-plane roll, scale and position, but not yaw foreshortening", () => {
    fc.assert(
      fc.property(
        fc.record({
          roll: fc.double({ min: -90, max: 90, noNaN: true }),
          scale: fc.double({ min: 0.2, max: 5, noNaN: true }),
          tx: fc.double({ min: -300, max: 300, noNaN: true }),
          ty: fc.double({ min: -300, max: 300, noNaN: true }),
        }),
        (t) => {
          expect(maxDiff(aligned(rigid(template, t), 'roll'), reference.roll)).toBeLessThan(2e-4);
        },
      ),
    );
    // Turned 30°, the chin seems lower in IOD units (the IOD shrinks, the height does not): what '3d' corrects.
    const turned = rigid(template, { yaw: 30 });
    expect((aligned(turned, 'roll')[MESH.chin * 3 + 1] ?? 0) / (reference.roll[MESH.chin * 3 + 1] ?? 1)).toBeGreaterThan(1.1);
    expect(aligned(turned, '3d')[MESH.chin * 3 + 1]).toBeCloseTo(reference['3d'][MESH.chin * 3 + 1] ?? 0, 4);
  });

  it('gives iod 0 and zeros for degenerate landmarks', () => {
    const out = new Float32Array(MESH_POINTS * 3).fill(7);
    expect(alignLandmarks(new Float32Array(MESH_POINTS * 3), '3d', out).iod).toBe(0);
    expect(out.every((v) => v === 0)).toBe(true);
  });
});

describe('eyeLineRollDeg', () => {
  it('follows an in-plane tilt, positive when the left eye is lower', () => {
    const base = eyeLineRollDeg(template);
    expect(Math.abs(base)).toBeLessThan(5);
    expect(eyeLineRollDeg(rigid(template, { roll: 20 })) - base).toBeCloseTo(20, 3);
    expect(eyeLineRollDeg(rigid(template, { roll: -35 })) - base).toBeCloseTo(-35, 3);
  });
});
