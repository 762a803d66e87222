import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clockToFrame,
  elapsedMilliseconds,
  formatClock,
  formatPtsSeconds,
  frameCount,
  frameToClock,
  frameToTimecode,
  ptsSeconds,
  timecodeToFrame,
} from '../../../src-shared/time/index.js';
import type { FrameTable } from '../../../src-shared/time/index.js';
import { anyTable, cfrTable, exactElapsed, integerRateTable, msApartTable, NTSC, table, TEN_HOURS_90K } from './tables.js';

// Test-side readers of the printed forms, written independently of the module.
function clockMs(clock: string): bigint {
  const m = /^(-?)(\d+):(\d\d):(\d\d)\.(\d\d\d)$/.exec(clock);
  if (m === null) throw new Error(`not a clock: ${clock}`);
  const [, sign, h, mi, s, ms] = m as unknown as [string, string, string, string, string, string];
  const value = ((BigInt(h) * 60n + BigInt(mi)) * 60n + BigInt(s)) * 1000n + BigInt(ms);
  return sign === '-' ? -value : value;
}

function timecodeParts(tc: string): { second: bigint; ff: number } {
  const m = /^(\d+):(\d\d):(\d\d):(\d+)$/.exec(tc);
  if (m === null) throw new Error(`not a timecode: ${tc}`);
  const [, h, mi, s, ff] = m as unknown as [string, string, string, string, string];
  return { second: (BigInt(h) * 60n + BigInt(mi)) * 60n + BigInt(s), ff: Number(ff) };
}

/** Whole seconds of a frame's exact elapsed time, by the test's own arithmetic. */
function wholeSecond(t: FrameTable, frame: number): bigint {
  const { n, d } = exactElapsed(t, frame);
  return n / d;
}

const ntsc30k = cfrTable(NTSC, { num: 1, den: 30000 }, 2000);
const ntsc90k = cfrTable(NTSC, { num: 1, den: 90000 }, 2000);
const ms = (ticks: number[]): FrameTable => table(1000, ticks);

describe('formatClock', () => {
  it.each<[bigint | number, string]>([
    [0, '00:00:00.000'],
    [33, '00:00:00.033'],
    [3_723_004, '01:02:03.004'],
    [59_999, '00:00:59.999'],
    [3_599_999, '00:59:59.999'],
    [360_000_000, '100:00:00.000'],
    [-1, '-00:00:00.001'],
    [-3_723_004n, '-01:02:03.004'],
    [123_456_789_012_345_678n, '34293552503:25:45.678'],
  ])('%s ms → %s', (value, expected) => {
    expect(formatClock(value)).toBe(expected);
  });

  it.each([1.5, NaN, Infinity, 2 ** 53])('throws for %s', (value) => {
    expect(() => formatClock(value)).toThrow(RangeError);
  });

  it('reads back as the same number of milliseconds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (value) => {
        expect(clockMs(formatClock(value))).toBe(value);
        expect(formatClock(Number(value))).toBe(formatClock(value));
      }),
    );
  });
});

describe('frameToClock: exact milliseconds', () => {
  it('prints a frame at exactly 0.033 s as .033 in a 1/1000 time base', () => {
    expect(frameToClock(ms([0, 33, 67, 100]), 1)).toBe('00:00:00.033');
    expect(frameToClock(ms([5000, 5033]), 1)).toBe('00:00:00.033');
  });

  it('avoids the float trap: 1001/1000 s is .001, though floor(1001/1000*1000) is 1000', () => {
    expect(Math.floor((1001 / 1000) * 1000)).toBe(1000); // the trap is real
    expect(frameToClock(ms([0, 1001]), 1)).toBe('00:00:01.001');
    expect(frameToClock(ntsc90k, 30)).toBe('00:00:01.001'); // 90090 ticks of 1/90000
  });

  it('floors rather than rounds', () => {
    expect(frameToClock(ntsc30k, 29)).toBe('00:00:00.967'); // 0.967633… s
    expect(frameToClock(ntsc30k, 1)).toBe('00:00:00.033'); // 0.033366… s
    expect(frameToClock(ntsc30k, 1799)).toBe('00:01:00.026'); // 60.026633… s
  });

  it('measures from the first frame for negative and large starts', () => {
    expect(frameToClock(ms([-500, -467, 0, 533]), 2)).toBe('00:00:00.500');
    const late = cfrTable(NTSC, { num: 1, den: 90000 }, 40, TEN_HOURS_90K);
    expect(frameToClock(late, 0)).toBe('00:00:00.000');
    expect(frameToClock(late, 30)).toBe('00:00:01.001');
    expect(elapsedMilliseconds(late, 30)).toBe(1001n);
  });

  it('grows hours past 99', () => {
    const t = table(1, [0, 360_000, 3_600_000]);
    expect(frameToClock(t, 1)).toBe('100:00:00.000');
    expect(frameToClock(t, 2)).toBe('1000:00:00.000');
  });

  it('property: the printed millisecond m satisfies m ≤ elapsed < m + 1 ms exactly', () => {
    fc.assert(
      fc.property(anyTable, ({ table: t }) => {
        for (let f = 0; f < frameCount(t); f++) {
          const m = clockMs(frameToClock(t, f));
          const { n, d } = exactElapsed(t, f);
          expect(m * d <= n * 1000n && n * 1000n < (m + 1n) * d).toBe(true);
        }
      }),
    );
  });

  it('property: later frames never print earlier times; strictly later when ≥ 1 ms apart', () => {
    fc.assert(
      fc.property(anyTable, ({ table: t, atLeastOneMsApart }) => {
        for (let f = 1; f < frameCount(t); f++) {
          const before = clockMs(frameToClock(t, f - 1));
          const after = clockMs(frameToClock(t, f));
          if (atLeastOneMsApart) expect(after).toBeGreaterThan(before);
          else expect(after).toBeGreaterThanOrEqual(before);
        }
      }),
    );
  });
});

describe('clockToFrame', () => {
  const t = ms([0, 33, 67, 100]);

  it.each([
    ['00:00:00.000', 0],
    ['00:00:00.032', 0],
    ['00:00:00.033', 1],
    ['00:00:00.050', 1],
    ['00:00:00.067', 2],
    ['00:00:00.100', 3],
    ['00:00:05.000', 3],
    ['99:59:59.999', 3],
    ['123:00:00.000', 3],
  ])('%s → frame %i', (clock, frame) => {
    expect(clockToFrame(t, clock)).toBe(frame);
  });

  it('names the first of several frames sharing a millisecond', () => {
    const dense = table(90000, [0, 45, 90, 135, 180]); // every half millisecond
    expect([0, 1, 2, 3, 4].map((f) => frameToClock(dense, f))).toEqual([
      '00:00:00.000',
      '00:00:00.000',
      '00:00:00.001',
      '00:00:00.001',
      '00:00:00.002',
    ]);
    expect(clockToFrame(dense, '00:00:00.001')).toBe(2);
    expect(clockToFrame(dense, '00:00:00.002')).toBe(4);
  });

  it('reads NTSC and hour-long clocks', () => {
    expect(clockToFrame(ntsc30k, '00:00:01.001')).toBe(30);
    expect(clockToFrame(ntsc30k, '00:00:01.000')).toBe(29);
    expect(clockToFrame(ntsc30k, '00:01:00.026')).toBe(1799);
    expect(clockToFrame(table(1, [0, 360_000]), '100:00:00.000')).toBe(1);
  });

  it.each([
    '',
    '00:00.000',
    '0:00:00.000',
    '000:00:00.000',
    '00:00:00',
    '00:00:00.00',
    '00:00:00.0000',
    '00:00:00,000',
    '00:60:00.000',
    '00:00:60.000',
    '-00:00:00.001',
    ' 00:00:00.000',
    '00:00:00.000 ',
    '00:00:00:00',
    'aa:bb:cc.ddd',
    '00:00:00.03a',
    '１0:00:00.000',
  ])('returns null for malformed %j', (clock) => {
    expect(clockToFrame(t, clock)).toBeNull();
  });

  it('property: frame → clock → frame when frames are ≥ 1 ms apart', () => {
    fc.assert(
      fc.property(msApartTable, ({ table: tt }) => {
        for (let f = 0; f < frameCount(tt); f++) expect(clockToFrame(tt, frameToClock(tt, f))).toBe(f);
      }),
    );
  });

  it('property: with sub-millisecond gaps a clock names the first frame that prints as it', () => {
    fc.assert(
      fc.property(anyTable, ({ table: tt }) => {
        for (let f = 0; f < frameCount(tt); f++) {
          const clock = frameToClock(tt, f);
          const g = clockToFrame(tt, clock) ?? -1;
          expect(g).toBeLessThanOrEqual(f);
          expect(frameToClock(tt, g)).toBe(clock);
          if (g > 0) expect(frameToClock(tt, g - 1)).not.toBe(clock);
        }
      }),
    );
  });

  it('property: any clock time finds the frame a linear scan finds', () => {
    const withClock = anyTable.chain((c) => {
      const endMs = Number(elapsedMilliseconds(c.table, frameCount(c.table) - 1));
      return fc.tuple(fc.constant(c), fc.integer({ min: 0, max: endMs + 2000 }));
    });
    fc.assert(
      fc.property(withClock, ([{ table: tt }, target]) => {
        // Expected: first frame printing as `target`, else last frame whose exact time is ≤ target.
        let expected = -1;
        for (let f = 0; f < frameCount(tt) && expected < 0; f++) if (clockMs(frameToClock(tt, f)) === BigInt(target)) expected = f;
        if (expected < 0) {
          expected = 0;
          for (let f = 0; f < frameCount(tt); f++) {
            const { n, d } = exactElapsed(tt, f);
            if (n * 1000n <= BigInt(target) * d) expected = f;
          }
        }
        expect(clockToFrame(tt, formatClock(target))).toBe(expected);
      }),
    );
  });
});

describe('frameToTimecode: whole elapsed second and frames before it in that second', () => {
  it('works out 30000/1001 by hand', () => {
    // Frame k is at k × 1001/30000 s. Frame 29 is at 0.9676 s, frame 30 at 1.001 s.
    expect(frameToTimecode(ntsc30k, 0)).toBe('00:00:00:00');
    expect(frameToTimecode(ntsc30k, 29)).toBe('00:00:00:29');
    expect(frameToTimecode(ntsc30k, 30)).toBe('00:00:01:00');
    // Second 59 starts at frame 1769 (59.0256 s); frame 1798 is at 59.9933 s, frame 1799 at 60.0266 s.
    expect(frameToTimecode(ntsc30k, 1769)).toBe('00:00:59:00');
    expect(frameToTimecode(ntsc30k, 1798)).toBe('00:00:59:29');
    expect(frameToTimecode(ntsc30k, 1799)).toBe('00:01:00:00');
    // Second 33 holds only 29 frames: 990 (33.033 s) to 1018 (33.9673 s); 1019 is at 34.0012 s.
    expect(frameToTimecode(ntsc30k, 990)).toBe('00:00:33:00');
    expect(frameToTimecode(ntsc30k, 1018)).toBe('00:00:33:28');
    expect(frameToTimecode(ntsc30k, 1019)).toBe('00:00:34:00');
  });

  it('gives the same answers in 1/90000 (and with the 10-hour start)', () => {
    const late = cfrTable(NTSC, { num: 1, den: 90000 }, 2000, TEN_HOURS_90K);
    for (const t of [ntsc90k, late]) {
      expect(frameToTimecode(t, 29)).toBe('00:00:00:29');
      expect(frameToTimecode(t, 30)).toBe('00:00:01:00');
      expect(frameToTimecode(t, 1798)).toBe('00:00:59:29');
      expect(frameToTimecode(t, 1799)).toBe('00:01:00:00');
    }
  });

  it('is ordinary non-drop timecode at 25 fps', () => {
    const t = cfrTable({ num: 25, den: 1 }, { num: 1, den: 12800 }, 100);
    expect(frameToTimecode(t, 24)).toBe('00:00:00:24');
    expect(frameToTimecode(t, 26)).toBe('00:00:01:01');
    expect(frameToTimecode(t, 99)).toBe('00:00:03:24');
  });

  it('follows real time for VFR, including empty seconds, and prints FF ≥ 100', () => {
    const vfr = ms([0, 400, 900, 1000, 1999, 2500, 3600]);
    expect([0, 1, 2, 3, 4, 5, 6].map((f) => frameToTimecode(vfr, f))).toEqual([
      '00:00:00:00',
      '00:00:00:01',
      '00:00:00:02',
      '00:00:01:00',
      '00:00:01:01',
      '00:00:02:00',
      '00:00:03:00',
    ]);
    const fast = cfrTable({ num: 240, den: 1 }, { num: 1, den: 90000 }, 300);
    expect(frameToTimecode(fast, 100)).toBe('00:00:00:100');
    expect(frameToTimecode(fast, 239)).toBe('00:00:00:239');
    expect(frameToTimecode(fast, 240)).toBe('00:00:01:00');
    expect(frameToTimecode(table(1, [0, 360_000]), 1)).toBe('100:00:00:00');
  });

  it('property: equals non-drop HH:MM:SS:FF for integer constant rates', () => {
    const nonDrop = (frame: number, fps: number): string => {
      const s = Math.floor(frame / fps);
      const two = (v: number): string => String(v).padStart(2, '0');
      return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}:${two(frame % fps)}`;
    };
    fc.assert(
      fc.property(integerRateTable, ({ fps, table: t }) => {
        for (let f = 0; f < frameCount(t); f++) expect(frameToTimecode(t, f)).toBe(nonDrop(f, fps));
      }),
    );
  });

  it('property: HH:MM:SS is the frame’s whole second, FF counts earlier frames in it', () => {
    fc.assert(
      fc.property(anyTable, ({ table: t }) => {
        for (let f = 0; f < frameCount(t); f++) {
          const { second, ff } = timecodeParts(frameToTimecode(t, f));
          expect(wholeSecond(t, f)).toBe(second);
          expect(wholeSecond(t, f - ff)).toBe(second);
          if (f - ff > 0) expect(wholeSecond(t, f - ff - 1)).toBeLessThan(second);
        }
      }),
    );
  });

  it('property: timecodes increase frame by frame (FF + 1, or a later second at FF 0)', () => {
    fc.assert(
      fc.property(anyTable, ({ table: t }) => {
        for (let f = 1; f < frameCount(t); f++) {
          const before = timecodeParts(frameToTimecode(t, f - 1));
          const after = timecodeParts(frameToTimecode(t, f));
          if (after.second === before.second) expect(after.ff).toBe(before.ff + 1);
          else {
            expect(after.second).toBeGreaterThan(before.second);
            expect(after.ff).toBe(0);
          }
        }
      }),
    );
  });
});

describe('timecodeToFrame', () => {
  it('reads hand-worked NTSC timecodes', () => {
    expect(timecodeToFrame(ntsc30k, '00:00:00:29')).toBe(29);
    expect(timecodeToFrame(ntsc30k, '00:00:01:00')).toBe(30);
    expect(timecodeToFrame(ntsc30k, '00:01:00:00')).toBe(1799);
    expect(timecodeToFrame(ntsc30k, '00:00:33:28')).toBe(1018);
    expect(timecodeToFrame(table(1, [0, 360_000]), '100:00:00:00')).toBe(1);
    expect(timecodeToFrame(cfrTable({ num: 240, den: 1 }, { num: 1, den: 90000 }, 300), '00:00:00:239')).toBe(239);
  });

  it.each([
    ['FF beyond a 30-frame second', ntsc30k, '00:00:00:30'],
    ['FF beyond the 29-frame second 33', ntsc30k, '00:00:33:29'],
    ['a second after the end', ntsc30k, '01:00:00:00'],
    ['an empty second of a VFR table', ms([0, 500, 3500]), '00:00:02:00'],
    ['FF past the last frame', ms([0, 500]), '00:00:00:02'],
  ])('returns null for %s', (_label, t, tc) => {
    expect(timecodeToFrame(t, tc)).toBeNull();
  });

  it.each([
    '',
    '00:00:00',
    '0:00:00:00',
    '000:00:00:00',
    '00:60:00:00',
    '00:00:60:00',
    '00:00:00:0',
    '00:00:00:000',
    '00:00:00:05x',
    '-00:00:00:00',
    ' 00:00:00:00',
    '00:00:00.00',
    '00:00:00;00',
    '00:00:00:00:00',
  ])('returns null for malformed %j', (tc) => {
    expect(timecodeToFrame(ntsc30k, tc)).toBeNull();
  });

  it('property: frame → timecode → frame for every frame of every table', () => {
    fc.assert(
      fc.property(anyTable, ({ table: t }) => {
        for (let f = 0; f < frameCount(t); f++) expect(timecodeToFrame(t, frameToTimecode(t, f))).toBe(f);
      }),
    );
  });

  it('property: an arbitrary timecode names a frame exactly when that second has more than FF frames', () => {
    const withTimecode = anyTable.chain((c) => {
      const lastSecond = Number(wholeSecond(c.table, frameCount(c.table) - 1));
      return fc.tuple(fc.constant(c), fc.integer({ min: 0, max: lastSecond + 1 }), fc.integer({ min: 0, max: 120 }));
    });
    fc.assert(
      fc.property(withTimecode, ([{ table: t }, second, ff]) => {
        const inSecond: number[] = [];
        for (let f = 0; f < frameCount(t); f++) if (wholeSecond(t, f) === BigInt(second)) inSecond.push(f);
        const two = (v: number): string => String(v).padStart(2, '0');
        const tc = `${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}:${two(ff)}`;
        expect(timecodeToFrame(t, tc)).toBe(inSecond[ff] ?? null);
      }),
    );
  });
});

describe('formatPtsSeconds', () => {
  it('prints raw PTS with six decimals, rounded like ffprobe', () => {
    expect(formatPtsSeconds(ntsc30k, 1)).toBe('0.033367'); // 0.0333666…
    expect(formatPtsSeconds(ntsc30k, 30)).toBe('1.001000');
    expect(formatPtsSeconds(ms([0, 33]), 1)).toBe('0.033000');
    const late = cfrTable(NTSC, { num: 1, den: 90000 }, 3, TEN_HOURS_90K);
    expect(formatPtsSeconds(late, 0)).toBe('36000.000000');
    expect(formatPtsSeconds(late, 1)).toBe('36000.033367');
  });

  it('keeps the sign of negative PTS', () => {
    const t = ms([-500, -467, 0, 533]);
    expect(formatPtsSeconds(t, 0)).toBe('-0.500000');
    expect(formatPtsSeconds(t, 2)).toBe('0.000000');
    expect(formatPtsSeconds(t, 3)).toBe('0.533000');
    expect(formatPtsSeconds(table(90_000_000, [-1, 0]), 0)).toBe('-0.000000');
    expect(formatPtsSeconds(table(3, [-4]), 0)).toBe('-1.333333');
  });

  it('rounds exact ties to even, as printf does', () => {
    expect(formatPtsSeconds(table(128, [1, 3]), 0)).toBe('0.007812'); // 0.0078125
    expect(formatPtsSeconds(table(128, [1, 3]), 1)).toBe('0.023438'); // 0.0234375
    expect(formatPtsSeconds(table(128, [-3]), 0)).toBe('-0.023438');
    expect(formatPtsSeconds(table(3, [2]), 0)).toBe('0.666667');
  });

  it('property: six decimals within half a microsecond of the float PTS', () => {
    fc.assert(
      fc.property(anyTable, ({ table: t }) => {
        for (let f = 0; f < frameCount(t); f++) {
          const text = formatPtsSeconds(t, f);
          expect(text).toMatch(/^-?\d+\.\d{6}$/);
          const seconds = ptsSeconds(t, f);
          expect(Math.abs(Number(text) - seconds)).toBeLessThanOrEqual(5e-7 + Math.abs(seconds) * 1e-15);
        }
      }),
    );
  });
});
