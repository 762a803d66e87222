import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decoderWindow, frameOfTimestamp } from '../../../src-shared/review/frameMatch.js';

const ptsArb = fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 80 }), fc.constantFrom(1000, 12800, 90000, 30000))
  .map(([start, gaps, den]) => {
    const ticks = [start];
    for (const g of gaps) ticks.push((ticks[ticks.length - 1] as number) + g);
    return ticks.map((t) => t / den);
  });

describe('matching decoded timestamps to frames', () => {
  it("finds every frame from its own timestamp on any decoder origin, and from anywhere within a third of a gap (property)", () => {
    fc.assert(fc.property(ptsArb, fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -0.33, max: 0.33, noNaN: true }), (pts, offset, jitter) => {
      pts.forEach((t, f) => {
        const gap = Math.min(f > 0 ? t - pts[f - 1]! : Infinity, f + 1 < pts.length ? pts[f + 1]! - t : Infinity);
        expect(frameOfTimestamp(pts, t - offset, offset)).toBe(f);
        expect(frameOfTimestamp(pts, t - offset + jitter * gap, offset)).toBe(f);
      });
    }));
  });

  it('refuses a timestamp the table does not know', () => {
    const pts = [0, 0.04, 0.08];
    expect(frameOfTimestamp(pts, 0.02, 0)).toBeNull();
    expect(frameOfTimestamp(pts, 0.5, 0)).toBeNull();
    expect(frameOfTimestamp(pts, -0.1, 0)).toBeNull();
    expect(frameOfTimestamp(pts, NaN, 0)).toBeNull();
  });

  it('bounds a decode window by midpoints, so it holds exactly the frames asked for (property)', () => {
    fc.assert(fc.property(ptsArb, fc.double({ min: -3, max: 3, noNaN: true }), fc.nat(), fc.nat(), (pts, offset, a, b) => {
      const from = a % pts.length;
      const to = from + (b % (pts.length - from));
      const [start, end] = decoderWindow(pts, from, to, offset);
      pts.forEach((t, f) => {
        const inside = t - offset >= start && t - offset < end;
        expect(inside).toBe(f >= from && f <= to);
      });
    }));
  });
});
