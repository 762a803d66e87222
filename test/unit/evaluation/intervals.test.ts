import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalIoU, kindFromDuration } from '../../../src-main/evaluation/intervals.js';
import { matchIntervals } from '../../../src-main/evaluation/match.js';

const intervalArb = fc.tuple(fc.nat(200), fc.nat(40)).map(([onset, len]) => ({ onset, offset: onset + len }));

describe('intervalIoU', () => {
  it('is symmetric, in [0, 1], and 1 exactly when the intervals are equal', () => {
    fc.assert(
      fc.property(intervalArb, intervalArb, (a, b) => {
        const x = intervalIoU(a, b);
        expect(x).toBe(intervalIoU(b, a));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(x === 1).toBe(a.onset === b.onset && a.offset === b.offset);
        expect(intervalIoU(a, a)).toBe(1);
      }),
    );
  });

  it('counts inclusive frames', () => {
    expect(intervalIoU({ onset: 5, offset: 5 }, { onset: 5, offset: 5 })).toBe(1);
    expect(intervalIoU({ onset: 0, offset: 9 }, { onset: 5, offset: 14 })).toBe(5 / 15);
    expect(intervalIoU({ onset: 0, offset: 3 }, { onset: 4, offset: 9 })).toBe(0);
    expect(intervalIoU({ onset: 0, offset: 3 }, { onset: 3, offset: 3 })).toBe(1 / 4);
    expect(() => intervalIoU({ onset: 4, offset: 3 }, { onset: 0, offset: 1 })).toThrow(/offset 3 is before onset 4/);
    expect(() => intervalIoU({ onset: 0.5, offset: 3 }, { onset: 0, offset: 1 })).toThrow(/whole frame number/);
  });

  it('derives the kind from the duration (≤ 0.5 s micro)', () => {
    expect(kindFromDuration({ onset: 0, offset: 11 }, 25)).toBe('micro'); // 12 frames = 0.48 s
    expect(kindFromDuration({ onset: 0, offset: 12 }, 25)).toBe('macro'); // 13 frames = 0.52 s
    expect(kindFromDuration({ onset: 0, offset: 14 }, 30)).toBe('micro'); // 15 frames = 0.5 s exactly
    expect(kindFromDuration({ onset: 0, offset: 99 }, 200)).toBe('micro');
    expect(kindFromDuration({ onset: 0, offset: 100 }, 200)).toBe('macro');
  });
});

describe('matchIntervals', () => {
  const lists = fc.tuple(
    fc.array(intervalArb, { maxLength: 15 }),
    fc.array(intervalArb, { maxLength: 15 }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
  );

  it('is one-to-one, never matches below the threshold, and leaves no matchable pair unmatched', () => {
    fc.assert(
      fc.property(lists, ([truth, predicted, minIoU]) => {
        const m = matchIntervals(truth, predicted, minIoU);
        expect(new Set(m.map((x) => x.truth)).size).toBe(m.length);
        expect(new Set(m.map((x) => x.predicted)).size).toBe(m.length);
        for (const x of m) {
          expect(x.iou).toBeGreaterThanOrEqual(minIoU);
          expect(x.iou).toBe(intervalIoU(truth[x.truth] ?? { onset: 0, offset: 0 }, predicted[x.predicted] ?? { onset: 0, offset: 0 }));
        }
        const usedT = new Set(m.map((x) => x.truth));
        const usedP = new Set(m.map((x) => x.predicted));
        truth.forEach((t, i) =>
          predicted.forEach((p, j) => {
            if (!usedT.has(i) && !usedP.has(j)) expect(intervalIoU(t, p) >= minIoU && intervalIoU(t, p) > 0).toBe(false);
          }),
        );
      }),
    );
  });

  it('is deterministic and does not depend on the order of the lists', () => {
    fc.assert(
      fc.property(lists, ([truth, predicted, minIoU]) => {
        const key = (ms: { truth: number; predicted: number }[], t: typeof truth, p: typeof predicted): string[] =>
          ms.map((x) => JSON.stringify([t[x.truth], p[x.predicted]])).sort();
        const a = matchIntervals(truth, predicted, minIoU);
        const rt = [...truth].reverse();
        const rp = [...predicted].reverse();
        // Only identical intervals are told apart by their index.
        fc.pre(
          new Set(truth.map((x) => JSON.stringify(x))).size === truth.length &&
            new Set(predicted.map((x) => JSON.stringify(x))).size === predicted.length,
        );
        expect(key(matchIntervals(rt, rp, minIoU), rt, rp)).toEqual(key(a, truth, predicted));
      }),
    );
  });

  it('takes the highest IoU first, ties to the earlier onset', () => {
    const truth = [{ onset: 10, offset: 19 }];
    const predicted = [
      { onset: 11, offset: 19 },
      { onset: 10, offset: 19 },
    ];
    expect(matchIntervals(truth, predicted)).toEqual([{ truth: 0, predicted: 1, iou: 1 }]);
    // Two predictions equally good for one truth: the earlier prediction onset wins.
    const tie = matchIntervals(
      [{ onset: 10, offset: 13 }],
      [
        { onset: 11, offset: 13 },
        { onset: 10, offset: 12 },
      ],
    );
    expect(tie).toEqual([{ truth: 0, predicted: 1, iou: 0.75 }]);
    // Equal IoU for two truths: the earlier truth onset takes the prediction.
    const greedy = matchIntervals(
      [
        { onset: 0, offset: 9 },
        { onset: 4, offset: 13 },
      ],
      [{ onset: 2, offset: 11 }],
      0.5,
    );
    expect(greedy).toEqual([{ truth: 0, predicted: 0, iou: 8 / 12 }]);
    expect(matchIntervals([{ onset: 0, offset: 9 }], [{ onset: 5, offset: 14 }], 0.5)).toEqual([]);
    expect(() => matchIntervals([], [], 0)).toThrow(/minIoU/);
  });
});
