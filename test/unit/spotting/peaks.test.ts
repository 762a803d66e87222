import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeakIntervals } from '../../../src-main/spotting/peaks.js';

const evidenceArb = fc.array(fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constant(NaN), fc.constantFrom(0, 2.5, 6, 12)), {
  maxLength: 120,
});
const thresholds = fc.record({
  on: fc.double({ min: 1, max: 10, noNaN: true }),
  lowFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
});
const val = (e: number[], i: number): number => (Number.isFinite(e[i]) ? (e[i] as number) : -Infinity);

describe('findPeakIntervals', () => {
  it('gives one interval per run above "on", around the run’s highest frame, bounded by the level', () => {
    fc.assert(
      fc.property(evidenceArb, thresholds, (e, { on, lowFraction, fraction }) => {
        const low = lowFraction * on;
        const intervals = findPeakIntervals(e, on, low, fraction);
        let runs = 0;
        for (let i = 0; i < e.length; i++) if (val(e, i) >= on && !(i > 0 && val(e, i - 1) >= on)) runs++;
        expect(intervals).toHaveLength(runs);
        for (const iv of intervals) {
          expect(iv.onset).toBeLessThanOrEqual(iv.apex);
          expect(iv.apex).toBeLessThanOrEqual(iv.offset);
          expect(iv.peak).toBe(e[iv.apex]);
          expect(iv.peak).toBeGreaterThanOrEqual(on);
          const level = Math.max(low, Math.min(on, fraction * iv.peak));
          for (let t = iv.onset; t <= iv.offset; t++) expect(val(e, t)).toBeGreaterThanOrEqual(level);
          if (iv.onset > 0) expect(val(e, iv.onset - 1)).toBeLessThan(level);
          if (iv.offset < e.length - 1) expect(val(e, iv.offset + 1)).toBeLessThan(level);
          // The apex is the highest frame of its run (the first of equals).
          let a = iv.apex;
          while (a > 0 && val(e, a - 1) >= on) {
            a--;
            expect(val(e, a)).toBeLessThan(iv.peak);
          }
          let b = iv.apex;
          while (b < e.length - 1 && val(e, b + 1) >= on) {
            b++;
            expect(val(e, b)).toBeLessThanOrEqual(iv.peak);
          }
        }
        // Every frame at or above "on" is in an interval.
        for (let i = 0; i < e.length; i++) if (val(e, i) >= on) expect(intervals.some((iv) => iv.onset <= i && i <= iv.offset)).toBe(true);
      }),
    );
  });

  it('a single frame above threshold is a one-frame interval; NaN bounds an interval', () => {
    expect(findPeakIntervals([0, 0, 9, 0, 0], 6, 2.5, 0.25)).toEqual([{ onset: 2, apex: 2, offset: 2, peak: 9 }]);
    expect(findPeakIntervals([3, 3, 9, 8, NaN, 7, 1], 6, 2.5, 0.25)).toEqual([
      { onset: 0, apex: 2, offset: 3, peak: 9 },
      { onset: 5, apex: 5, offset: 5, peak: 7 },
    ]);
    expect(findPeakIntervals([], 6, 2.5, 0.25)).toEqual([]);
  });
});
