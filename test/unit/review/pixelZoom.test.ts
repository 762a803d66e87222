import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pixelCrop, repeatPixels } from '../../../src-shared/review/pixelZoom.js';

describe('the magnifier’s pixels', () => {
  it('fit: the largest whole factor at which the face fits the panel, never below 1', () => {
    expect(pixelCrop({ x: 100, y: 50, w: 60, h: 80 }, { width: 640, height: 480 }, 280, 'fit')).toEqual({
      x: 83,
      y: 43,
      w: 94,
      h: 94,
      zoom: 3,
    });
    expect(pixelCrop({ x: 0, y: 0, w: 400, h: 400 }, { width: 640, height: 480 }, 280, 'fit').zoom).toBe(1);
    expect(pixelCrop({ x: 630, y: 470, w: 8, h: 8 }, { width: 640, height: 480 }, 280, 8)).toEqual({
      x: 605,
      y: 445,
      w: 35,
      h: 35,
      zoom: 8,
    });
  });

  const cases = fc.record({
    pw: fc.integer({ min: 4, max: 300 }),
    ph: fc.integer({ min: 4, max: 300 }),
    fx: fc.double({ min: -20, max: 320, noNaN: true }),
    fy: fc.double({ min: -20, max: 320, noNaN: true }),
    fw: fc.double({ min: 1, max: 200, noNaN: true }),
    zoom: fc.constantFrom('fit' as const, 1 as const, 2 as const, 3 as const, 4 as const, 6 as const, 8 as const),
    panel: fc.integer({ min: 8, max: 64 }),
  });

  it('the crop lies inside the picture, in whole pixels, and fills the panel when the picture is large enough', () => {
    fc.assert(
      fc.property(cases, ({ pw, ph, fx, fy, fw, zoom, panel }) => {
        const c = pixelCrop({ x: fx, y: fy, w: fw, h: fw }, { width: pw, height: ph }, panel, zoom);
        for (const v of [c.x, c.y, c.w, c.h, c.zoom]) expect(Number.isInteger(v)).toBe(true);
        expect(c.x).toBeGreaterThanOrEqual(0);
        expect(c.y).toBeGreaterThanOrEqual(0);
        expect(c.x + c.w).toBeLessThanOrEqual(pw);
        expect(c.y + c.h).toBeLessThanOrEqual(ph);
        if (pw * c.zoom >= panel) expect(c.w * c.zoom).toBeGreaterThanOrEqual(panel);
        if (zoom === 'fit' && fw * 2 <= panel) expect(c.zoom * fw).toBeLessThanOrEqual(panel);
      }),
    );
  });

  it('every panel pixel is exactly one source pixel, repeated zoom × zoom times (no smoothing)', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ pw, ph, fx, fy, fw, zoom, panel }, seed) => {
        const c = pixelCrop({ x: fx, y: fy, w: fw, h: fw }, { width: pw, height: ph }, panel, zoom);
        const src = new Uint8ClampedArray(c.w * c.h * 4);
        let s = seed;
        for (let i = 0; i < src.length; i++) src[i] = (s = (s * 1103515245 + 12345) % 2 ** 31) & 255;
        const out = repeatPixels(src, c, panel);
        for (let j = 0; j < panel; j++)
          for (let i = 0; i < panel; i++) {
            const o = (j * panel + i) * 4;
            const sx = Math.floor(i / c.zoom);
            const sy = Math.floor(j / c.zoom);
            const want = sx < c.w && sy < c.h ? [...src.slice((sy * c.w + sx) * 4, (sy * c.w + sx) * 4 + 3), 255] : [0, 0, 0, 255];
            expect([...out.slice(o, o + 4)]).toEqual(want);
          }
      }),
      { numRuns: 60 },
    );
  });
});
