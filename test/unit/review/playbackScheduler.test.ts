import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueAt, startPlayback, tick, type PlaybackPlan, type SchedulerState } from '../../../src-shared/review/playbackScheduler.js';
import { PLAYBACK_SPEEDS } from '../../../src-shared/review/speeds.js';

/** Frame times with uneven gaps (VFR), in seconds. */
const timesArb = fc.array(fc.integer({ min: 10, max: 80 }), { minLength: 2, maxLength: 60 }).map((gaps) => {
  const t = [0];
  for (const g of gaps) t.push((t[t.length - 1] as number) + g / 1000);
  return t;
});

interface Run {
  presented: { frame: number; at: number }[];
  waits: number;
}

/** Drives the scheduler with a clock advancing by irregular ticks and a decoder that makes frames ready late. */
function drive(plan: PlaybackPlan, from: number, tickMs: number[], readyDelay: (f: number) => number, untilPresented: number): Run {
  let now = 1000;
  let state: SchedulerState = startPlayback(plan, from, now);
  const readySince = new Map<number, number>();
  const presented: Run['presented'] = [];
  let waits = 0;
  for (let i = 0; presented.length < untilPresented && i < 200_000; i++) {
    now += tickMs[i % tickMs.length] as number;
    // Idle ticks before the next frame is due prove nothing: jump close to it (keeping the tick's phase).
    if (state.next !== null) now = Math.max(now, dueAt(plan, state, state.next) - (tickMs[0] as number));
    const r = tick(plan, state, now, (f) => {
      if (!readySince.has(f)) readySince.set(f, now + readyDelay(f));
      return now >= (readySince.get(f) as number);
    });
    if (r.waiting) waits++;
    state = r.state;
    if (r.present !== null) presented.push({ frame: r.present, at: now });
    if (state.next === null) break;
  }
  return { presented, waits };
}

describe('playback scheduler', () => {
  it('presents every frame of the interval once, in order, whatever the clock and decoder do (property)', () => {
    fc.assert(
      fc.property(
        timesArb,
        fc.constantFrom(...PLAYBACK_SPEEDS),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }),
        fc.func(fc.integer({ min: 0, max: 300 })),
        fc.nat(),
        fc.nat(),
        (times, speed, ticks, delay, a, b) => {
          const first = a % times.length;
          const last = first + (b % (times.length - first));
          const plan: PlaybackPlan = { times, first, last, loop: false, speed };
          const run = drive(plan, first, ticks, (f) => delay(f), Infinity);
          expect(run.presented.map((p) => p.frame)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never presents a frame before its time: spacing at least gap / speed minus the late tolerance (property)', () => {
    fc.assert(
      fc.property(
        timesArb,
        fc.constantFrom(...PLAYBACK_SPEEDS),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.func(fc.integer({ min: 0, max: 200 })),
        fc.constantFrom(undefined, 10, 40),
        (times, speed, ticks, delay, tolerance) => {
          const plan: PlaybackPlan = {
            times,
            first: 0,
            last: times.length - 1,
            loop: false,
            speed,
            ...(tolerance !== undefined ? { lateToleranceMs: tolerance } : {}),
          };
          const allowed = tolerance ?? 25;
          const run = drive(plan, 0, ticks, (f) => delay(f), Infinity);
          for (let k = 1; k < run.presented.length; k++) {
            const gapMs = (((times[k] as number) - (times[k - 1] as number)) / speed) * 1000;
            expect(run.presented[k]!.at - run.presented[k - 1]!.at).toBeGreaterThanOrEqual(gapMs - allowed - 1e-6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps time when frames are always ready: each frame within one tick of its due time', () => {
    const times = Array.from({ length: 50 }, (_, i) => i / 25);
    const plan: PlaybackPlan = { times, first: 0, last: 49, loop: false, speed: 1 / 6 };
    const run = drive(plan, 0, [16], () => 0, Infinity);
    run.presented.forEach((p, i) => {
      const due = 1000 + (i / 25) * 6000;
      expect(p.at).toBeGreaterThanOrEqual(due);
      expect(p.at - due).toBeLessThan(16 + 1e-6);
    });
  });

  it('loops the interval: after the last frame, the first again, each pass complete and in order', () => {
    const times = Array.from({ length: 30 }, (_, i) => i * 0.04);
    const plan: PlaybackPlan = { times, first: 10, last: 14, loop: true, speed: 1 / 25 };
    const run = drive(plan, 12, [7, 13], () => 0, 13);
    expect(run.presented.map((p) => p.frame)).toEqual([12, 13, 14, 10, 11, 12, 13, 14, 10, 11, 12, 13, 14]);
  });

  it('waits for a frame that is not decoded instead of skipping it, and re-anchors so the next keeps its spacing', () => {
    const times = [0, 0.04, 0.08, 0.12];
    const plan: PlaybackPlan = { times, first: 0, last: 3, loop: false, speed: 1 };
    let state = startPlayback(plan, 0, 0);
    state = tick(plan, state, 0, () => true).state; // frame 0 at 0
    const waiting = tick(plan, state, 100, (f) => f !== 1);
    expect(waiting).toMatchObject({ present: null, waiting: true });
    const late = tick(plan, waiting.state, 200, () => true);
    expect(late.present).toBe(1);
    expect(dueAt(plan, late.state, 2)).toBeCloseTo(240);
  });

  it('refuses a speed that is not positive', () => {
    expect(() => startPlayback({ times: [0, 1], first: 0, last: 1, loop: false, speed: 0 }, 0, 0)).toThrow(RangeError);
  });
});
