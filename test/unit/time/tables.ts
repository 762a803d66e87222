// Frame tables for the time tests: builders for hand-worked examples, and
// fast-check arbitraries covering the shapes real recordings have.

import fc from 'fast-check';
import type { FrameTable, Rational } from '../../../src-shared/time/index.js';

/**
 * Ticks of a constant-rate stream, rounded to the nearest tick (half up) as
 * ffmpeg's av_rescale_q does: frame k sits at start + round(k / rate / timeBase).
 */
export function cfrTicks(rate: Rational, timeBase: Rational, count: number, start = 0): number[] {
  const numer = BigInt(rate.den) * BigInt(timeBase.den);
  const denom = BigInt(rate.num) * BigInt(timeBase.num);
  const ticks: number[] = [];
  for (let k = 0n; k < BigInt(count); k++) {
    ticks.push(start + Number((2n * k * numer + denom) / (2n * denom)));
  }
  return ticks;
}

export function cfrTable(rate: Rational, timeBase: Rational, count: number, start = 0): FrameTable {
  return { timeBase, ptsTicks: cfrTicks(rate, timeBase, count, start) };
}

export function table(den: number, ptsTicks: number[], num = 1): FrameTable {
  return { timeBase: { num, den }, ptsTicks };
}

export const NTSC: Rational = { num: 30000, den: 1001 };

/** Exact elapsed time of a frame as a fraction of seconds, computed independently of the module. */
export function exactElapsed(t: FrameTable, frame: number): { n: bigint; d: bigint } {
  const ticks = BigInt(t.ptsTicks[frame] ?? NaN) - BigInt(t.ptsTicks[0] ?? NaN);
  return { n: ticks * BigInt(t.timeBase.num), d: BigInt(t.timeBase.den) };
}

/** A labelled table; `atLeastOneMsApart` says whether consecutive frames are ≥ 1 ms apart. */
export interface TableCase {
  readonly label: string;
  readonly table: FrameTable;
  readonly atLeastOneMsApart: boolean;
}

const count = fc.integer({ min: 1, max: 240 });

function cfrCase(label: string, rate: Rational, timeBase: Rational, start: fc.Arbitrary<number>): fc.Arbitrary<TableCase> {
  return fc.record({ n: count, s: start }).map(({ n, s }) => ({
    label: `${label} x${n} from ${s}`,
    table: cfrTable(rate, timeBase, n, s),
    atLeastOneMsApart: true,
  }));
}

const smallStart = fc.integer({ min: -100_000, max: 100_000 });

/** Strictly increasing ticks from random gaps; `minGap` ticks at least. */
function gapsCase(
  label: string,
  timeBase: Rational,
  minGap: number,
  maxGap: number,
  start: fc.Arbitrary<number>,
  atLeastOneMsApart: boolean,
): fc.Arbitrary<TableCase> {
  return fc.record({ s: start, gaps: fc.array(fc.integer({ min: minGap, max: maxGap }), { maxLength: 200 }) }).map(({ s, gaps }) => {
    const ticks = [s];
    for (const gap of gaps) ticks.push((ticks[ticks.length - 1] ?? 0) + gap);
    return { label: `${label} ${JSON.stringify(ticks)}`, table: { timeBase, ptsTicks: ticks }, atLeastOneMsApart };
  });
}

/** Variable frame rate, every gap ≥ 1 ms, in the time bases real files use. */
const vfr = fc.oneof(
  gapsCase('VFR 1/1000', { num: 1, den: 1000 }, 1, 200, smallStart, true),
  gapsCase('VFR 1/90000', { num: 1, den: 90000 }, 90, 18_000, smallStart, true),
  gapsCase('VFR 1/12800', { num: 1, den: 12800 }, 13, 2_560, smallStart, true),
  gapsCase('VFR 1/30000', { num: 1, den: 30000 }, 30, 6_000, smallStart, true),
  // A time base with num > 1: 1001/30000 ticks are one NTSC frame each.
  gapsCase('VFR 1001/30000', { num: 1001, den: 30000 }, 1, 6, smallStart, true),
);

export const TEN_HOURS_90K = 10 * 3600 * 90000;

/** Every table shape whose consecutive frames are at least 1 ms apart. */
export const msApartTable: fc.Arbitrary<TableCase> = fc.oneof(
  cfrCase('CFR 25 in 1/12800', { num: 25, den: 1 }, { num: 1, den: 12800 }, smallStart),
  cfrCase('NTSC in 1/90000', NTSC, { num: 1, den: 90000 }, smallStart),
  cfrCase('NTSC in 1/30000', NTSC, { num: 1, den: 30000 }, smallStart),
  cfrCase('NTSC in 1/1000', NTSC, { num: 1, den: 1000 }, smallStart),
  cfrCase('60 in 1/90000', { num: 60, den: 1 }, { num: 1, den: 90000 }, smallStart),
  cfrCase('60 in 1/1000', { num: 60, den: 1 }, { num: 1, den: 1000 }, smallStart),
  cfrCase('NTSC negative start', NTSC, { num: 1, den: 90000 }, fc.integer({ min: -900_000, max: -1 })),
  cfrCase('NTSC 10 h start', NTSC, { num: 1, den: 90000 }, fc.integer({ min: TEN_HOURS_90K, max: TEN_HOURS_90K + 90_000 })),
  vfr,
);

/** Frames closer than 1 ms: several frames share one clock string. */
const subMillisecond = gapsCase('sub-ms 1/90000', { num: 1, den: 90000 }, 1, 200, smallStart, false);

/** Every table shape, including frames closer together than a millisecond. */
export const anyTable: fc.Arbitrary<TableCase> = fc.oneof(msApartTable, subMillisecond);

/** Constant integer rates, for which the timecode must equal non-drop SMPTE. */
export const integerRateTable: fc.Arbitrary<{ fps: number; table: FrameTable }> = fc
  .record({
    fps: fc.constantFrom(24, 25, 30, 50, 60),
    timeBase: fc.constantFrom<Rational>({ num: 1, den: 12800 }, { num: 1, den: 90000 }, { num: 1, den: 1000 }),
    n: fc.integer({ min: 1, max: 400 }),
    start: smallStart,
  })
  .map(({ fps, timeBase, n, start }) => ({ fps, table: cfrTable({ num: fps, den: 1 }, timeBase, n, start) }));
