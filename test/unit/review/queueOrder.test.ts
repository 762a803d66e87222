import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQueue, orderQueue, type QueueCandidate } from '../../../src-shared/review/reviewQueue.js';
import { explainCandidate } from '../../../src-shared/review/candidateExplanation.js';
import type { Annotation } from '../../../src-shared/domain/annotation.js';

function cand(onsetFrame: number, score: number): QueueCandidate {
  return { onsetFrame, apexFrame: onsetFrame + 1, offsetFrame: onsetFrame + 4, emotion: 'fear', kind: 'micro', score };
}

function handMark(id: number, onsetFrame: number): Annotation {
  return {
    id,
    recordingId: 1,
    spottingRunId: null,
    candidateIndex: null,
    verdict: 'accepted',
    emotion: null,
    onsetFrame,
    apexFrame: null,
    offsetFrame: onsetFrame + 3,
    note: '',
    createdAt: '',
    createdBy: 'A',
    updatedAt: '',
    updatedBy: 'A',
  };
}

describe('queue order', () => {
  it('by score: highest first, hand marks after in time order, names unchanged', () => {
    const q = buildQueue([cand(10, 0.3), cand(20, 0.9), cand(30, 0.3), cand(40, 0.6)], 1, [handMark(7, 5), handMark(8, 25)]);
    expect(orderQueue(q, 'time').map((i) => i.key)).toEqual(['a7', 'c0', 'c1', 'a8', 'c2', 'c3']);
    const byScore = orderQueue(q, 'score');
    expect(byScore.map((i) => i.key)).toEqual(['c1', 'c3', 'c0', 'c2', 'a7', 'a8']);
    expect(byScore[0]!.candidateIndex).toBe(1); // still "candidate 2": the second in time
  });

  const queues = fc
    .tuple(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 15 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 5 }),
    )
    .map(([cs, marks]) =>
      buildQueue(
        cs.map(([o, s]) => cand(o, s)),
        1,
        marks.map((o, i) => handMark(i + 1, o)),
      ),
    );

  it('either order holds every item once; score order never puts a lower score before a higher one', () => {
    fc.assert(
      fc.property(queues, (q) => {
        for (const order of ['time', 'score'] as const) {
          const o = orderQueue(q, order);
          expect([...o].map((i) => i.key).sort()).toEqual([...q].map((i) => i.key).sort());
        }
        const s = orderQueue(q, 'score');
        const rank = (i: (typeof s)[number]) => i.candidate?.score ?? -1;
        for (let k = 1; k < s.length; k++) expect(rank(s[k - 1]!)).toBeGreaterThanOrEqual(rank(s[k]!));
        // Equal scores keep their time order.
        for (let k = 1; k < s.length; k++)
          if (rank(s[k - 1]!) === rank(s[k]!)) expect(s[k - 1]!.onsetFrame).toBeLessThanOrEqual(s[k]!.onsetFrame);
      }),
    );
  });
});

describe('a candidate explained', () => {
  const evidence = {
    regions: { brows: 5.37, eyes: 3.1, nose: 1, mouth: 1.5 },
    moved: ['brows'],
    classRise: { neutral: -0.17, fear: 0.3612, surprise: 0.0356, anger: 0.0483 },
    auZ: { au01_02: 4.81, au04: -4.88 },
    peak: 6.26,
  };
  it('names the regions that moved, the classifier rises worth naming and the action units', () => {
    const e = explainCandidate({
      aus: ['au01_02'],
      evidence,
      flags: { blinkNear: false, speechNear: true, headMoving: false, yawDeg: -12.4, faceSizePx: 101 },
    });
    expect(e.why).toEqual(['Moved: brows (z 5.4)', 'Classifier rose: fear +0.36', 'Action units: AU1+2 brows raised (z 4.8)']);
    expect(e.doubts).toEqual(['speech near it']);
    expect(e.pose).toBe('head turned 12°, face 101 px high at the apex');
  });
  it('says when a run of an older spotter stored no evidence, and invents none', () => {
    const e = explainCandidate({ aus: [] });
    expect(e.why).toEqual(['No evidence stored: this run is of an older spotter; spot the recording again to see why.']);
    expect(e.doubts).toEqual([]);
    expect(e.pose).toBeNull();
  });
});
