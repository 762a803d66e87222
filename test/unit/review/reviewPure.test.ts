import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketRange, minMaxEnvelope } from '../../../src-shared/review/envelope.js';
import { stabilisedCrop } from '../../../src-shared/review/faceStabilizer.js';
import { buildQueue, moveInQueue, nextPending } from '../../../src-shared/review/reviewQueue.js';
import { clampView, frameAtPixel, zoomView, followFrame, MAX_PX_PER_FRAME } from '../../../src-shared/review/timelineView.js';
import { stepSpeed, speedLabel, DEFAULT_REVIEW_SPEED } from '../../../src-shared/review/speeds.js';
import { describeChange, intervalProblem } from '../../../src-shared/review/annotationRules.js';
import type { Annotation } from '../../../src-shared/domain/annotation.js';

describe('min/max envelope', () => {
  it('covers every frame exactly once and keeps every extreme, NaN skipped (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.float({ noNaN: true, min: -5, max: 5 }), fc.constant(NaN)), { minLength: 1, maxLength: 500 }),
        fc.integer({ min: 1, max: 600 }),
        (vals, wanted) => {
          const values = Float32Array.from(vals);
          const env = minMaxEnvelope(values, 1, 0, values.length, wanted, [0]);
          expect(env.buckets).toBe(Math.min(wanted, values.length));
          let covered = 0;
          for (let b = 0; b < env.buckets; b++) {
            const [s, e] = bucketRange(0, values.length, env.buckets, b);
            expect(e).toBeGreaterThan(s);
            covered += e - s;
            const real = Array.from(values.subarray(s, e)).filter((v) => !Number.isNaN(v));
            if (real.length === 0) {
              expect(env.min[b]).toBeNaN();
              expect(env.max[b]).toBeNaN();
            } else {
              expect(env.min[b]).toBe(Math.min(...real));
              expect(env.max[b]).toBe(Math.max(...real));
            }
          }
          expect(covered).toBe(values.length);
        },
      ),
    );
  });

  it('a one-frame spike survives the reduction of a long series', () => {
    const values = new Float32Array(324_000);
    values[123_457] = 0.9;
    const env = minMaxEnvelope(values, 1, 0, values.length, 1000, [0]);
    expect(Math.max(...env.max)).toBeCloseTo(0.9);
  });
});

describe('face stabiliser', () => {
  it('ignores a single outlier box and frames without a face', () => {
    const boxes = [
      { x: 100, y: 50, w: 40, h: 40 },
      { x: 102, y: 51, w: 40, h: 42 },
      { x: 300, y: 300, w: 90, h: 90 },
      null,
      { x: 101, y: 49, w: 41, h: 40 },
    ];
    const crop = stabilisedCrop(2, (f) => boxes[f] ?? null, 2)!;
    expect(crop.w).toBeCloseTo(41.5 * 1.6);
    expect(crop.x + crop.w / 2).toBeCloseTo(121.75);
    expect(stabilisedCrop(2, () => null, 2)).toBeNull();
  });
});

describe('review queue', () => {
  const cands = [
    { onsetFrame: 30, apexFrame: 32, offsetFrame: 35, emotion: 'fear', kind: 'micro', score: 8 },
    { onsetFrame: 10, apexFrame: 11, offsetFrame: 12, emotion: 'anger', kind: 'micro', score: 7 },
  ];
  const ann = (over: Partial<Annotation>): Annotation => ({
    id: 1,
    recordingId: 1,
    spottingRunId: 5,
    candidateIndex: 0,
    verdict: 'accepted',
    emotion: 'disgust',
    onsetFrame: 29,
    apexFrame: 32,
    offsetFrame: 35,
    note: '',
    createdAt: '',
    createdBy: 'A',
    updatedAt: '',
    updatedBy: 'A',
    ...over,
  });
  it('merges candidates with their annotations and hand marks, in time order', () => {
    const q = buildQueue(cands, 5, [
      ann({}),
      ann({ id: 2, spottingRunId: null, candidateIndex: null, onsetFrame: 20, offsetFrame: 22, emotion: null }),
      ann({ id: 3, spottingRunId: 4, candidateIndex: 1 }),
    ]);
    expect(q.map((i) => [i.key, i.onsetFrame, i.emotion, i.verdict])).toEqual([
      ['c1', 10, 'anger', 'pending'],
      ['a2', 20, null, 'accepted'],
      ['c0', 29, 'disgust', 'accepted'],
    ]);
    expect(moveInQueue(q, 'a2', 1)).toBe(2);
    expect(moveInQueue(q, 'c0', 1)).toBe(2);
    expect(moveInQueue(q, null, -1)).toBe(2);
    expect(nextPending(q, 'a2')).toBe(0);
  });
});

describe('timeline view', () => {
  it('zooms about the anchor, never past single frames or the whole recording (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400_000 }),
        fc.integer({ min: 50, max: 3000 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.nat(),
        (n, width, factor, a) => {
          const anchor = a % n;
          const v = zoomView({ from: 0, to: n }, factor, anchor, n, width);
          expect(v.from).toBeGreaterThanOrEqual(0);
          expect(v.to).toBeLessThanOrEqual(n);
          expect(v.to - v.from).toBeGreaterThanOrEqual(Math.min(n, Math.ceil(width / MAX_PX_PER_FRAME)));
          const f = frameAtPixel(v, width / 2, width);
          expect(f).toBeGreaterThanOrEqual(v.from);
          expect(f).toBeLessThan(v.to);
          const followed = followFrame(v, anchor, n, width);
          expect(anchor >= followed.from && anchor < followed.to).toBe(true);
        },
      ),
    );
    expect(clampView({ from: -10, to: 5 }, 100, 240)).toEqual({ from: 0, to: 15 });
    expect(clampView({ from: 40, to: 42 }, 100, 240)).toEqual({ from: 40, to: 50 });
  });
});

describe('speeds and annotation rules', () => {
  it('steps through the speeds and labels them', () => {
    expect(speedLabel(DEFAULT_REVIEW_SPEED)).toBe('1/6');
    expect(stepSpeed(1 / 6, 1)).toBe(1 / 8);
    expect(stepSpeed(1, -1)).toBe(1);
    expect(stepSpeed(1 / 100, 1)).toBe('frame');
    expect(speedLabel('frame')).toBe('frame by frame');
  });
  it('says what is wrong with an interval', () => {
    expect(intervalProblem({ onsetFrame: 5, apexFrame: 9, offsetFrame: 8 }, 10)).toMatch(/apex \(frame 9\) must lie between/);
    expect(intervalProblem({ onsetFrame: 5, apexFrame: null, offsetFrame: 8 }, 10)).toBeNull();
    const base = { verdict: 'pending' as const, emotion: 'fear' as const, onsetFrame: 1, apexFrame: 2, offsetFrame: 3, note: '' };
    expect(describeChange('candidate 1', base, { ...base, verdict: 'rejected' })).toBe('candidate 1: rejected');
  });
});

describe('block-accelerated envelope', () => {
  it('equals the frame-by-frame envelope for any range and width (property)', async () => {
    const { blockLevel, minMaxEnvelopeFast } = await import('../../../src-shared/review/envelope.js');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.float({ noNaN: true, min: -5, max: 5 }), fc.constant(NaN)), { minLength: 2, maxLength: 3000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.nat(),
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 300 })),
        (vals, blockSize, a, b, wanted) => {
          const width = 2;
          const frames = Math.floor(vals.length / width);
          fc.pre(frames >= 1);
          const values = Float32Array.from(vals.slice(0, frames * width));
          const from = a % frames;
          const to = from + 1 + (b % (frames - from));
          const level = blockLevel(values, width, frames, blockSize);
          const fast = minMaxEnvelopeFast(values, width, level, from, to, wanted, [1, 0]);
          const slow = minMaxEnvelope(values, width, from, to, wanted, [1, 0]);
          expect(fast.buckets).toBe(slow.buckets);
          expect(Array.from(fast.min)).toEqual(Array.from(slow.min));
          expect(Array.from(fast.max)).toEqual(Array.from(slow.max));
        },
      ),
    );
  });
});
