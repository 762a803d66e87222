import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../src-main/agreement/cohenKappa.js';
import { krippendorffAlphaNominal } from '../../../src-main/agreement/krippendorffAlpha.js';
import { frameAlpha, pairAgreement, type CodedEvent } from '../../../src-main/agreement/eventAgreement.js';

const repeat = <T>(n: number, pair: T): T[] => Array.from({ length: n }, () => pair);

/** Both undefined (null), or both numbers and equal to 10 decimals. */
function closeOrBothNull(x: number | null, y: number | null): void {
  expect(x === null).toBe(y === null);
  if (x !== null && y !== null) expect(x).toBeCloseTo(y, 10);
}

describe("Cohen's kappa", () => {
  it('gives the published value: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → 0.4', () => {
    // The textbook example (po = 0.7, pe = 0.5).
    const pairs = [
      ...repeat(20, ['yes', 'yes'] as const),
      ...repeat(5, ['yes', 'no'] as const),
      ...repeat(10, ['no', 'yes'] as const),
      ...repeat(15, ['no', 'no'] as const),
    ];
    const r = cohenKappa(pairs);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('gives the hand-worked value of three categories', () => {
    // 10 items: a/a ×3, b/b ×3, c/c ×1, a/b ×1, b/c ×1, c/a ×1. po = 0.7;
    // A: a 4, b 4, c 2; B: a 4, b 4, c 2; pe = .16 + .16 + .04 = 0.36; κ = (0.7 − 0.36) / 0.64 = 0.53125.
    const pairs = [
      ...repeat(3, ['a', 'a'] as const),
      ...repeat(3, ['b', 'b'] as const),
      ['c', 'c'] as const,
      ['a', 'b'] as const,
      ['b', 'c'] as const,
      ['c', 'a'] as const,
    ];
    expect(cohenKappa(pairs).kappa).toBeCloseTo(0.53125, 12);
  });

  it('is undefined (null), not a number, when chance agreement is 1 or there is nothing to compare', () => {
    expect(cohenKappa(repeat(5, ['x', 'x'] as const)).kappa).toBeNull();
    expect(cohenKappa([]).kappa).toBeNull();
  });

  it('is symmetric, at most 1, and 1 for a coder with itself when two labels occur (property)', () => {
    const label = fc.constantFrom('fear', 'anger', 'none', 'surprise');
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { minLength: 1, maxLength: 60 }), (pairs) => {
        const ab = cohenKappa(pairs).kappa;
        const ba = cohenKappa(pairs.map(([x, y]) => [y, x] as const)).kappa;
        expect(ab === null).toBe(ba === null);
        if (ab !== null) {
          expect(ab).toBeCloseTo(ba!, 12);
          expect(ab).toBeLessThanOrEqual(1 + 1e-12);
        }
        const self = cohenKappa(pairs.map(([x]) => [x, x] as const));
        if (new Set(pairs.map(([x]) => x)).size > 1) expect(self.kappa).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  it("gives the published value of Krippendorff's example: 4 coders, 12 units, missing values → 0.743", () => {
    // Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, the reliability data of section C.
    const A = ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null];
    const B = ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, '3'];
    const C = [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', null];
    const D = ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null];
    const units = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);
    const r = krippendorffAlphaNominal(units);
    expect(r.alpha).toBeCloseTo(0.743, 3);
    expect(r.units).toBe(11); // unit 12 has one value: not pairable
    expect(r.values).toBe(40);
  });

  it('is 1 for coders who always agree (two values or more), null when nothing varies, and does not depend on coder order (property)', () => {
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['b', 'b'],
        ['a', 'a', null],
      ]).alpha,
    ).toBeCloseTo(1, 12);
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['a', 'a'],
      ]).alpha,
    ).toBeNull();
    const value = fc.option(fc.constantFrom('fear', 'anger', 'none'), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 30 }), (units) => {
        const a = krippendorffAlphaNominal(units).alpha;
        const reordered = krippendorffAlphaNominal(units.map(([x, y, z]) => [z, x, y])).alpha;
        expect(a === null).toBe(reordered === null);
        if (a !== null) expect(a).toBeCloseTo(reordered!, 10);
      }),
    );
  });
});

describe('agreement between two passes over a recording', () => {
  const a: CodedEvent[] = [
    { onset: 10, apex: 12, offset: 14, emotion: 'fear' },
    { onset: 40, apex: 41, offset: 44, emotion: 'surprise' },
    { onset: 80, apex: null, offset: 85, emotion: 'anger' },
  ];
  const b: CodedEvent[] = [
    { onset: 11, apex: 12, offset: 15, emotion: 'fear' }, // IoU 4/6: matched
    { onset: 40, apex: 43, offset: 44, emotion: 'fear' }, // same frames, another emotion
    { onset: 60, apex: 61, offset: 62, emotion: 'enjoyment' }, // found by B only
  ];

  it('matches by the MEGC rule and counts precision, recall, F1, boundaries and frame agreement', () => {
    const r = pairAgreement(a, b, 100, ['fear', 'surprise', 'anger', 'enjoyment']);
    expect(r.matched.map((m) => [m.a, m.b])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(r.onlyA).toEqual([2]);
    expect(r.onlyB).toEqual([2]);
    expect(r.precision).toBeCloseTo(2 / 3, 12);
    expect(r.recall).toBeCloseTo(2 / 3, 12);
    expect(r.f1).toBeCloseTo(2 / 3, 12);
    // Emotions of the matched: fear/fear and surprise/fear: po = 1/2, pe = (1/2·1) = 1/2 → κ = 0.
    expect(r.emotionKappa.kappa).toBeCloseTo(0, 12);
    expect(r.meanDifference).toEqual({ onset: 0.5, apex: 1, offset: 0.5 });
    // Anger: A marks frames 80–85 (6 of 100), B none: po = 0.94, pe = 0.94·1 → κ = 0.
    expect(r.frameKappa.anger!.kappa).toBeCloseTo(0, 12);
    expect(r.frameKappa.fear!.kappa!).toBeGreaterThan(0.5);
  });

  it('a pass agrees perfectly with itself; F1, kappas and differences are symmetric (property)', () => {
    const event = fc
      .tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('fear', 'anger', null))
      .map(([onset, len, emotion]) => ({ onset, apex: onset, offset: onset + len, emotion }));
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), fc.array(event, { maxLength: 8 }), (x, y) => {
        const self = pairAgreement(x, x, 100, ['fear', 'anger']);
        if (x.length > 0) expect(self.f1).toBe(1);
        expect(self.onlyA).toEqual([]);
        expect(self.meanDifference.onset ?? 0).toBe(0);
        const xy = pairAgreement(x, y, 100, ['fear', 'anger']);
        const yx = pairAgreement(y, x, 100, ['fear', 'anger']);
        expect(xy.f1).toBe(yx.f1);
        expect(xy.precision).toBe(yx.recall);
        closeOrBothNull(xy.emotionKappa.kappa, yx.emotionKappa.kappa);
        closeOrBothNull(xy.frameKappa.fear!.kappa, yx.frameKappa.fear!.kappa);
        expect(xy.meanDifference).toEqual(yx.meanDifference);
      }),
    );
  });

  it('alpha of the emotions of matched events, three coders: one unit per event matched across them', async () => {
    const { emotionAlpha } = await import('../../../src-main/agreement/eventAgreement.js');
    const e = (onset: number, emotion: string): CodedEvent => ({ onset, apex: null, offset: onset + 4, emotion });
    // Units: 10 (fear, fear, fear), 40 (surprise, fear, surprise), 70 (anger, anger, –), 90 (–, –, disgust: one value, left out).
    const x = [e(10, 'fear'), e(40, 'surprise'), e(70, 'anger')];
    const y = [e(10, 'fear'), e(40, 'fear'), e(70, 'anger')];
    const z = [e(11, 'fear'), e(40, 'surprise'), e(90, 'disgust')];
    const r = emotionAlpha([x, y, z]);
    expect(r.units).toBe(3);
    expect(r.values).toBe(8);
    // The same as Krippendorff's alpha of exactly those units (the nominal routine is checked against the published 0.743 above).
    const units = [
      ['fear', 'fear', 'fear'],
      ['surprise', 'fear', 'surprise'],
      ['anger', 'anger', null],
    ];
    expect(r.alpha).toBeCloseTo(krippendorffAlphaNominal(units).alpha!, 12);
    expect(emotionAlpha([x, x, x]).alpha).toBeCloseTo(1, 12);
  });

  it('frame by frame alpha of three passes: 1 when they are the same, lower when one differs', () => {
    expect(frameAlpha([a, a, a], 100).alpha).toBeCloseTo(1, 12);
    const mixed = frameAlpha([a, a, b], 100).alpha!;
    expect(mixed).toBeLessThan(1);
    expect(mixed).toBeGreaterThan(0);
  });
});

describe('the disagreements of two coders', () => {
  it('lists events found by one only, another emotion, and boundaries further apart than allowed, in time order', async () => {
    const { disagreements } = await import('../../../src-main/agreement/disagreements.js');
    const a: CodedEvent[] = [
      { onset: 10, apex: 12, offset: 14, emotion: 'fear' },
      { onset: 40, apex: 41, offset: 44, emotion: 'surprise' },
      { onset: 60, apex: null, offset: 70, emotion: 'anger' },
      { onset: 80, apex: null, offset: 85, emotion: 'disgust' },
    ];
    const b: CodedEvent[] = [
      { onset: 11, apex: 12, offset: 15, emotion: 'fear' }, // within 2 frames: agreement
      { onset: 40, apex: 43, offset: 44, emotion: 'fear' }, // another emotion
      { onset: 57, apex: null, offset: 70, emotion: 'anger' }, // onset 3 frames apart
      { onset: 90, apex: null, offset: 92, emotion: 'enjoyment' }, // B only
    ];
    const pair = pairAgreement(a, b, 100, ['fear']);
    expect(disagreements(pair, a, b, 2).map((d) => [d.kind, d.onset, d.offset])).toEqual([
      ['emotion', 40, 44],
      ['boundaries', 57, 70],
      ['only-a', 80, 85],
      ['only-b', 90, 92],
    ]);
    expect(disagreements(pairAgreement(a, a, 100, []), a, a)).toEqual([]);
  });
});
