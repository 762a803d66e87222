import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src-main/analysis/expression/options.js';
import { qualityFlags } from '../../../src-main/analysis/expression/quality.js';
import { laplacianSharpness } from '../../../src-main/analysis/expression/sharpness.js';

const pose = { yaw: 0, pitch: 0, roll: 0 };
const params = { ...DEFAULTS };

function texture(size: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: size * size }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}
function boxBlur(img: Float32Array, size: number): Float32Array {
  const out = new Float32Array(img.length);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let acc = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const [xx, yy] = [x + dx, y + dy];
          if (xx >= 0 && yy >= 0 && xx < size && yy < size) {
            acc += img[yy * size + xx] ?? 0;
            n++;
          }
        }
      out[y * size + x] = acc / n;
    }
  return out;
}

describe('laplacianSharpness', () => {
  it('is 0 for a flat crop and drops when the crop is blurred', () => {
    expect(laplacianSharpness(new Float32Array(64 * 64).fill(0.3), 64)).toBe(0);
    const sharp = texture(64, 3);
    const once = boxBlur(sharp, 64);
    const twice = boxBlur(once, 64);
    const [a, b, c] = [laplacianSharpness(sharp, 64), laplacianSharpness(once, 64), laplacianSharpness(twice, 64)];
    expect(b).toBeLessThan(a / 5);
    expect(c).toBeLessThan(b);
  });

  it('does not depend on brightness or contrast (a·I + b)', () => {
    const img = texture(64, 11);
    const ref = laplacianSharpness(img, 64);
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (a, b) => {
        expect(
          laplacianSharpness(
            img.map((v) => a * v + b),
            64,
          ) / ref,
        ).toBeCloseTo(1, 3);
      }),
    );
  });
});

describe('qualityFlags', () => {
  it('flags a face narrower than the threshold in source pixels', () => {
    expect(qualityFlags(39.9, pose, 1, params).tooSmall).toBe(true);
    expect(qualityFlags(40, pose, 1, params).tooSmall).toBe(false);
    // Frames analysed at half the source size: 25 frame px are 50 source px.
    expect(qualityFlags(25, pose, 1, { ...params, sourcePixelsPerFramePixel: 2 }).tooSmall).toBe(false);
  });

  it('flags a head turned or tilted beyond the limits, either way', () => {
    expect(qualityFlags(100, { yaw: 30, pitch: -25, roll: 80 }, 1, params).turnedAway).toBe(false);
    expect(qualityFlags(100, { yaw: -30.1, pitch: 0, roll: 0 }, 1, params).turnedAway).toBe(true);
    expect(qualityFlags(100, { yaw: 0, pitch: 25.1, roll: 0 }, 1, params).turnedAway).toBe(true);
  });

  it('flags blur below the threshold and reports the measure', () => {
    expect(qualityFlags(100, pose, 0.059, params)).toMatchObject({ blurred: true, sharpness: 0.059 });
    expect(qualityFlags(100, pose, 0.06, params).blurred).toBe(false);
  });

  it('flags everything it cannot judge (NaN)', () => {
    expect(qualityFlags(NaN, { yaw: NaN, pitch: 0, roll: 0 }, NaN, params)).toMatchObject({
      tooSmall: true,
      turnedAway: true,
      blurred: true,
    });
  });
});
