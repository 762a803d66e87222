import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAffine, fitRectMap, invertAffine, maxStretch, roiMap, type Affine } from '../../../src-main/analysis/face/affine.js';

const arbRoi = fc.record({
  cx: fc.double({ min: -500, max: 500, noNaN: true }),
  cy: fc.double({ min: -500, max: 500, noNaN: true }),
  size: fc.double({ min: 1, max: 1000, noNaN: true }),
  angle: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
});

function expectPoint(p: { x: number; y: number }, x: number, y: number, digits = 9): void {
  expect(p.x).toBeCloseTo(x, digits);
  expect(p.y).toBeCloseTo(y, digits);
}

describe('fitRectMap (letterbox)', () => {
  it('fits a landscape frame across the input width, centred vertically', () => {
    const m = fitRectMap({ x: 0, y: 0, w: 400, h: 300 }, 256); // scale 0.64, 32 px bands above and below
    expectPoint(applyAffine(m, 0, 32), 0, 0);
    expectPoint(applyAffine(m, 256, 224), 400, 300);
    expectPoint(applyAffine(m, 128, 128), 200, 150);
    expect(maxStretch(m)).toBeCloseTo(400 / 256, 12);
  });

  it('fits a portrait tile across the input height, offset by the tile origin', () => {
    const m = fitRectMap({ x: 100, y: 50, w: 200, h: 400 }, 200); // scale 0.5, 50 px bands left and right
    expectPoint(applyAffine(m, 50, 0), 100, 50);
    expectPoint(applyAffine(m, 150, 200), 300, 450);
  });
});

describe('roiMap', () => {
  it('maps the input centre to the ROI centre and the input x axis along the ROI angle', () => {
    const m = roiMap({ cx: 100, cy: 80, size: 96, angle: Math.PI / 2 }, 192);
    expectPoint(applyAffine(m, 96, 96), 100, 80);
    // Half a crop to the right in the input is a quarter turn clockwise on screen: straight down in the frame.
    expectPoint(applyAffine(m, 192, 96), 100, 80 + 48);
    expectPoint(applyAffine(m, 96, 0), 100 + 48, 80);
  });

  it('keeps the crop square: corners at half the diagonal from the centre, sides of roi.size', () => {
    fc.assert(
      fc.property(arbRoi, (roi) => {
        const m = roiMap(roi, 192);
        const corners = [applyAffine(m, 0, 0), applyAffine(m, 192, 0), applyAffine(m, 192, 192), applyAffine(m, 0, 192)];
        for (const c of corners) expect(Math.hypot(c.x - roi.cx, c.y - roi.cy) / roi.size).toBeCloseTo(Math.SQRT1_2, 9);
        for (let i = 0; i < 4; i++) {
          const a = corners[i]!;
          const b = corners[(i + 1) % 4]!;
          expect(Math.hypot(a.x - b.x, a.y - b.y) / roi.size).toBeCloseTo(1, 9);
        }
        const dir = { x: corners[1]!.x - corners[0]!.x, y: corners[1]!.y - corners[0]!.y };
        expect(Math.atan2(dir.y, dir.x) - roi.angle).toBeCloseTo(
          Math.round((Math.atan2(dir.y, dir.x) - roi.angle) / (2 * Math.PI)) * 2 * Math.PI,
          9,
        );
      }),
    );
  });
});

describe('invertAffine', () => {
  it('undoes a map: frame → input → frame is the identity', () => {
    fc.assert(
      fc.property(arbRoi, fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -300, max: 300, noNaN: true }), (roi, x, y) => {
        const m = roiMap(roi, 192);
        const back = invertAffine(m);
        const p = applyAffine(m, ...(Object.values(applyAffine(back, x, y)) as [number, number]));
        expect(p.x).toBeCloseTo(x, 6);
        expect(p.y).toBeCloseTo(y, 6);
      }),
    );
  });

  it('refuses a singular map', () => {
    const flat: Affine = { a: 1, b: 2, c: 2, d: 4, tx: 0, ty: 0 };
    expect(() => invertAffine(flat)).toThrow(/singular/);
  });
});
