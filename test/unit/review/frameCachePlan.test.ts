import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cacheWindow, evictionOrder, nextDecodeRun } from '../../../src-shared/review/frameCachePlan.js';

describe('frame cache plan', () => {
  it('keeps the current frame inside a window of the capacity, leaning in the direction of travel (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.nat(),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(1 as const, -1 as const),
        (n, c, cap, dir) => {
          const current = c % n;
          const w = cacheWindow(current, dir, cap, n);
          expect(w.from).toBeGreaterThanOrEqual(0);
          expect(w.to).toBeLessThan(n);
          expect(w.to - w.from + 1).toBe(Math.min(cap, n));
          expect(current).toBeGreaterThanOrEqual(w.from);
          expect(current).toBeLessThanOrEqual(w.to);
          const ahead = dir === 1 ? w.to - current : current - w.from;
          const behind = dir === 1 ? current - w.from : w.to - current;
          if (current - 0 >= cap && n - 1 - current >= cap) expect(ahead).toBeGreaterThanOrEqual(behind);
        },
      ),
    );
  });

  it('evicts only frames outside the window, farthest first', () => {
    expect(evictionOrder([1, 50, 51, 99, 120, 10], { from: 45, to: 100 }, 60)).toEqual([120, 1, 10]);
  });

  it('decodes the current frame first, then onward in the direction of travel, never a cached frame (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.constantFrom(1 as const, -1 as const),
        fc.uniqueArray(fc.nat({ max: 299 })),
        fc.integer({ min: 1, max: 64 }),
        (n, c, dir, cachedList, maxRun) => {
          const current = c % n;
          const cached = new Set(cachedList.filter((f) => f < n));
          const w = cacheWindow(current, dir, 80, n);
          const run = nextDecodeRun(w, current, dir, (f) => cached.has(f), maxRun);
          const missing = [];
          for (let f = w.from; f <= w.to; f++) if (!cached.has(f)) missing.push(f);
          if (missing.length === 0) {
            expect(run).toBeNull();
            return;
          }
          expect(run).not.toBeNull();
          expect(run!.to - run!.from + 1).toBeLessThanOrEqual(maxRun);
          for (let f = run!.from; f <= run!.to; f++) expect(cached.has(f)).toBe(false);
          if (!cached.has(current)) expect(current >= run!.from && current <= run!.to).toBe(true);
        },
      ),
    );
  });

  it('going backward, decodes the run just behind the current frame', () => {
    const cached = new Set([100]);
    expect(nextDecodeRun({ from: 40, to: 110 }, 100, -1, (f) => cached.has(f), 30)).toEqual({ from: 70, to: 99 });
    expect(nextDecodeRun({ from: 40, to: 110 }, 100, 1, (f) => cached.has(f), 30)).toEqual({ from: 101, to: 110 });
  });
});

describe('backward decoding by keyframe interval', () => {
  it('starts a run behind the current frame at the keyframe before its end, never before the window (property)', async () => {
    const { keyFrameAtOrBefore } = await import('../../../src-shared/review/frameCachePlan.js');
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 500 }), { minLength: 1 }), fc.integer({ min: 100, max: 500 }), (keys, current) => {
        const keyFrames = [...keys].sort((a, b) => a - b);
        const w = { from: current - 90, to: current + 10 };
        const cached = new Set([current]);
        const run = nextDecodeRun(w, current, -1, (f) => cached.has(f), 200, keyFrames)!;
        expect(run.to).toBe(current - 1);
        expect(run.from).toBe(Math.max(w.from, keyFrameAtOrBefore(keyFrames, current - 1)));
      }),
    );
    expect(keyFrameAtOrBefore([0, 60, 120], 119)).toBe(60);
    expect(keyFrameAtOrBefore([0, 60, 120], 120)).toBe(120);
    expect(keyFrameAtOrBefore([30], 10)).toBe(0);
  });
});

describe('whether a seek waits for the run in flight', () => {
  it('waits only for a frame the run will make within KEEP_RUN_AHEAD frames of its next one', async () => {
    const { runInFlightServes, KEEP_RUN_AHEAD } = await import('../../../src-shared/review/frameCachePlan.js');
    const run = { from: 100, to: 123 };
    expect(runInFlightServes(null, 0, 100)).toBe(false);
    expect(runInFlightServes(run, 100, 100)).toBe(true);
    expect(runInFlightServes(run, 100, 100 + KEEP_RUN_AHEAD)).toBe(true);
    // The far end of a long run: stopped, so the seek does not wait for every frame before it.
    expect(runInFlightServes(run, 100, 123)).toBe(false);
    expect(runInFlightServes(run, 110, 112)).toBe(true);
    // Already handed over (and evicted since): the run will not make it again.
    expect(runInFlightServes(run, 110, 105)).toBe(false);
    expect(runInFlightServes(run, 100, 99)).toBe(false);
    expect(runInFlightServes(run, 122, 124)).toBe(false);
  });

  it('a kept run will still make the frame, after at most KEEP_RUN_AHEAD others; nearer frames of the run are kept too (property)', async () => {
    const { runInFlightServes, KEEP_RUN_AHEAD } = await import('../../../src-shared/review/frameCachePlan.js');
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 60 }), fc.nat({ max: 1100 }), fc.nat({ max: 1100 }), (from, len, next, target) => {
        const run = { from, to: from + len };
        // The frames the run has yet to hand over, in order.
        const toCome: number[] = [];
        for (let f = Math.max(from, next); f <= run.to; f++) toCome.push(f);
        const at = toCome.indexOf(target);
        if (runInFlightServes(run, next, target)) {
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThanOrEqual(KEEP_RUN_AHEAD);
          for (const nearer of toCome.slice(0, at)) expect(runInFlightServes(run, next, nearer)).toBe(true);
        } else {
          expect(at < 0 || at > KEEP_RUN_AHEAD).toBe(true);
        }
      }),
    );
  });
});
