import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { combineScores, contemptEvidence, contemptProbability, FER_CLASSES } from '../../../src-main/analysis/expression/contempt.js';
import { DEFAULTS } from '../../../src-main/analysis/expression/options.js';

const params = { midpoint: DEFAULTS.contemptMidpoint, width: DEFAULTS.contemptWidth };
const pull = fc.double({ min: -0.5, max: 0.5, noNaN: true });
const prob7 = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 });
const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

describe('contemptEvidence', () => {
  it('is 0 for any symmetric change and never negative', () => {
    fc.assert(
      fc.property(pull, pull, (a, b) => {
        expect(contemptEvidence(a, a)).toBe(0);
        expect(contemptEvidence(a, b)).toBeGreaterThanOrEqual(0);
        expect(contemptEvidence(a, b)).toBe(contemptEvidence(b, a));
      }),
    );
  });

  it('is how far the more-pulled corner outruns the other; a lowered corner adds nothing', () => {
    expect(contemptEvidence(0.1, 0)).toBeCloseTo(0.1, 12);
    expect(contemptEvidence(0.15, 0.05)).toBeCloseTo(0.1, 12);
    expect(contemptEvidence(0.1, -0.2)).toBeCloseTo(0.1, 12);
    expect(contemptEvidence(-0.1, -0.3)).toBe(0);
  });
});

describe('contemptProbability', () => {
  it('is 0 at no evidence, increasing, and within [0, 1]', () => {
    expect(contemptProbability(0, params)).toBe(0);
    expect(contemptProbability(-1, params)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const [pl, ph] = [contemptProbability(lo, params), contemptProbability(hi, params)];
        expect(pl).toBeGreaterThanOrEqual(0);
        expect(ph).toBeLessThanOrEqual(1);
        expect(ph).toBeGreaterThanOrEqual(pl);
      }),
    );
  });

  it('has the documented calibration: half at the midpoint, small at landmark noise, high for a clear smirk', () => {
    expect(contemptProbability(params.midpoint, params)).toBeCloseTo(0.5, 2);
    expect(contemptProbability(0.02, params)).toBeLessThan(0.01);
    expect(contemptProbability(0.12, params)).toBeGreaterThan(0.9);
  });
});

describe('combineScores', () => {
  it('gives eight probabilities that sum to 1, for any classifier output and contempt', () => {
    fc.assert(
      fc.property(prob7, fc.double({ min: -0.5, max: 1.5 }), (fer, pc) => {
        const scores = combineScores(fer, pc);
        expect(Object.keys(scores).sort()).toEqual([...EXPRESSION_CLASSES].sort());
        expect(sum(scores)).toBeCloseTo(1, 9);
        for (const v of Object.values(scores)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('sets contempt to p and keeps the ratios of the seven, scaled by 1 − p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (fer, pc) => {
          const scores = combineScores(fer, pc);
          expect(scores.contempt).toBeCloseTo(pc, 12);
          const total = fer.reduce((a, b) => a + b, 0);
          FER_CLASSES.forEach((name, i) => expect(scores[name]).toBeCloseTo(((fer[i] ?? 0) / total) * (1 - pc), 12));
        },
      ),
    );
  });

  it('maps the model order angry, disgust, fear, happy, sad, surprise, neutral onto the taxonomy', () => {
    const scores = combineScores([0.1, 0.2, 0.05, 0.4, 0.1, 0.05, 0.1], 0);
    expect(scores).toEqual({
      neutral: 0.1,
      enjoyment: 0.4,
      sadness: 0.1,
      anger: 0.1,
      fear: 0.05,
      surprise: 0.05,
      contempt: 0,
      disgust: 0.2,
    });
  });

  it('counts a degenerate classifier output (zeros, NaN) as neutral', () => {
    expect(combineScores([0, 0, 0, 0, 0, 0, 0], 0.25)).toMatchObject({ neutral: 0.75, contempt: 0.25, enjoyment: 0 });
    expect(sum(combineScores([NaN, NaN, NaN, NaN, NaN, NaN, NaN], NaN))).toBe(1);
  });
});
