import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamingBaseline } from '../../../src-main/analysis/expression/neutralBaseline.js';

const options = { neutralFrames: 8, recentFrames: 5, minNeutralFrames: 3, neutralMaxAgeFrames: 100 };
const vec = (...v: number[]): Float64Array => Float64Array.from(v);
const estimate = (b: StreamingBaseline, current = vec(0, 0)): { source: string; value: number[] } => {
  const out = new Float64Array(2);
  const source = b.estimate(current, out);
  return { source, value: Array.from(out) };
};
const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const n = s.length;
  return n % 2 ? (s[(n - 1) / 2] ?? NaN) : ((s[n / 2 - 1] ?? NaN) + (s[n / 2] ?? NaN)) / 2;
};

describe('StreamingBaseline', () => {
  it('uses the current frame until anything usable is seen', () => {
    const b = new StreamingBaseline(2, options);
    b.push(0, vec(1, 2), false, true);
    expect(estimate(b, vec(7, 8))).toEqual({ source: 'current', value: [7, 8] });
  });

  it('is the per-feature median of the recent usable frames, exactly, for any sequence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (frames) => {
          const b = new StreamingBaseline(2, { ...options, minNeutralFrames: 1000 });
          frames.forEach(([v, usable], i) => b.push(i, vec(v, -v), usable, false));
          const used = frames
            .filter(([, u]) => u)
            .map(([v]) => v)
            .slice(-options.recentFrames);
          const got = estimate(b);
          if (used.length === 0) expect(got.source).toBe('current');
          else expect(got).toEqual({ source: 'recent', value: [median(used), median(used.map((v) => -v))] });
        },
      ),
    );
  });

  it('switches to the neutral frames once there are enough, and keeps them through a long expression', () => {
    const b = new StreamingBaseline(2, options);
    b.push(0, vec(1, 1), true, true);
    b.push(1, vec(1, 1), true, true);
    expect(estimate(b).source).toBe('recent');
    b.push(2, vec(1, 1), true, true);
    expect(estimate(b)).toEqual({ source: 'neutral', value: [1, 1] });
    // Twenty expressive, non-neutral frames fill the recent ring but not the neutral one.
    for (let i = 3; i < 23; i++) b.push(i, vec(9, 9), true, false);
    expect(estimate(b)).toEqual({ source: 'neutral', value: [1, 1] });
  });

  it('ignores neutral frames older than the age limit', () => {
    const b = new StreamingBaseline(2, { ...options, neutralMaxAgeFrames: 10 });
    for (let i = 0; i < 3; i++) b.push(i, vec(1, 1), true, true);
    b.push(12, vec(5, 5), true, false);
    expect(estimate(b)).toEqual({ source: 'recent', value: [1, 1] }); // median of 1, 1, 1, 5
    b.push(13, vec(5, 5), true, false);
    b.push(14, vec(5, 5), true, false);
    expect(estimate(b).value).toEqual([5, 5]);
  });

  it('holds at most its ring sizes, however long the recording (constant memory)', () => {
    const b = new StreamingBaseline(2, options);
    for (let i = 0; i < 10_000; i++) b.push(i, vec(i, i), true, i % 2 === 0);
    expect(b.counts()).toEqual({ neutral: options.neutralFrames, recent: options.recentFrames });
    // The last 8 neutral frames are 9984..9998 (even): median 9991.
    expect(estimate(b).value).toEqual([9991, 9991]);
  });

  it('starts afresh when the frame index goes back (a new pass)', () => {
    const b = new StreamingBaseline(2, options);
    for (let i = 0; i < 5; i++) b.push(100 + i, vec(3, 3), true, true);
    b.push(0, vec(1, 1), false, false);
    expect(b.counts()).toEqual({ neutral: 0, recent: 0 });
    expect(estimate(b, vec(2, 2)).source).toBe('current');
  });

  it('refuses ring sizes that are not positive integers', () => {
    expect(() => new StreamingBaseline(2, { ...options, recentFrames: 0 })).toThrow(/recentFrames/);
    expect(() => new StreamingBaseline(2, { ...options, minNeutralFrames: 1.5 })).toThrow(/minNeutralFrames/);
  });

  it('restored from a snapshot, goes on exactly as the baseline it was taken from (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean(), fc.boolean()), { minLength: 2, maxLength: 60 }),
        fc.nat(),
        (frames, at) => {
          const split = 1 + (at % (frames.length - 1));
          const whole = new StreamingBaseline(2, options);
          const before = new StreamingBaseline(2, options);
          frames.slice(0, split).forEach(([v, usable, neutral], i) => {
            whole.push(i, vec(v, -v), usable, neutral);
            before.push(i, vec(v, -v), usable, neutral);
          });
          const snapshot = before.snapshot();
          before.push(999, vec(42, 42), true, true); // the snapshot is a copy: later frames do not reach it
          const resumed = new StreamingBaseline(2, options);
          resumed.restore(snapshot);
          frames.slice(split).forEach(([v, usable, neutral], k) => {
            whole.push(split + k, vec(v, -v), usable, neutral);
            resumed.push(split + k, vec(v, -v), usable, neutral);
            expect(estimate(resumed)).toEqual(estimate(whole));
          });
        },
      ),
    );
  });

  it('refuses a snapshot of rings of another size', () => {
    const snapshot = new StreamingBaseline(2, options).snapshot();
    expect(() => new StreamingBaseline(2, { ...options, recentFrames: 6 }).restore(snapshot)).toThrow(/other ring sizes/);
  });
});
