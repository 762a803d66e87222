import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RgbFrame } from '../../../src-main/analysis/types.js';
import { cropSquare, sampleGreyCrop } from '../../../src-main/analysis/expression/faceCrop.js';
import { eyeLineRollDeg } from '../../../src-main/analysis/expression/faceFrame.js';
import { eyeFrame, rigid, templateLandmarks } from './syntheticFace.js';

const template = templateLandmarks();
const GREY_SUM = 0.2989 + 0.587 + 0.114;

function frameOf(width: number, height: number, value: (x: number, y: number) => number): RgbFrame {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.fill(Math.round(value(x, y)), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { index: 0, width, height, data };
}
const crop64 = (frame: RgbFrame, lm: Float32Array, scale = 1.1): Float32Array => {
  const out = new Float32Array(64 * 64);
  const e = eyeFrame(lm);
  sampleGreyCrop(frame, cropSquare(lm, e.cx, e.cy, eyeLineRollDeg(lm), scale), 64, out);
  return out;
};

describe('cropSquare', () => {
  it('frames the landmark extent: side = larger extent × scale, centred on it, whatever the roll', () => {
    const upright = cropSquare(template, 0, 0, 0, 1);
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < 468; i++) {
      const [x, y] = [template[i * 3] ?? 0, template[i * 3 + 1] ?? 0];
      [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    }
    expect(upright.side).toBeCloseTo(Math.max(maxX - minX, maxY - minY), 4);
    expect(upright.cx).toBeCloseTo((minX + maxX) / 2, 4);
    expect(upright.cy).toBeCloseTo((minY + maxY) / 2, 4);
    expect(cropSquare(template, 0, 0, 0, 1.5).side).toBeCloseTo(upright.side * 1.5, 4);

    fc.assert(
      fc.property(fc.double({ min: -80, max: 80, noNaN: true }), (roll) => {
        const e = eyeFrame(template);
        const base = cropSquare(template, e.cx, e.cy, eyeLineRollDeg(template), 1);
        const turned = rigid(template, { roll });
        const c = cropSquare(turned, e.cx, e.cy, eyeLineRollDeg(turned), 1);
        expect(c.side).toBeCloseTo(base.side, 3);
        // The centre turns with the face about the eye midpoint.
        const r = (roll * Math.PI) / 180;
        const [dx, dy] = [base.cx - e.cx, base.cy - e.cy];
        expect(c.cx).toBeCloseTo(e.cx + dx * Math.cos(r) - dy * Math.sin(r), 3);
        expect(c.cy).toBeCloseTo(e.cy + dx * Math.sin(r) + dy * Math.cos(r), 3);
      }),
    );
  });
});

describe('sampleGreyCrop', () => {
  it('writes (grey − 0.5)·2 with the model’s grey weights', () => {
    const out = crop64(
      frameOf(512, 512, () => 200),
      template,
    );
    for (const v of out) expect(v).toBeCloseTo(((200 * GREY_SUM) / 255 - 0.5) * 2, 5);
  });

  it('samples pixel centres bilinearly: a linear ramp comes out exactly linear', () => {
    const ramp = frameOf(512, 512, (x) => x / 2);
    const crop = { cx: 251.3, cy: 260.7, side: 64 * 1.37, angle: 0 };
    const out = new Float32Array(64 * 64);
    sampleGreyCrop(ramp, crop, 64, out);
    // Ramp values are rounded to integers in the frame, so compare with a ramp of whole steps: sample where x/2 is whole.
    for (const u of [0, 17, 40, 63]) {
      const x = crop.cx - 0.5 + (u + 0.5 - 32) * 1.37;
      const frameValue = (xi: number): number => Math.round(xi / 2);
      const x0 = Math.floor(x);
      const expected = frameValue(x0) * (1 - (x - x0)) + frameValue(x0 + 1) * (x - x0);
      expect(out[10 * 64 + u]).toBeCloseTo(((expected * GREY_SUM) / 255 - 0.5) * 2, 4);
    }
  });

  it('gives the same crop when the face and the picture turn together (upright by the roll)', () => {
    const e = eyeFrame(template);
    const pattern = (x: number, y: number): number => 128 + 60 * Math.sin(x / 9) * Math.cos(y / 13) + 0.2 * x;
    const still = frameOf(512, 512, (x, y) => pattern(x - e.cx, y - e.cy));
    const base = crop64(still, template);
    for (const roll of [-25, 12, 40]) {
      const r = (-roll * Math.PI) / 180;
      const turned = frameOf(512, 512, (x, y) => {
        const [dx, dy] = [x - e.cx, y - e.cy];
        return pattern(dx * Math.cos(r) - dy * Math.sin(r), dx * Math.sin(r) + dy * Math.cos(r));
      });
      const out = crop64(turned, rigid(template, { roll }));
      let err = 0;
      for (let i = 0; i < out.length; i++) err += Math.abs((out[i] ?? 0) - (base[i] ?? 0));
      expect(err / out.length).toBeLessThan(0.02); // of a −1..1 range: interpolation and rounding only
    }
  });

  it('fills outside the frame with mid-grey (0) and never reads out of bounds', () => {
    const out = new Float32Array(64 * 64).fill(9);
    sampleGreyCrop(
      frameOf(40, 30, () => 255),
      { cx: 0, cy: 0, side: 100, angle: 0.3 },
      64,
      out,
    );
    expect(out[0]).toBe(0);
    expect(out[64 * 64 - 1]).toBe(0);
    expect(out.every((v) => Number.isFinite(v) && v >= -1 && v <= 1)).toBe(true);
    expect(Math.max(...out)).toBeGreaterThan(0.9);
  });
});
