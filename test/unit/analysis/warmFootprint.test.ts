import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bilinearFootprint, warmChecksum, warmRect, type PixelRect } from '../../../src-main/analysis/geometry/warmFootprint.js';
import { sampleAffine, sampledFootprint } from '../../../src-main/analysis/face/sampler.js';
import { cropFootprint, sampleGreyCrop } from '../../../src-main/analysis/expression/faceCrop.js';

/** A frame's bytes that remember which indices were read. */
function recordingFrame(width: number, height: number): { data: Uint8Array; reads: Set<number> } {
  const bytes = new Uint8Array(width * height * 3).map((_, i) => (i * 37) & 255);
  const reads = new Set<number>();
  const data = new Proxy(bytes, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.add(Number(key));
      const value = Reflect.get(target, key, target === receiver ? target : target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { data, reads };
}

function pixelOf(index: number, width: number): { x: number; y: number } {
  const pixel = Math.floor(index / 3);
  return { x: pixel % width, y: Math.floor(pixel / width) };
}

function inside(rect: PixelRect | null, p: { x: number; y: number }): boolean {
  return rect !== null && p.x >= rect.x0 && p.x <= rect.x1 && p.y >= rect.y0 && p.y <= rect.y1;
}

const size = fc.record({ width: fc.integer({ min: 2, max: 40 }), height: fc.integer({ min: 2, max: 30 }) });

describe('bilinearFootprint', () => {
  it('holds both neighbours of every point inside the corners, clamped to the frame', () => {
    fc.assert(
      fc.property(
        size,
        fc.array(fc.record({ x: fc.double({ min: -20, max: 60, noNaN: true }), y: fc.double({ min: -20, max: 50, noNaN: true }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
        ({ width, height }, corners, weights) => {
          const rect = bilinearFootprint(corners, width, height);
          // A convex combination of the corners.
          const total = corners.reduce((s, _, i) => s + (weights[i] ?? 0), 0);
          const x = corners.reduce((s, c, i) => s + c.x * (weights[i] ?? 0), 0) / total;
          const y = corners.reduce((s, c, i) => s + c.y * (weights[i] ?? 0), 0) / total;
          for (const nx of [Math.floor(x), Math.floor(x) + 1]) {
            for (const ny of [Math.floor(y), Math.floor(y) + 1]) {
              if (nx >= 0 && nx < width && ny >= 0 && ny < height) expect(inside(rect, { x: nx, y: ny })).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('is null for a region wholly outside the frame', () => {
    expect(
      bilinearFootprint(
        [
          { x: -10, y: -10 },
          { x: -3, y: -2 },
        ],
        20,
        20,
      ),
    ).toBeNull();
    expect(
      bilinearFootprint(
        [
          { x: 30, y: 5 },
          { x: 40, y: 8 },
        ],
        20,
        20,
      ),
    ).toBeNull();
  });
});

describe('warmRect', () => {
  it('reads every cache line of every row of the rectangle, and nothing outside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (width, height, a, b, c, d) => {
          const { data, reads } = recordingFrame(width, height);
          const rect = {
            x0: Math.min(a % width, b % width),
            x1: Math.max(a % width, b % width),
            y0: Math.min(c % height, d % height),
            y1: Math.max(c % height, d % height),
          };
          const before = warmChecksum();
          const count = warmRect(data, width, 3, rect);
          expect(count).toBeGreaterThanOrEqual(reads.size);
          for (const index of reads) expect(inside(rect, pixelOf(index, width))).toBe(true);
          for (let y = rect.y0; y <= rect.y1; y++) {
            const first = (y * width + rect.x0) * 3;
            const last = (y * width + rect.x1) * 3 + 2;
            for (let line = first; line <= last; line += 64) {
              const end = Math.min(line + 63, last);
              expect([...reads].some((i) => i >= line && i <= end)).toBe(true);
            }
          }
          const sum = [...reads].reduce((s, i) => s + (data[i] as number), 0);
          // Every read byte went into the checksum (at least once: a row's last byte may be read twice).
          if (sum > 0) expect(warmChecksum()).not.toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads nothing for no rectangle', () => {
    const { data, reads } = recordingFrame(4, 4);
    expect(warmRect(data, 4, 3, null)).toBe(0);
    expect(reads.size).toBe(0);
  });
});

describe('the crops read only inside the footprint they warm', () => {
  const affine = fc.record({
    scale: fc.double({ min: 0.2, max: 3, noNaN: true }),
    angle: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    tx: fc.double({ min: -10, max: 30, noNaN: true }),
    ty: fc.double({ min: -10, max: 25, noNaN: true }),
  });

  it('sampleAffine, with one tap or several', () => {
    fc.assert(
      fc.property(affine, fc.integer({ min: 1, max: 3 }), ({ scale, angle, tx, ty }, taps) => {
        const width = 24;
        const height = 18;
        const { data, reads } = recordingFrame(width, height);
        const map = {
          a: scale * Math.cos(angle),
          b: -scale * Math.sin(angle),
          c: scale * Math.sin(angle),
          d: scale * Math.cos(angle),
          tx,
          ty,
        };
        const n = 8;
        sampleAffine({ data, width, height }, map, new Float32Array(n * n * 3), n, n, { scale: 1, offset: 0 }, taps);
        const rect = sampledFootprint(map, n, n, width, height);
        for (const index of reads) expect(inside(rect, pixelOf(index, width))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('sampleGreyCrop', () => {
    fc.assert(
      fc.property(
        fc.record({
          cx: fc.double({ min: -5, max: 30, noNaN: true }),
          cy: fc.double({ min: -5, max: 25, noNaN: true }),
          side: fc.double({ min: 1, max: 40, noNaN: true }),
          angle: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        }),
        (crop) => {
          const width = 24;
          const height = 18;
          const { data, reads } = recordingFrame(width, height);
          const n = 8;
          sampleGreyCrop({ index: 0, data, width, height }, crop, n, new Float32Array(n * n));
          const rect = cropFootprint(crop, n, width, height);
          for (const index of reads) expect(inside(rect, pixelOf(index, width))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
