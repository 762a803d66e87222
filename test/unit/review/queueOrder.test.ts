import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQueue, type QueueCandidate, type QueueItem } from '../../../src-shared/review/reviewQueue.js';
import { NO_FILTER, pendingCount, viewQueue, type QueueSort } from '../../../src-shared/review/queueView.js';
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

const TIME: QueueSort = { key: 'time', descending: false };
const SCORE: QueueSort = { key: 'score', descending: true };
const frames = (it: QueueItem) => (it.offsetFrame - it.onsetFrame + 1) * 40;
const view = (q: QueueItem[], sort: QueueSort, filter = NO_FILTER) => viewQueue(q, sort, filter, frames);

describe('the queue, sorted and filtered', () => {
  it('by score: highest first, hand marks after in time order, names unchanged', () => {
    const q = buildQueue([cand(10, 0.3), cand(20, 0.9), cand(30, 0.3), cand(40, 0.6)], 1, [handMark(7, 5), handMark(8, 25)]);
    expect(view(q, TIME).map((i) => i.label)).toEqual(['H7', 'C1', 'C2', 'H8', 'C3', 'C4']);
    const byScore = view(q, SCORE);
    expect(byScore.map((i) => i.label)).toEqual(['C2', 'C4', 'C1', 'C3', 'H7', 'H8']);
    expect(view(q, { key: 'score', descending: false }).map((i) => i.label)).toEqual(['C1', 'C3', 'C4', 'C2', 'H7', 'H8']);
    expect(view(q, { key: 'label', descending: false }).map((i) => i.label)).toEqual(['C1', 'C2', 'C3', 'C4', 'H7', 'H8']);
  });

  it('filters by status, emotion, kind and score; the pending count is of the whole queue', () => {
    const q = buildQueue([cand(10, 0.3), cand(20, 0.9)], 1, [handMark(7, 5)]);
    expect(view(q, TIME, { ...NO_FILTER, status: 'pending' }).map((i) => i.label)).toEqual(['C1', 'C2']);
    expect(view(q, TIME, { ...NO_FILTER, kind: 'hand' }).map((i) => i.label)).toEqual(['H7']);
    expect(view(q, TIME, { ...NO_FILTER, minScore: 0.5 }).map((i) => i.label)).toEqual(['H7', 'C2']); // a hand mark has no score to fail
    expect(view(q, TIME, { ...NO_FILTER, emotion: 'anger' })).toEqual([]);
    expect(pendingCount(q)).toBe(2);
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
  const sorts = fc.record({
    key: fc.constantFrom('label', 'kind', 'emotion', 'time', 'duration', 'score', 'status' as const),
    descending: fc.boolean(),
  }) as fc.Arbitrary<QueueSort>;

  it('any sort holds every item once; without a filter nothing is lost; names never change', () => {
    fc.assert(
      fc.property(queues, sorts, (q, sort) => {
        const o = view(q, sort);
        expect(o.map((i) => i.key).sort()).toEqual(q.map((i) => i.key).sort());
        const names = new Map(q.map((i) => [i.key, i.label]));
        for (const i of o) expect(i.label).toBe(names.get(i.key));
      }),
    );
  });

  it('by score, a lower score never comes before a higher one, and equal scores keep their time order', () => {
    fc.assert(
      fc.property(queues, (q) => {
        const s = view(q, SCORE);
        const rank = (i: QueueItem) => i.candidate?.score ?? -1;
        for (let k = 1; k < s.length; k++) expect(rank(s[k - 1]!)).toBeGreaterThanOrEqual(rank(s[k]!));
        for (let k = 1; k < s.length; k++)
          if (rank(s[k - 1]!) === rank(s[k]!)) expect(s[k - 1]!.onsetFrame).toBeLessThanOrEqual(s[k]!.onsetFrame);
      }),
    );
  });

  it('a filter shows exactly the items that pass it', () => {
    fc.assert(
      fc.property(queues, fc.double({ min: 0, max: 1, noNaN: true }), (q, minScore) => {
        const shown = view(q, TIME, { ...NO_FILTER, minScore });
        expect(shown.map((i) => i.key)).toEqual(q.filter((i) => !i.candidate || i.candidate.score >= minScore).map((i) => i.key));
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
