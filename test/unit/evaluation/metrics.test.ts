import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSpotting, sumCounts, unionFrames } from '../../../src-main/evaluation/metrics.js';
import type { LabelledInterval, PredictedInterval } from '../../../src-main/evaluation/intervals.js';

const labelled = fc
  .record({
    onset: fc.nat(300),
    length: fc.nat(60),
    kind: fc.constantFrom('micro' as const, 'macro' as const),
    emotion: fc.option(fc.constantFrom('enjoyment', 'anger', 'others'), { nil: undefined }),
  })
  .map(({ onset, length, kind, emotion }): LabelledInterval => ({ onset, offset: onset + length, kind, ...(emotion ? { emotion } : {}) }));

describe('evaluateSpotting', () => {
  it('F1, precision and recall are in [0, 1] (or null when undefined); counts add up', () => {
    fc.assert(
      fc.property(fc.array(labelled, { maxLength: 12 }), fc.array(labelled, { maxLength: 12 }), (truth, predicted) => {
        const e = evaluateSpotting(truth, predicted, 400);
        for (const c of [e.micro, e.macro, e.overall, e.anyKind]) {
          for (const v of [c.precision, c.recall, c.f1]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
          expect(c.tp + c.fp).toBe(c.predicted);
          expect(c.tp + c.fn).toBe(c.truth);
          expect(c.f1 === null).toBe(c.truth === 0 && c.predicted === 0);
        }
        expect(e.overall.tp).toBe(e.micro.tp + e.macro.tp);
        expect(e.overall.truth).toBe(truth.length);
        expect(e.anyKind.tp).toBeGreaterThanOrEqual(e.overall.tp > 0 ? 1 : 0);
        expect(e.review.share).toBeGreaterThanOrEqual(0);
        expect(e.review.share).toBeLessThanOrEqual(1);
        if (e.emotion.rate !== null) expect(e.emotion.rate >= 0 && e.emotion.rate <= 1).toBe(true);
      }),
    );
  });

  it('perfect predictions give precision, recall and F1 of 1', () => {
    fc.assert(
      fc.property(fc.array(labelled, { minLength: 1, maxLength: 12 }), (truth) => {
        const e = evaluateSpotting(
          truth,
          truth.map((t) => ({ ...t })),
          400,
        );
        expect(e.overall).toMatchObject({ precision: 1, recall: 1, f1: 1, fp: 0, fn: 0 });
        expect(e.anyKind.f1).toBe(1);
      }),
    );
  });

  it('counts micro and macro separately as MEGC does, and measures emotion agreement and review time', () => {
    const truth: LabelledInterval[] = [
      { onset: 10, offset: 15, kind: 'micro', emotion: 'enjoyment' },
      { onset: 100, offset: 104, kind: 'micro', emotion: 'anger' },
      { onset: 200, offset: 260, kind: 'macro', emotion: 'others' },
      { onset: 400, offset: 450, kind: 'macro' },
    ];
    const predicted: PredictedInterval[] = [
      { onset: 11, offset: 15, kind: 'micro', emotion: 'enjoyment' }, // TP micro, agrees
      { onset: 100, offset: 105, kind: 'micro', emotion: 'fear' }, // TP micro, disagrees
      { onset: 205, offset: 260, kind: 'macro', emotion: 'sadness' }, // TP macro, truth label not an emotion
      { onset: 400, offset: 410, kind: 'micro' }, // FP micro (IoU too small and wrong kind)
      { onset: 600, offset: 609, kind: 'macro' }, // FP macro
    ];
    const e = evaluateSpotting(truth, predicted, 1000);
    expect(e.micro).toEqual({ truth: 2, predicted: 3, tp: 2, fp: 1, fn: 0, precision: 2 / 3, recall: 1, f1: 4 / 5 });
    expect(e.macro).toEqual({ truth: 2, predicted: 2, tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(e.overall).toEqual({ truth: 4, predicted: 5, tp: 3, fp: 2, fn: 1, precision: 0.6, recall: 0.75, f1: 6 / 9 });
    expect(e.emotion).toEqual({ agree: 1, comparable: 2, rate: 0.5 });
    expect(e.review).toEqual({ frames: 5 + 6 + 56 + 11 + 10, totalFrames: 1000, share: 88 / 1000 });
    expect(e.matches.filter((m) => m.kind === 'micro').map((m) => [m.truth, m.predicted])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('no predictions: recall 0, precision undefined; nothing at all: everything undefined', () => {
    const e = evaluateSpotting([{ onset: 0, offset: 3, kind: 'micro' }], [], 10);
    expect(e.overall).toMatchObject({ tp: 0, fn: 1, precision: null, recall: 0, f1: 0 });
    expect(evaluateSpotting([], [], 10).overall).toMatchObject({ precision: null, recall: null, f1: null });
    expect(() => evaluateSpotting([], [], 0)).toThrow(/totalFrames/);
    expect(() => evaluateSpotting([{ onset: 0, offset: 3, kind: 'mini' as never }], [], 10)).toThrow(/truth\[0\]: kind/);
  });
});

describe('sumCounts', () => {
  it('adds counts over recordings and recomputes the rates from the sums', () => {
    const a = evaluateSpotting([{ onset: 0, offset: 3, kind: 'micro' }], [{ onset: 0, offset: 3, kind: 'micro' }], 10).overall;
    const b = evaluateSpotting(
      [
        { onset: 0, offset: 3, kind: 'micro' },
        { onset: 5, offset: 8, kind: 'micro' },
      ],
      [],
      10,
    ).overall;
    expect(sumCounts([a, b])).toEqual({ truth: 3, predicted: 1, tp: 1, fp: 0, fn: 2, precision: 1, recall: 1 / 3, f1: 0.5 });
    expect(sumCounts([]).f1).toBeNull();
  });
});

describe('unionFrames', () => {
  it('counts each frame once, clipped to the recording', () => {
    expect(
      unionFrames(
        [
          { onset: 0, offset: 9 },
          { onset: 5, offset: 14 },
          { onset: 20, offset: 20 },
        ],
        100,
      ),
    ).toBe(16);
    expect(unionFrames([{ onset: 95, offset: 120 }], 100)).toBe(5);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(20)), { maxLength: 10 }), (raw) => {
        const ivs = raw.map(([o, l]) => ({ onset: o, offset: o + l }));
        const frames = new Set(
          ivs.flatMap((iv) => Array.from({ length: iv.offset - iv.onset + 1 }, (_, k) => iv.onset + k)).filter((f) => f < 60),
        );
        expect(unionFrames(ivs, 60)).toBe(frames.size);
      }),
    );
  });
});
