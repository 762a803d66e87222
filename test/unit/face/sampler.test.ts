import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitRectMap, roiMap, type Affine } from '../../../src-main/analysis/face/affine.js';
import { sampleAffine, tapsFor, type RgbImage } from '../../../src-main/analysis/face/sampler.js';

const RAW = { scale: 1, offset: 0 };
const identity: Affine = { a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0 };

function image(width: number, height: number, f: (x: number, y: number, ch: number) => number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) for (let ch = 0; ch < 3; ch++) data[(y * width + x) * 3 + ch] = f(x, y, ch);
  return { data, width, height };
}

function sample(src: RgbImage, map: Affine, w: number, h: number, taps = 1, norm = RAW): Float32Array {
  const dst = new Float32Array(w * h * 3);
  sampleAffine(src, map, dst, w, h, norm, taps);
  return dst;
}

const arbImage = fc
  .record({ width: fc.integer({ min: 2, max: 12 }), height: fc.integer({ min: 2, max: 12 }), seed: fc.integer() })
  .map(({ width, height, seed }) =>
    image(width, height, (x, y, ch) => (Math.imul(seed ^ (x * 73856093) ^ (y * 19349663) ^ (ch * 83492791), 2654435761) >>> 24) & 255),
  );

describe('sampleAffine', () => {
  it('copies the image through the identity map, with one tap or many', () => {
    fc.assert(
      fc.property(arbImage, fc.integer({ min: 1, max: 4 }), (img, taps) => {
        const out = sample(img, identity, img.width, img.height, taps);
        // Many taps average sub-samples around each centre: exact only for one tap, close otherwise.
        for (let i = 0; i < out.length; i++)
          expect(Math.abs((out[i] as number) - (img.data[i] as number))).toBeLessThanOrEqual(taps === 1 ? 1e-4 : 128);
      }),
    );
  });

  it('interpolates linearly between pixel centres', () => {
    const img = image(2, 1, (x) => (x === 0 ? 0 : 200));
    const out = sample(img, { ...identity, a: 0.25, tx: 0.5 - 0.125 }, 4, 1); // centres at 0.5, 0.75, 1, 1.25
    expect(Array.from(out.filter((_, i) => i % 3 === 0))).toEqual([0, 50, 100, 150]);
  });

  it('normalises, and writes black (offset) outside the frame, the edge pixel within half a pixel of it', () => {
    const img = image(3, 3, () => 255);
    // Input pixel centres land at frame x = -0.75 (outside), 0.25 (the outer half of pixel 0), 1.25.
    const out = sample(img, { ...identity, tx: -1.25, ty: 0 }, 3, 1, 1, { scale: 1 / 127.5, offset: -1 });
    expect(Array.from(out.slice(0, 3))).toEqual([-1, -1, -1]);
    expect(out[3]).toBeCloseTo(1, 6);
    expect(out[6]).toBeCloseTo(1, 6);
  });

  it('averages a shrink with several taps: a fine checkerboard becomes flat grey', () => {
    const img = image(64, 64, (x, y) => ((x + y) % 2 === 0 ? 0 : 255));
    const map = fitRectMap({ x: 0, y: 0, w: 64, h: 64 }, 8);
    expect(tapsFor(map)).toBe(4);
    for (const v of sample(img, map, 8, 8, tapsFor(map))) expect(v).toBeCloseTo(127.5, 3);
  });

  it('turns the image with a rotated ROI map', () => {
    // A quarter turn clockwise: input x runs down the frame, input y leftwards; input (u, v) reads frame pixel (3 - v, u).
    const img = image(4, 4, (x, y) => x * 10 + y);
    const out = sample(img, roiMap({ cx: 2, cy: 2, size: 4, angle: Math.PI / 2 }, 4), 4, 4);
    const red = (u: number, v: number): number => out[(v * 4 + u) * 3] as number;
    for (let v = 0; v < 4; v++) for (let u = 0; u < 4; u++) expect(red(u, v)).toBeCloseTo((3 - v) * 10 + u, 4);
  });

  it('never leaves the range of the image values (black included)', () => {
    fc.assert(
      fc.property(
        arbImage,
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        (img, zoom, angle, taps) => {
          const out = sample(img, roiMap({ cx: img.width / 2, cy: img.height / 2, size: img.width * zoom, angle }, 6), 6, 6, taps);
          const max = Math.max(...img.data);
          for (const v of out) {
            expect(v).toBeGreaterThanOrEqual(-1e-3);
            expect(v).toBeLessThanOrEqual(max + 1e-3);
          }
        },
      ),
    );
  });

  it('refuses buffers that are too small', () => {
    const img = image(4, 4, () => 0);
    expect(() => sampleAffine(img, identity, new Float32Array(10), 4, 4, RAW)).toThrow(/destination/);
    expect(() => sampleAffine({ ...img, width: 5 }, identity, new Float32Array(48), 4, 4, RAW)).toThrow(/bytes/);
  });
});
