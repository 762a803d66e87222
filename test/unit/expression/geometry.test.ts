import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_UNITS, type ActionUnit } from '../../../src-shared/analysis/actionUnits.js';
import { actionUnitEvidence } from '../../../src-main/analysis/expression/actionUnitMeasures.js';
import { alignLandmarks } from '../../../src-main/analysis/expression/faceFrame.js';
import { F, FEATURE_COUNT, measureFeatures, measureOpenness } from '../../../src-main/analysis/expression/geometry.js';
import { MESH, MESH_POINTS } from '../../../src-main/analysis/expression/meshIndices.js';
import { displace, rigid, templateLandmarks } from './syntheticFace.js';

const template = templateLandmarks();

function measure(lm: Float32Array): { features: Float64Array; aligned: Float32Array } {
  const aligned = new Float32Array(MESH_POINTS * 3);
  alignLandmarks(lm, '3d', aligned);
  const features = new Float64Array(FEATURE_COUNT);
  measureFeatures(aligned, features);
  return { features, aligned };
}
const base = measure(template).features;
const evidence = (lm: Float32Array): Record<ActionUnit, number> => actionUnitEvidence(measure(lm).features, base).aus;

describe('measureFeatures on the astronaut', () => {
  it('gives plausible face proportions in IOD units', () => {
    expect(base[F.browRight]).toBeGreaterThan(0.15);
    expect(base[F.browRight]).toBeLessThan(0.6);
    expect(base[F.chin]).toBeGreaterThan(1.4);
    expect(base[F.chin]).toBeLessThan(2.4);
    expect(base[F.cornerOutLeft]).toBeGreaterThan(0.3);
    expect(base[F.cornerRaiseLeft]).toBeLessThan(-0.7);
    expect(base[F.browGap]).toBeGreaterThan(0.3);
  });
});

describe('actionUnitEvidence', () => {
  it('is 0 for every action unit when the face equals its baseline, whatever the baseline', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: FEATURE_COUNT, maxLength: FEATURE_COUNT }),
        (values) => {
          const f = Float64Array.from(values);
          const { aus, pullLeft, pullRight } = actionUnitEvidence(f, Float64Array.from(values));
          for (const au of ACTION_UNITS) expect(Math.abs(aus[au])).toBe(0);
          expect([pullLeft, pullRight]).toEqual([0, 0]);
        },
      ),
    );
  });

  // Each action moved on the real mesh, in IOD units of the face's own frame (dy < 0 is up).
  const R = MESH.rightLipCorner;
  const L = MESH.leftLipCorner;
  const cases: Array<[string, Float32Array, ActionUnit, number]> = [
    ['brows up 0.1', displace(template, [...MESH.rightBrow, ...MESH.leftBrow], 0, -0.1), 'au01_02', 0.1],
    [
      'inner brows down and together',
      displace(displace(template, [MESH.rightBrowInner], 0.04, 0.06), [MESH.leftBrowInner], -0.04, 0.06),
      'au04',
      (0.06 + 0.08) / 2,
    ],
    ['upper lids up 0.03', displace(template, [...MESH.rightUpperLid, ...MESH.leftUpperLid], 0, -0.03), 'au05', 0.03],
    ['lower lids up 0.02', displace(template, [...MESH.rightLowerLid, ...MESH.leftLowerLid], 0, -0.02), 'au07', 0.02],
    ['alae up 0.05', displace(template, [MESH.rightAla, MESH.leftAla], 0, -0.05), 'au09', 0.05],
    ['both corners up and out', displace(displace(template, [R], -0.05, -0.05), [L], 0.05, -0.05), 'au06_12', 0.1 / Math.SQRT2],
    ['left corner up and out', displace(template, [L], 0.05, -0.05), 'au12_14_left', 0.1 / Math.SQRT2],
    ['right corner up and out', displace(template, [R], -0.05, -0.05), 'au12_14_right', 0.1 / Math.SQRT2],
    ['corners down 0.06', displace(template, [R, L], 0, 0.06), 'au15', 0.06],
    ['corners stretched out 0.06', displace(displace(template, [R], -0.06, 0), [L], 0.06, 0), 'au20', 0.06],
    ['chin down 0.2', displace(template, [MESH.chin], 0, 0.2), 'au26', 0.2],
  ];
  it.each(cases)('%s → %s', (_, face, au, expected) => {
    const aus = evidence(face);
    expect(aus[au]).toBeCloseTo(expected, 2);
  });

  it('keeps unilateral and bilateral apart: one corner moves one side only', () => {
    const aus = evidence(displace(template, [L], 0.05, -0.05));
    expect(aus.au12_14_right).toBeCloseTo(0, 3);
    expect(aus.au06_12).toBeCloseTo(aus.au12_14_left / 2, 5);
    expect(Math.abs(aus.au01_02) + Math.abs(aus.au26) + Math.abs(aus.au05)).toBeLessThan(1e-3);
  });

  it('does not call a smile a lip stretch, nor a brow raise a brow lowering', () => {
    const smile = evidence(displace(displace(template, [R], -0.05, -0.05), [L], 0.05, -0.05));
    expect(smile.au20).toBeCloseTo(0, 3);
    expect(smile.au15).toBeLessThan(0);
    expect(evidence(displace(template, [...MESH.rightBrow, ...MESH.leftBrow], 0, -0.1)).au04).toBeLessThan(0);
  });

  it('does not change when the whole head moves rigidly', () => {
    const moved = evidence(rigid(template, { yaw: 20, pitch: -10, roll: 15, scale: 2.5, tx: 40 }));
    for (const au of ACTION_UNITS) expect(Math.abs(moved[au])).toBeLessThan(1e-3);
  });
});

describe('measureOpenness', () => {
  it('gives eye openness as lid gap / eye width and mouth opening in IOD units', () => {
    const open = measureOpenness(measure(template).aligned);
    expect(open.eyeOpenLeft).toBeGreaterThan(0.15);
    expect(open.eyeOpenLeft).toBeLessThan(0.5);
    expect(open.eyeOpenRight).toBeGreaterThan(0.15);
    expect(open.eyeOpenRight).toBeLessThan(0.5);
    const mouth = measureOpenness(measure(displace(template, [MESH.lowerInnerLip], 0, 0.3)).aligned).mouthOpen;
    expect(mouth - open.mouthOpen).toBeGreaterThan(0.25);
  });

  it('sees a blink of one eye: closing the left lids takes eyeOpenLeft to ~0 and leaves the right', () => {
    const a = measure(template).aligned;
    const lm = Float32Array.from(template);
    // Put each left upper-lid point onto its lower-lid partner.
    MESH.leftUpperLid.forEach((u, k) => {
      const l = MESH.leftLowerLid[k] ?? 0;
      for (let c = 0; c < 3; c++) lm[u * 3 + c] = template[l * 3 + c] ?? 0;
    });
    const closed = measureOpenness(measure(lm).aligned);
    expect(closed.eyeOpenLeft).toBeLessThan(0.01);
    expect(closed.eyeOpenRight).toBeCloseTo(measureOpenness(a).eyeOpenRight, 3);
  });
});
