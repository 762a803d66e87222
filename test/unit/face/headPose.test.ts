import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headPose, poseFromRotation, rotationFromPose } from '../../../src-main/analysis/face/headPose.js';
import type { HeadPose } from '../../../src-main/analysis/types.js';
import { point, posedMesh } from './syntheticFace.js';

const arbPose = fc.record({
  yaw: fc.double({ min: -80, max: 80, noNaN: true }),
  pitch: fc.double({ min: -80, max: 80, noNaN: true }),
  roll: fc.double({ min: -170, max: 170, noNaN: true }),
});

function expectPose(got: HeadPose, want: HeadPose, digits: number): void {
  expect(got.yaw).toBeCloseTo(want.yaw, digits);
  expect(got.pitch).toBeCloseTo(want.pitch, digits);
  expect(got.roll).toBeCloseTo(want.roll, digits);
}

describe('head pose conventions (types.ts)', () => {
  const nose = 1;
  const leftEyeOuter = 263;

  it('is zero for the upright frontal face', () => {
    expectPose(headPose(posedMesh({ yaw: 0, pitch: 0, roll: 0 })), { yaw: 0, pitch: 0, roll: 0 }, 4);
  });

  it('yaw > 0: turning to their left brings the nose to the image right and their left eye away', () => {
    const m = posedMesh({ yaw: 30, pitch: 0, roll: 0 });
    expect(point(m, nose)[0]).toBeGreaterThan(0);
    expect(point(m, leftEyeOuter)[2]).toBeGreaterThan(12);
  });

  it('pitch > 0: looking up moves the nose tip up the image', () => {
    expect(point(posedMesh({ yaw: 0, pitch: 20, roll: 0 }), nose)[1]).toBeLessThan(25);
  });

  it('roll > 0: tilting to their left lowers their left eye (image right) on screen', () => {
    const m = posedMesh({ yaw: 0, pitch: 0, roll: 15 });
    expect(point(m, leftEyeOuter)[1]).toBeGreaterThan(0);
    expect(point(m, leftEyeOuter)[0]).toBeGreaterThan(0);
  });
});

describe('headPose', () => {
  it('recovers the yaw, pitch and roll a synthetic face was turned by, wherever it is and whatever its size', () => {
    fc.assert(
      fc.property(
        arbPose,
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.tuple(
          fc.double({ min: -2000, max: 2000, noNaN: true }),
          fc.double({ min: -2000, max: 2000, noNaN: true }),
          fc.double({ min: -50, max: 50, noNaN: true }),
        ),
        (pose, scale, at) => {
          expectPose(headPose(posedMesh(pose, scale, at)), pose, 1);
        },
      ),
    );
  });

  it('recovers single-axis turns exactly', () => {
    for (const pose of [
      { yaw: 25, pitch: 0, roll: 0 },
      { yaw: 0, pitch: -15, roll: 0 },
      { yaw: 0, pitch: 0, roll: -40 },
      { yaw: -60, pitch: 10, roll: 5 },
    ]) {
      expectPose(headPose(posedMesh(pose, 3, [200, 150, 0])), pose, 3);
    }
  });

  it('is the inverse of rotationFromPose', () => {
    fc.assert(fc.property(arbPose, (pose) => expectPose(poseFromRotation(rotationFromPose(pose)), pose, 6)));
  });

  it('refuses a mesh with too few points or coincident points', () => {
    expect(() => headPose(new Float32Array(30))).toThrow(/468/);
    expect(() => headPose(new Float32Array(468 * 3))).toThrow(/degenerate/);
  });
});
