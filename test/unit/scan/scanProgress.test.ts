import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchFileStatus, BatchPhase } from '../../../src-shared/domain/batch.js';
import { countStatuses, etaSeconds, fileFraction, overallFraction, PHASE_SPAN, RateWindow } from '../../../src-main/scan/scanProgress.js';

const PHASES: BatchPhase[] = ['probing', 'hashing', 'waiting', 'indexing', 'analysing', 'spotting'];
const STATUSES: BatchFileStatus[] = ['queued', 'running', 'done', 'skipped', 'failed', 'ignored', 'cancelled'];
const file = fc.record({
  sizeBytes: fc.nat({ max: 1e10 }),
  status: fc.constantFrom(...STATUSES),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe("a file's progress", () => {
  it('runs from 0 to 1 through the steps in order', () => {
    expect(fileFraction('hashing', 0, 100)).toBe(0);
    expect(fileFraction('spotting', 1, 1)).toBe(1);
    expect(fileFraction('analysing', 0, 765)).toBe(PHASE_SPAN.analysing[0]);
    expect(fileFraction('analysing', 765, 765)).toBeCloseTo(PHASE_SPAN.analysing[1], 12);
    expect(fileFraction('indexing', 5, 0)).toBe(PHASE_SPAN.indexing[0]); // total not known yet
  });

  it('never goes back within a step, nor from one step to the next (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PHASES.length - 1 }),
        fc.nat(1e6),
        fc.nat(1e6),
        fc.integer({ min: 1, max: 1e6 }),
        (p, a, b, total) => {
          const phase = PHASES[p]!;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(fileFraction(phase, lo, total)).toBeLessThanOrEqual(fileFraction(phase, hi, total));
          if (p < PHASES.length - 1)
            expect(fileFraction(phase, hi, total)).toBeLessThanOrEqual(fileFraction(PHASES[p + 1]!, 0, total) + 1e-12);
        },
      ),
    );
  });
});

describe("the whole scan's progress", () => {
  it('weighs files by size; skipped and ignored ones weigh nothing', () => {
    expect(
      overallFraction([
        { sizeBytes: 300, status: 'done', fraction: 1 },
        { sizeBytes: 100, status: 'running', fraction: 0.5 },
        { sizeBytes: 600, status: 'queued', fraction: 0 },
        { sizeBytes: 1e9, status: 'skipped', fraction: 1 },
        { sizeBytes: 1e9, status: 'ignored', fraction: 1 },
      ]),
    ).toBeCloseTo(0.35, 12);
    expect(
      overallFraction([
        { sizeBytes: 5, status: 'skipped', fraction: 1 },
        { sizeBytes: 5, status: 'skipped', fraction: 1 },
      ]),
    ).toBe(1);
    expect(overallFraction([])).toBe(1);
  });

  it('stays within 0–1, and is 1 when every file has an outcome (property)', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 30 }), (files) => {
        const f = overallFraction(files);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
        if (files.every((x) => x.status !== 'queued' && x.status !== 'running')) expect(f).toBe(1);
      }),
    );
  });

  it('grows when a running file advances or a file finishes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(file, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (files, at, step) => {
          const i = at % files.length;
          const before = files.map((x, j) => (j === i ? { ...x, status: 'running' as const } : x));
          const after = before.map((x, j) => (j === i ? { ...x, fraction: Math.min(1, x.fraction + step) } : x));
          const finished = before.map((x, j) => (j === i ? { ...x, status: 'done' as const } : x));
          expect(overallFraction(after)).toBeGreaterThanOrEqual(overallFraction(before) - 1e-12);
          expect(overallFraction(finished)).toBeGreaterThanOrEqual(overallFraction(after) - 1e-12);
        },
      ),
    );
  });

  it('counts every status', () => {
    expect(countStatuses([{ status: 'done' }, { status: 'done' }, { status: 'failed' }, { status: 'queued' }])).toEqual({
      files: 4,
      queued: 1,
      running: 0,
      done: 2,
      skipped: 0,
      failed: 1,
      ignored: 0,
      cancelled: 0,
    });
  });
});

describe('time left', () => {
  it('is the pace so far applied to what is left, once there is enough to go on', () => {
    expect(etaSeconds(0.25, 60)).toBeCloseTo(180, 9);
    expect(etaSeconds(0.01, 60)).toBeNull();
    expect(etaSeconds(0.5, 1)).toBeNull();
    expect(etaSeconds(1, 100)).toBe(0);
  });

  it('is never negative and shrinks as the fraction done grows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        fc.double({ min: 3, max: 1e6, noNaN: true }),
        (a, b, t) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(etaSeconds(hi, t)!).toBeGreaterThanOrEqual(0);
          expect(etaSeconds(hi, t)!).toBeLessThanOrEqual(etaSeconds(lo, t)! + 1e-9);
        },
      ),
    );
  });
});

describe('frames per second', () => {
  it('is the slope of a steady count, over the last window only', () => {
    const rate = new RateWindow(10);
    for (let t = 0; t <= 30; t += 0.5) rate.add(t, t < 15 ? t * 10 : 150 + (t - 15) * 100);
    expect(rate.rate()).toBeCloseTo(100, 6);
    expect(new RateWindow().rate()).toBe(0);
  });
});
