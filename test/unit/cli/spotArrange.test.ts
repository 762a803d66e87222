import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrange } from '../../../src-main/cli/commands/spotCommand.js';
import type { SpotOutput } from '../../../src-main/spotting/spotOutput.js';
import { DEFAULT_SPOT_PARAMS } from '../../../src-main/spotting/index.js';

type Row = SpotOutput['candidates'][number];

function row(onsetFrame: number, score: number): Row {
  return {
    onsetFrame,
    apexFrame: onsetFrame + 2,
    offsetFrame: onsetFrame + 5,
    onsetS: onsetFrame / 25,
    apexS: (onsetFrame + 2) / 25,
    offsetS: (onsetFrame + 5) / 25,
    durationS: 0.2,
    kind: 'micro',
    emotion: 'surprise',
    score,
    aus: [],
    evidence: { regions: { brows: 0, eyes: 0, nose: 0, mouth: 0 }, moved: [], classRise: {}, auZ: {}, peak: 0 },
    flags: { blinkNear: false, speechNear: false, headMoving: false, yawDeg: 0, faceSizePx: 100 },
  } as unknown as Row;
}

function output(rows: Row[]): SpotOutput {
  return { fps: 25, frames: 1000, candidates: rows, params: DEFAULT_SPOT_PARAMS, notes: [] };
}

const rowsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 900 }), { maxLength: 20 })
  .chain((onsets) =>
    fc.tuple(
      fc.constant(onsets.sort((a, b) => a - b)),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: onsets.length, maxLength: onsets.length }),
    ),
  )
  .map(([onsets, scores]) => onsets.map((o, i) => row(o, scores[i] ?? 0)));

describe('spot --sort and --min-score', () => {
  it('orders by score, highest first, ties by onset', () => {
    const out = arrange(output([row(10, 0.4), row(20, 0.9), row(30, 0.4), row(40, 0.6)]), 'score', 0);
    expect(out.candidates.map((c) => c.onsetFrame)).toEqual([20, 40, 10, 30]);
    expect(out.notes).toEqual([]);
  });

  it('says how many candidates the threshold left out', () => {
    const out = arrange(output([row(10, 0.4), row(20, 0.9), row(30, 0.69)]), 'time', 0.7);
    expect(out.candidates.map((c) => c.onsetFrame)).toEqual([20]);
    expect(out.notes).toEqual(['2 candidate(s) with a review score below 0.7 left out (--min-score)']);
  });

  it('keeps exactly the candidates at or above the threshold, none lost, none invented', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('time' as const, 'score' as const),
        (rows, min, order) => {
          const out = arrange(output(rows), order, min);
          const expected = rows.filter((r) => r.score >= min);
          expect(new Set(out.candidates)).toEqual(new Set(expected));
          expect(out.candidates.length).toBe(expected.length);
          if (order === 'time') expect(out.candidates).toEqual(expected);
          else
            for (let i = 1; i < out.candidates.length; i++)
              expect(out.candidates[i - 1]!.score).toBeGreaterThanOrEqual(out.candidates[i]!.score);
          expect(out.notes.length).toBe(rows.length > expected.length ? 1 : 0);
        },
      ),
    );
  });
});
