import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateAccount, candidateSentence, unreviewedWarning } from '../../../src-main/report/model/candidateAccount.js';
import { localTime } from '../../../src-main/report/model/localTime.js';
import { auditSentence } from '../../../src-main/report/model/auditWords.js';
import { buildReportModel } from '../../../src-main/report/model/buildReportModel.js';
import { overviewEmotions, OVERVIEW_MAX_CURVES } from '../../../src-main/report/figure/figures.js';
import { annotation, emotions, inputs, vfrTable } from './modelInputs.js';
import type { SpottingRunRow } from '../../../src-main/store/spottingRepo.js';

const table = vfrTable();
const candidate = (onsetFrame: number, offsetFrame: number, emotion = 'fear', score = 0.5) => ({
  onsetFrame,
  apexFrame: onsetFrame,
  offsetFrame,
  kind: 'micro',
  emotion,
  score,
});
const decision = (id: number, candidateIndex: number, fields: Parameters<typeof annotation>[1]) =>
  annotation(id, { spottingRunId: 3, candidateIndex, ...fields });

describe('the account of every candidate', () => {
  it('gives each candidate one of four statuses, by the decision on it', () => {
    const candidates = [candidate(1, 3), candidate(10, 14), candidate(20, 22, 'anger'), candidate(30, 31), candidate(40, 41)];
    const { lines, counts } = candidateAccount(table, 3, candidates, [
      decision(1, 0, { verdict: 'accepted', emotion: 'fear', updatedBy: 'A', updatedAt: '2026-01-01T10:00:00.000Z' }),
      decision(2, 1, { verdict: 'accepted', emotion: 'surprise', updatedBy: 'B' }),
      decision(3, 2, { verdict: 'rejected', emotion: 'anger' }),
      decision(4, 3, { verdict: 'pending', note: 'opened only' }),
      // A decision of another run's candidate 4 is not this run's.
      annotation(5, { spottingRunId: 2, candidateIndex: 4, verdict: 'accepted' }),
    ]);
    expect(lines.map((l) => [l.label, l.status, l.finalEmotion, l.decidedBy])).toEqual([
      ['C1', 'accepted', 'fear', 'A'],
      ['C2', 'relabelled', 'surprise', 'B'],
      ['C3', 'rejected', 'anger', 'A. Analyst'],
      ['C4', 'not reviewed', null, null],
      ['C5', 'not reviewed', null, null],
    ]);
    expect(lines[0]!.decidedAt).toBe('2026-01-01T10:00:00.000Z');
    expect(lines[3]!.annotationId).toBe(4);
    expect(lines[4]!.annotationId).toBeNull();
    expect(counts).toEqual({ proposed: 5, accepted: 1, relabelled: 1, rejected: 1, notReviewed: 2 });
    expect(candidateSentence(counts)).toBe('5 candidates proposed: 1 accepted, 1 relabelled, 1 rejected, 2 not reviewed');
    expect(unreviewedWarning(counts)).toBe(
      "2 of 5 candidates NOT REVIEWED: this report is not a complete review of the spotter's proposals",
    );
  });

  it('says when the frames of an accepted candidate were moved, and times come from the frame table', () => {
    const { lines } = candidateAccount(
      table,
      3,
      [candidate(48, 52)],
      [decision(1, 0, { verdict: 'accepted', emotion: 'fear', onsetFrame: 47, offsetFrame: 52 })],
    );
    expect(lines[0]).toMatchObject({ status: 'accepted', framesMoved: true, durationFrames: 5 });
    // Frames 48–52 of the variable-rate table: 1920 ms to the first millisecond of frame 53 (2060 ms).
    expect(lines[0]!.onset.startMs).toBe(1920);
    expect(lines[0]!.endMs).toBe(2060);
  });

  it('counts always add up, and no warning once nothing is unreviewed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom<'none' | 'pending' | 'accepted' | 'relabel' | 'rejected'>('none', 'pending', 'accepted', 'relabel', 'rejected'),
          {
            maxLength: 40,
          },
        ),
        (fates) => {
          const candidates = fates.map((_, i) => candidate(i, i));
          const decisions = fates.flatMap((fate, i) =>
            fate === 'none'
              ? []
              : [
                  decision(i + 1, i, {
                    verdict: fate === 'relabel' ? 'accepted' : fate,
                    emotion: fate === 'relabel' ? 'sadness' : 'fear',
                  }),
                ],
          );
          const { lines, counts } = candidateAccount(table, 3, candidates, decisions);
          expect(lines).toHaveLength(fates.length);
          expect(counts.accepted + counts.relabelled + counts.rejected + counts.notReviewed).toBe(counts.proposed);
          expect(counts.notReviewed).toBe(fates.filter((f) => f === 'none' || f === 'pending').length);
          expect(unreviewedWarning(counts) === null).toBe(counts.notReviewed === 0);
        },
      ),
    );
  });
});

describe('times, actions and figures as a reader reads them', () => {
  it('gives local time with its offset and zone, across a daylight-saving change', () => {
    expect(localTime('2026-01-15T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-01-15 13:00:00 (UTC+01:00, Europe/Berlin)');
    expect(localTime('2026-07-15T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-15 14:00:00 (UTC+02:00, Europe/Berlin)');
    expect(localTime('2026-07-15T12:00:00.000Z', 'UTC')).toBe('2026-07-15 12:00:00 (UTC+00:00, UTC)');
    expect(localTime('2026-07-15T12:00:00.000Z', 'America/St_Johns')).toBe('2026-07-15 09:30:00 (UTC-02:30, America/St_Johns)');
    expect(localTime('not a time', 'UTC')).toBe('not a time');
  });

  it('says every action the product records as a sentence, and an unknown one plainly', () => {
    for (const action of ['recording.imported', 'proxy.started', 'annotation.created', 'case.details-set', 'report.exported'])
      expect(auditSentence(action)).not.toContain('.');
    expect(auditSentence('proxy.started')).toBe('started making a review copy');
    expect(auditSentence('made.up')).toBe('did "made.up"');
  });

  it('draws at most three curves on the whole-recording figure: the emotions of the findings first', () => {
    const run: SpottingRunRow = {
      id: 3,
      recordingId: 7,
      analysisId: 1,
      params: {},
      candidates: [candidate(1, 2, 'anger'), candidate(5, 6, 'anger'), candidate(8, 9, 'sadness'), candidate(12, 13, 'disgust')],
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'S',
    };
    const m = buildReportModel(
      inputs({
        spotting: run,
        annotations: [
          annotation(1, { emotion: 'enjoyment', verdict: 'accepted' }),
          annotation(2, { emotion: 'fear', verdict: 'rejected' }),
        ],
        emotions: emotions(table.ptsTicks.length, () => 0.2),
      }),
    );
    const shown = overviewEmotions(m);
    expect(shown.length).toBeLessThanOrEqual(OVERVIEW_MAX_CURVES);
    expect(shown).toContain('enjoyment');
    expect(shown).toContain('anger');
    expect(shown).not.toContain('fear');
  });
});
