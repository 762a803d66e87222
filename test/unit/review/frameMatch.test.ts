import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decoderWindow, frameOfTimestamp, seekStart } from '../../../src-shared/review/frameMatch.js';

const ptsArb = fc
  .tuple(
    fc.integer({ min: -5000, max: 5000 }),
    fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 80 }),
    fc.constantFrom(1000, 12800, 90000, 30000),
  )
  .map(([start, gaps, den]) => {
    const ticks = [start];
    for (const g of gaps) ticks.push((ticks[ticks.length - 1] as number) + g);
    return ticks.map((t) => t / den);
  });

describe('matching decoded timestamps to frames', () => {
  it('finds every frame from its own timestamp on any decoder origin, and from anywhere within a third of a gap (property)', () => {
    fc.assert(
      fc.property(
        ptsArb,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -0.33, max: 0.33, noNaN: true }),
        (pts, offset, jitter) => {
          pts.forEach((t, f) => {
            const gap = Math.min(f > 0 ? t - pts[f - 1]! : Infinity, f + 1 < pts.length ? pts[f + 1]! - t : Infinity);
            expect(frameOfTimestamp(pts, t - offset, offset)).toBe(f);
            expect(frameOfTimestamp(pts, t - offset + jitter * gap, offset)).toBe(f);
          });
        },
      ),
    );
  });

  it('refuses a timestamp the table does not know', () => {
    const pts = [0, 0.04, 0.08];
    expect(frameOfTimestamp(pts, 0.02, 0)).toBeNull();
    expect(frameOfTimestamp(pts, 0.5, 0)).toBeNull();
    expect(frameOfTimestamp(pts, -0.1, 0)).toBeNull();
    expect(frameOfTimestamp(pts, NaN, 0)).toBeNull();
  });

  it('bounds a decode window by midpoints, so it holds exactly the frames asked for (property)', () => {
    fc.assert(
      fc.property(ptsArb, fc.double({ min: -3, max: 3, noNaN: true }), fc.nat(), fc.nat(), (pts, offset, a, b) => {
        const from = a % pts.length;
        const to = from + (b % (pts.length - from));
        const [start, end] = decoderWindow(pts, from, to, offset);
        pts.forEach((t, f) => {
          const inside = t - offset >= start && t - offset < end;
          expect(inside).toBe(f >= from && f <= to);
        });
      }),
    );
  });

  it(
    "starts a seek at the picture's own timestamp when it is that frame's, else at the window's start, " +
      "and always within the frame's window (property)",
    () => {
      fc.assert(
        fc.property(
          ptsArb,
          fc.double({ min: -3, max: 3, noNaN: true }),
          fc.nat(),
          fc.option(fc.double({ min: -1, max: 1, noNaN: true })),
          (pts, offset, a, jitter) => {
            const from = a % pts.length;
            const [windowStart, windowEnd] = decoderWindow(pts, from, from, offset);
            // The container's picture: the frame's own time, or off by up to a gap either way (another frame's, or one the table does not know).
            const gap = from + 1 < pts.length ? pts[from + 1]! - pts[from]! : 1;
            const picture = jitter === null ? null : pts[from]! - offset + jitter * gap;
            const start = seekStart(pts, from, offset, picture);
            const matches = picture !== null && frameOfTimestamp(pts, picture, offset) === from;
            expect(start).toBe(matches ? picture : windowStart);
            expect(start).toBeGreaterThanOrEqual(windowStart);
            expect(start).toBeLessThan(windowEnd);
          },
        ),
      );
    },
  );

  it('a keyframe target starts at its own timestamp, so the keyframe before it is not decoded', () => {
    const pts = [0, 1 / 30, 2 / 30, 3 / 30];
    expect(seekStart(pts, 2, 0, 2 / 30)).toBe(2 / 30);
    expect(seekStart(pts, 2, 0.5, 2 / 30 - 0.5)).toBe(2 / 30 - 0.5);
    expect(seekStart(pts, 2, 0, null)).toBeCloseTo(1.5 / 30, 12);
    expect(seekStart(pts, 2, 0, 1 / 30)).toBeCloseTo(1.5 / 30, 12);
  });
});
