import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  elapsedSeconds,
  elapsedTicksAt,
  frameAtElapsed,
  frameAtPtsSeconds,
  frameCount,
  frameDurationSeconds,
  isVariableFrameRate,
  nominalFrameRate,
  ptsSeconds,
  ptsTicksAt,
  validateFrameTable,
} from '../../../src-shared/time/index.js';
import type { FrameTable } from '../../../src-shared/time/index.js';
import { anyTable, cfrTable, msApartTable, NTSC, table } from './tables.js';

const ms = (ticks: number[]): FrameTable => table(1000, ticks);

describe('frame access', () => {
  const t = ms([1000, 1033, 1067]);

  it('reads ticks and seconds of a frame', () => {
    expect(frameCount(t)).toBe(3);
    expect(ptsTicksAt(t, 1)).toBe(1033);
    expect(elapsedTicksAt(t, 2)).toBe(67);
    expect(ptsSeconds(t, 1)).toBe(1.033);
    expect(ptsSeconds(table(12800, [512]), 0)).toBe(0.04);
    expect(ptsSeconds(table(30000, [2], 1001), 0)).toBeCloseTo(0.066733, 6);
  });

  it('measures elapsed time from the first frame, whatever its PTS', () => {
    expect(elapsedSeconds(t, 0)).toBe(0);
    expect(elapsedSeconds(t, 1)).toBe(0.033);
    expect(elapsedSeconds(ms([-500, -467, 0]), 2)).toBe(0.5);
  });

  it('accepts typed arrays as the tick list', () => {
    const typed: FrameTable = { timeBase: { num: 1, den: 1000 }, ptsTicks: Float64Array.from([0, 40, 80]) };
    expect(frameAtElapsed(typed, 0.05)).toBe(1);
    expect(validateFrameTable(typed)).toBeNull();
  });

  it.each([-1, 3, 1.5, NaN, Infinity])('throws RangeError for frame %s', (frame) => {
    expect(() => ptsTicksAt(t, frame)).toThrow(RangeError);
    expect(() => elapsedSeconds(t, frame)).toThrow(RangeError);
    expect(() => frameDurationSeconds(t, frame)).toThrow(RangeError);
  });
});

describe('frameAtElapsed / frameAtPtsSeconds', () => {
  const t = ms([0, 33, 67, 100]);

  it.each([
    [0, 0],
    [0.0329, 0],
    [0.033, 1],
    [0.05, 1],
    [0.0669, 1],
    [0.067, 2],
    [0.1, 3],
    [99, 3],
    [-1, 0],
    [-Infinity, 0],
    [Infinity, 3],
  ])('at %s s shows frame %i', (seconds, frame) => {
    expect(frameAtElapsed(t, seconds)).toBe(frame);
  });

  it('uses raw PTS for frameAtPtsSeconds', () => {
    const shifted = ms([1000, 1040, 1080]);
    expect(frameAtPtsSeconds(shifted, 0.5)).toBe(0);
    expect(frameAtPtsSeconds(shifted, 1.039)).toBe(0);
    expect(frameAtPtsSeconds(shifted, 1.04)).toBe(1);
    expect(frameAtPtsSeconds(shifted, 5)).toBe(2);
    expect(frameAtElapsed(shifted, 0.04)).toBe(1);
  });

  it('rejects NaN and empty tables', () => {
    expect(() => frameAtElapsed(t, NaN)).toThrow(RangeError);
    expect(() => frameAtElapsed(ms([]), 0)).toThrow(RangeError);
  });

  it('finds each frame at its own time (elapsed and PTS)', () => {
    fc.assert(
      fc.property(anyTable, ({ table: tt }) => {
        for (let f = 0; f < frameCount(tt); f++) {
          expect(frameAtElapsed(tt, elapsedSeconds(tt, f))).toBe(f);
          expect(frameAtPtsSeconds(tt, ptsSeconds(tt, f))).toBe(f);
        }
      }),
    );
  });

  it('returns the last frame started at or before the time (checked by linear scan)', () => {
    const withTime = anyTable.chain((c) => {
      const end = elapsedSeconds(c.table, frameCount(c.table) - 1);
      return fc.tuple(fc.constant(c), fc.double({ min: -1, max: end + 1, noNaN: true }));
    });
    fc.assert(
      fc.property(withTime, ([{ table: tt }, seconds]) => {
        let expected = 0;
        for (let f = 0; f < frameCount(tt); f++) if (elapsedSeconds(tt, f) <= seconds) expected = f;
        expect(frameAtElapsed(tt, seconds)).toBe(expected);
      }),
    );
  });

  it('never goes back in time', () => {
    const withTimes = anyTable.chain((c) => {
      const end = elapsedSeconds(c.table, frameCount(c.table) - 1);
      const time = fc.double({ min: -1, max: end + 1, noNaN: true });
      return fc.tuple(fc.constant(c), time, time);
    });
    fc.assert(
      fc.property(withTimes, ([{ table: tt }, a, b]) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(frameAtElapsed(tt, early)).toBeLessThanOrEqual(frameAtElapsed(tt, late));
      }),
    );
  });
});

describe('frameDurationSeconds', () => {
  it('is the gap to the next frame, the previous gap for the last, 0 alone', () => {
    const t = ms([0, 40, 93]);
    expect(frameDurationSeconds(t, 0)).toBe(0.04);
    expect(frameDurationSeconds(t, 1)).toBe(0.053);
    expect(frameDurationSeconds(t, 2)).toBe(0.053);
    expect(frameDurationSeconds(ms([7]), 0)).toBe(0);
  });

  it('adds up to the elapsed time of the last frame', () => {
    fc.assert(
      fc.property(msApartTable, ({ table: tt }) => {
        const last = frameCount(tt) - 1;
        let sum = 0;
        for (let f = 0; f < last; f++) {
          expect(frameDurationSeconds(tt, f)).toBeGreaterThan(0);
          sum += frameDurationSeconds(tt, f);
        }
        expect(sum).toBeCloseTo(elapsedSeconds(tt, last), 6);
      }),
    );
  });
});

describe('isVariableFrameRate', () => {
  it('counts one-tick rounding as constant: 30000/1001 in 1/1000 alternates 33 and 34', () => {
    const t = cfrTable(NTSC, { num: 1, den: 1000 }, 100);
    expect(t.ptsTicks[1]).toBe(33);
    expect(t.ptsTicks[2]).toBe(67);
    expect(isVariableFrameRate(t)).toBe(false);
    expect(isVariableFrameRate(ms([0, 33, 67, 100, 133, 167]))).toBe(false);
  });

  it('is constant for exact gaps: 3003 in 1/90000, 512 in 1/12800', () => {
    expect(isVariableFrameRate(cfrTable(NTSC, { num: 1, den: 90000 }, 50))).toBe(false);
    expect(isVariableFrameRate(cfrTable({ num: 25, den: 1 }, { num: 1, den: 12800 }, 50))).toBe(false);
  });

  it('detects a 40/53 mix and a dropped frame', () => {
    expect(isVariableFrameRate(ms([0, 40, 93, 133, 186]))).toBe(true);
    expect(isVariableFrameRate(ms([0, 40, 80, 160, 200]))).toBe(true);
  });

  it('honours the tolerance', () => {
    expect(isVariableFrameRate(ms([0, 40, 93]), 13)).toBe(false);
    expect(isVariableFrameRate(ms([0, 40, 93]), 12)).toBe(true);
    expect(isVariableFrameRate(ms([0, 33, 67]), 0)).toBe(true);
  });

  it('is false with fewer than two gaps', () => {
    expect(isVariableFrameRate(ms([5]))).toBe(false);
    expect(isVariableFrameRate(ms([5, 1000]))).toBe(false);
  });

  it('property: generated CFR is constant, and dropping a middle frame makes it variable', () => {
    const cfr = fc.record({
      rate: fc.constantFrom(NTSC, { num: 25, den: 1 }, { num: 60, den: 1 }, { num: 24000, den: 1001 }),
      timeBase: fc.constantFrom({ num: 1, den: 1000 }, { num: 1, den: 12800 }, { num: 1, den: 90000 }),
      // Four frames at least, so that two gaps remain after dropping one.
      n: fc.integer({ min: 4, max: 300 }),
      start: fc.integer({ min: -1e6, max: 1e6 }),
    });
    fc.assert(
      fc.property(cfr, fc.nat(), ({ rate, timeBase, n, start }, pick) => {
        const t = cfrTable(rate, timeBase, n, start);
        expect(isVariableFrameRate(t)).toBe(false);
        const dropped = [...(t.ptsTicks as number[])];
        dropped.splice(1 + (pick % (n - 2)), 1);
        expect(isVariableFrameRate({ timeBase, ptsTicks: dropped })).toBe(true);
      }),
    );
  });
});

describe('nominalFrameRate', () => {
  it('reads the rate from the median gap', () => {
    expect(nominalFrameRate(cfrTable({ num: 25, den: 1 }, { num: 1, den: 12800 }, 10))).toBe(25);
    expect(nominalFrameRate(cfrTable(NTSC, { num: 1, den: 90000 }, 10))).toBeCloseTo(30000 / 1001, 9);
    expect(nominalFrameRate(table(30000, [0, 1, 2, 3], 1001))).toBeCloseTo(30000 / 1001, 9);
  });

  it('ignores a dropped frame, averages the middle pair of an even count, and needs two frames', () => {
    expect(nominalFrameRate(ms([0, 40, 80, 160, 200]))).toBe(25);
    expect(nominalFrameRate(ms([0, 40, 90]))).toBeCloseTo(1000 / 45, 9);
    expect(nominalFrameRate(ms([0]))).toBeNull();
  });

  it('property: the median period is within one tick of the true period', () => {
    const cfr = fc.record({
      rate: fc.constantFrom(NTSC, { num: 25, den: 1 }, { num: 60, den: 1 }),
      timeBase: fc.constantFrom({ num: 1, den: 1000 }, { num: 1, den: 12800 }, { num: 1, den: 90000 }),
      n: fc.integer({ min: 2, max: 300 }),
    });
    fc.assert(
      fc.property(cfr, ({ rate, timeBase, n }) => {
        const fps = nominalFrameRate(cfrTable(rate, timeBase, n));
        expect(fps).not.toBeNull();
        const tick = timeBase.num / timeBase.den;
        expect(Math.abs(1 / (fps ?? NaN) - rate.den / rate.num)).toBeLessThanOrEqual(tick + 1e-12);
      }),
    );
  });
});

describe('validateFrameTable', () => {
  it('accepts well-formed tables, including negative and large PTS', () => {
    expect(validateFrameTable(ms([0]))).toBeNull();
    expect(validateFrameTable(ms([-5, -1, 3]))).toBeNull();
    expect(validateFrameTable(ms([2 ** 53 - 3, 2 ** 53 - 1]))).toBeNull();
  });

  it.each<[string, FrameTable, RegExp]>([
    ['empty', ms([]), /empty/],
    ['repeated PTS', ms([0, 10, 10]), /strictly increase/],
    ['decreasing PTS', ms([0, 10, 5]), /strictly increase/],
    ['fractional PTS', ms([0, 1.5]), /integer/],
    ['NaN PTS', ms([0, NaN]), /integer/],
    ['unsafe PTS', ms([0, 2 ** 53]), /integer/],
    ['span beyond 2^53', ms([-(2 ** 52), 2 ** 52]), /span/],
    ['zero time-base den', table(0, [0]), /time base/],
    ['negative time-base num', table(1000, [0], -1), /time base/],
    ['fractional time base', table(1000, [0], 0.5), /time base/],
  ])('reports %s', (_label, t, message) => {
    expect(validateFrameTable(t)).toMatch(message);
  });

  it('accepts every generated table, and rejects it once two frames swap', () => {
    fc.assert(
      fc.property(anyTable, fc.nat(), ({ table: tt }, pick) => {
        expect(validateFrameTable(tt)).toBeNull();
        const n = frameCount(tt);
        if (n < 2) return;
        const swapped = [...(tt.ptsTicks as number[])];
        const i = pick % (n - 1);
        [swapped[i], swapped[i + 1]] = [swapped[i + 1] ?? 0, swapped[i] ?? 0];
        expect(validateFrameTable({ timeBase: tt.timeBase, ptsTicks: swapped })).not.toBeNull();
      }),
    );
  });
});
