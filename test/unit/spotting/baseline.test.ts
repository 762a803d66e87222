import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalWindows, localMedian, localScale, moveRange, robustDeparture } from '../../../src-main/spotting/localBaseline.js';
import type { Reliability } from '../../../src-main/spotting/reliability.js';
import type { Timeline } from '../../../src-main/spotting/timeline.js';
import { gaussian, prng } from './synthetic.js';

function timeline(gaps: number[]): Timeline {
  const times = new Float64Array(gaps.length);
  for (let i = 1; i < gaps.length; i++) times[i] = (times[i - 1] ?? 0) + (gaps[i] ?? 0.04);
  return { frames: gaps.length, fps: 25, times };
}

function allReliable(n: number): Reliability {
  return { reliable: new Uint8Array(n).fill(1), segment: new Int32Array(n), segments: n > 0 ? [{ start: 0, end: n - 1 }] : [] };
}

/** Random reliability: random flags, segments cut at random places. */
const reliabilityArb = (n: number): fc.Arbitrary<Reliability> =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), { maxLength: 4 }),
    )
    .map(([flags, cuts]) => {
      const reliable = Uint8Array.from(flags, (f) => (f ? 1 : 0));
      const bounds = [0, ...cuts.filter((c) => c < n).sort((a, b) => a - b), n];
      const segments: { start: number; end: number }[] = [];
      const segment = new Int32Array(n).fill(-1);
      for (let k = 0; k + 1 < bounds.length; k++) {
        const start = bounds[k] ?? 0;
        const end = (bounds[k + 1] ?? n) - 1;
        if (end < start) continue;
        for (let f = start; f <= end; f++) segment[f] = segments.length;
        segments.push({ start, end });
      }
      return { reliable, segment, segments };
    });

function bruteMedian(series: number[], tl: Timeline, rel: Reliability, halfWindowS: number, guardS: number, minCount: number): number[] {
  return series.map((_, t) => {
    if (!rel.reliable[t] || (rel.segment[t] ?? -1) < 0) return NaN;
    const window: number[] = [];
    for (let j = 0; j < series.length; j++) {
      if (rel.segment[j] !== rel.segment[t] || !rel.reliable[j] || !Number.isFinite(series[j])) continue;
      const d = Math.abs((tl.times[j] ?? 0) - (tl.times[t] ?? 0));
      if (d <= halfWindowS + 1e-6 && (guardS === 0 || d >= guardS - 1e-6)) window.push(series[j] ?? NaN);
    }
    if (window.length < minCount) return NaN;
    window.sort((a, b) => a - b);
    const n = window.length;
    return n % 2 ? (window[(n - 1) / 2] ?? NaN) : ((window[n / 2 - 1] ?? NaN) + (window[n / 2] ?? NaN)) / 2;
  });
}

describe('localMedian', () => {
  it('equals the median of the window by brute force (any timing, gaps, segments, NaN, guard)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }).chain((n) =>
          fc.record({
            gaps: fc.array(fc.double({ min: 0.01, max: 0.2, noNaN: true }), { minLength: n, maxLength: n }),
            series: fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(NaN), fc.integer({ min: 0, max: 2 })), {
              minLength: n,
              maxLength: n,
            }),
            rel: reliabilityArb(n),
            halfWindowS: fc.double({ min: 0.05, max: 3, noNaN: true }),
            guardFraction: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.9, noNaN: true })),
            minCount: fc.integer({ min: 1, max: 5 }),
          }),
        ),
        ({ gaps, series, rel, halfWindowS, guardFraction, minCount }) => {
          const tl = timeline(gaps);
          const guardS = guardFraction * halfWindowS;
          const plusZero = (v: number): number => (v === 0 ? 0 : v); // the sign of a zero median is arbitrary
          const got = Array.from(localMedian(Float64Array.from(series), tl, rel, { halfWindowS, guardS, minCount }), plusZero);
          expect(got).toEqual(bruteMedian(series, tl, rel, halfWindowS, guardS, minCount).map(plusZero));
        },
      ),
    );
  });

  it('follows a linear drift exactly (a symmetric window has the drift’s own value as median)', () => {
    const n = 2000;
    const tl = timeline(Array.from({ length: n }, () => 0.04));
    const drift = Float64Array.from({ length: n }, (_, i) => 0.001 * i);
    const base = localMedian(drift, tl, allReliable(n), { halfWindowS: 5, guardS: 0.5, minCount: 25 });
    for (let t = 150; t < n - 150; t++) expect(base[t]).toBeCloseTo(drift[t] ?? NaN, 12);
  });

  it('ignores a brief departure at t (the guard leaves it out of its own baseline)', () => {
    const n = 500;
    const tl = timeline(Array.from({ length: n }, () => 0.04));
    const series = new Float64Array(n);
    for (let t = 250; t < 262; t++) series[t] = 1;
    const base = localMedian(series, tl, allReliable(n), { halfWindowS: 5, guardS: 0.5, minCount: 25 });
    for (let t = 250; t < 262; t++) expect(base[t]).toBe(0);
  });
});

describe('moveRange', () => {
  it('adds and removes exactly the difference between the old and new ranges', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -1, max: 30 }));
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 20 }), (moves) => {
        const held = new Set<number>();
        const cur = { lo: 0, hi: -1 };
        for (const [lo, hi] of moves) {
          moveRange(
            cur,
            lo,
            hi,
            (j) => {
              expect(held.has(j)).toBe(false);
              held.add(j);
            },
            (j) => {
              expect(held.delete(j)).toBe(true);
            },
          );
          const want = new Set<number>();
          for (let j = lo; j <= hi; j++) want.add(j);
          expect(held).toEqual(want);
        }
      }),
    );
  });
});

describe('localScale and robustDeparture', () => {
  it('estimate the noise level: z of Gaussian noise has a median |z| near 0.674', () => {
    const n = 3000;
    const tl = timeline(Array.from({ length: n }, () => 0.04));
    const rel = allReliable(n);
    const normal = gaussian(prng(5));
    const series = Float64Array.from({ length: n }, () => 0.01 * normal());
    const windows = new LocalWindows(tl, rel, { halfWindowS: 5, guardS: 0.5, minCount: 25 });
    const { z } = robustDeparture(series, windows, { halfWindowS: 30, stepS: 1, floor: 1e-6 });
    const abs = Array.from(z, Math.abs).sort((a, b) => a - b);
    expect(abs[Math.floor(n / 2)]).toBeGreaterThan(0.6);
    expect(abs[Math.floor(n / 2)]).toBeLessThan(0.75);
  });

  it('never goes below the floor, and is the floor where nothing is measured', () => {
    const n = 100;
    const tl = timeline(Array.from({ length: n }, () => 0.04));
    const rel = allReliable(n);
    const s = localScale(new Float64Array(n), tl, rel, { halfWindowS: 30, stepS: 1, floor: 0.003 });
    expect(Array.from(s).every((v) => v === 0.003)).toBe(true);
    const nothing = localScale(new Float64Array(n).fill(NaN), tl, rel, { halfWindowS: 30, stepS: 1, floor: 0.5 });
    expect(Array.from(nothing).every((v) => v === 0.5)).toBe(true);
  });
});
