import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iou } from '../../../src-main/analysis/face/iou.js';
import type { Box } from '../../../src-main/analysis/types.js';

const arbBox: fc.Arbitrary<Box> = fc.record({
  x: fc.double({ min: -100, max: 100, noNaN: true }),
  y: fc.double({ min: -100, max: 100, noNaN: true }),
  w: fc.double({ min: 0.5, max: 200, noNaN: true }),
  h: fc.double({ min: 0.5, max: 200, noNaN: true }),
});

describe('iou', () => {
  it('is 1 for identical boxes, 0 for disjoint or touching ones', () => {
    expect(iou({ x: 1, y: 2, w: 3, h: 4 }, { x: 1, y: 2, w: 3, h: 4 })).toBe(1);
    expect(iou({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(0);
    expect(iou({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 0, h: 0 })).toBe(0);
  });

  it('measures partial overlap', () => {
    expect(iou({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 0, w: 10, h: 10 })).toBeCloseTo(50 / 150, 12);
    expect(iou({ x: 0, y: 0, w: 10, h: 10 }, { x: 2, y: 2, w: 5, h: 5 })).toBeCloseTo(25 / 100, 12);
  });

  it('is symmetric, within [0, 1], and unchanged by moving and scaling both boxes alike', () => {
    fc.assert(
      fc.property(
        arbBox,
        arbBox,
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (a, b, shift, k) => {
          const v = iou(a, b);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(iou(b, a)).toBeCloseTo(v, 9);
          const t = (r: Box): Box => ({ x: (r.x + shift) * k, y: (r.y - shift) * k, w: r.w * k, h: r.h * k });
          expect(iou(t(a), t(b))).toBeCloseTo(v, 6);
        },
      ),
    );
  });
});
