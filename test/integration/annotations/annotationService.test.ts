import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  annotationState,
  applyAnnotationChange,
  redoAnnotationChange,
  undoAnnotationChange,
} from '../../../src-main/annotations/annotationService.js';
import { listAudit, verifyAuditChain } from '../../../src-main/store/auditLog.js';
import type { Annotation, AnnotationChange } from '../../../src-shared/domain/annotation.js';
import { dumpStore, tempCase } from '../../helpers/caseStore.js';
import { seedRecordingWithCandidates } from './seedCase.js';

const CANDIDATES = [
  { onsetFrame: 10, apexFrame: 12, offsetFrame: 15, emotion: 'surprise' },
  { onsetFrame: 40, apexFrame: 41, offsetFrame: 44, emotion: 'contempt' },
  { onsetFrame: 70, apexFrame: 75, offsetFrame: 80, emotion: 'enjoyment' },
];

function setup() {
  const ctx = tempCase();
  const seeded = seedRecordingWithCandidates(ctx, 100, CANDIDATES);
  return { ctx, ...seeded };
}

const auditCount = (ctx: ReturnType<typeof tempCase>) => listAudit(ctx.db, 0, 10_000).length;

describe('annotations in a real case store', () => {
  it('reviews a candidate: each action is one audit entry, the candidate supplies frames and emotion', () => {
    const { ctx, recordingId, spottingRunId } = setup();
    const before = auditCount(ctx);
    const accepted = applyAnnotationChange(ctx.db, recordingId, 'A. Analyst', {
      kind: 'candidate',
      spottingRunId,
      candidateIndex: 1,
      set: { verdict: 'accepted' },
    });
    expect(accepted.annotations).toHaveLength(1);
    expect(accepted.annotations[0]).toMatchObject({
      verdict: 'accepted',
      emotion: 'contempt',
      onsetFrame: 40,
      apexFrame: 41,
      offsetFrame: 44,
      candidateIndex: 1,
      createdBy: 'A. Analyst',
    });
    expect(accepted.undo).toBe('C2: accepted as contempt, frames 40–44');
    const relabelled = applyAnnotationChange(ctx.db, recordingId, 'A. Analyst', {
      kind: 'candidate',
      spottingRunId,
      candidateIndex: 1,
      set: { emotion: 'disgust', onsetFrame: 39 },
    });
    expect(relabelled.annotations[0]).toMatchObject({ emotion: 'disgust', onsetFrame: 39 });
    expect(relabelled.undo).toBe('C2: emotion disgust, onset 39');
    expect(auditCount(ctx)).toBe(before + 2);
    const entries = listAudit(ctx.db, before, 10);
    expect(entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['annotation.created', 'A. Analyst', `annotation:${accepted.changedId}`],
      ['annotation.updated', 'A. Analyst', `annotation:${accepted.changedId}`],
    ]);
    expect(entries[1]!.before).toMatchObject({ emotion: 'contempt', onsetFrame: 40 });
    expect(verifyAuditChain(ctx.db).problems).toEqual([]);
  });

  it('refuses an impossible interval with a plain reason and changes nothing', () => {
    const { ctx, recordingId, spottingRunId } = setup();
    applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'candidate', spottingRunId, candidateIndex: 0, set: { verdict: 'accepted' } });
    const snapshot = dumpStore(ctx);
    expect(() =>
      applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'candidate', spottingRunId, candidateIndex: 0, set: { onsetFrame: 20 } }),
    ).toThrow('The onset (frame 20) would come after the offset (frame 15): move the offset first.');
    expect(() => applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'manual', set: { onsetFrame: 90, offsetFrame: 100 } })).toThrow(
      'The offset (frame 100) is outside the recording (frames 0–99).',
    );
    expect(() => applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'candidate', spottingRunId, candidateIndex: 7, set: {} })).toThrow(
      'has no candidate 8 (it has 3)',
    );
    expect(dumpStore(ctx)).toEqual(snapshot);
  });

  it('a hand mark is a place to look at, not a finding: pending and unlabelled until the analyst decides', () => {
    const { ctx, recordingId } = setup();
    const mark = applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'manual', set: { onsetFrame: 40, offsetFrame: 44 } });
    const stored = annotationState(ctx.db, recordingId, 'A').annotations.find((a) => a.id === mark.changedId);
    expect(stored).toMatchObject({ verdict: 'pending', emotion: null, onsetFrame: 40, offsetFrame: 44 });
  });

  it('undoes and redoes, survives reopening the store, and a new action clears redo', () => {
    const { ctx, recordingId, spottingRunId } = setup();
    const manual = applyAnnotationChange(ctx.db, recordingId, 'A', {
      kind: 'manual',
      set: { onsetFrame: 50, offsetFrame: 52, emotion: 'fear' },
    });
    applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'update', annotationId: manual.changedId!, set: { note: 'lip press' } });
    let state = undoAnnotationChange(ctx.db, recordingId, 'A');
    expect(state.annotations[0]!.note).toBe('');
    expect(state.redo).toBe(`H${manual.changedId}: note edited`);
    state = undoAnnotationChange(ctx.db, recordingId, 'A');
    expect(state.annotations).toEqual([]);
    expect(state.undo).toBeNull();
    expect(() => undoAnnotationChange(ctx.db, recordingId, 'A')).toThrow('nothing of yours to undo');
    state = redoAnnotationChange(ctx.db, recordingId, 'A');
    expect(state.annotations).toHaveLength(1);
    expect(state.redo).toBe(`H${manual.changedId}: note edited`);
    // A new action voids the redo stack.
    applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'candidate', spottingRunId, candidateIndex: 2, set: { verdict: 'rejected' } });
    expect(annotationState(ctx.db, recordingId, 'A').redo).toBeNull();
    expect(
      listAudit(ctx.db, 0, 100)
        .filter((e) => e.action.startsWith('annotation.'))
        .map((e) => e.action),
    ).toEqual([
      'annotation.created',
      'annotation.updated',
      'annotation.undone',
      'annotation.undone',
      'annotation.redone',
      'annotation.created',
    ]);
    expect(verifyAuditChain(ctx.db).problems).toEqual([]);
  });

  it("undoes only the analyst's own actions, and never over someone else's later change", () => {
    const { ctx, recordingId, spottingRunId } = setup();
    applyAnnotationChange(ctx.db, recordingId, 'A', { kind: 'candidate', spottingRunId, candidateIndex: 0, set: { verdict: 'accepted' } });
    expect(annotationState(ctx.db, recordingId, 'B').undo).toBeNull();
    applyAnnotationChange(ctx.db, recordingId, 'B', { kind: 'candidate', spottingRunId, candidateIndex: 0, set: { verdict: 'rejected' } });
    expect(() => undoAnnotationChange(ctx.db, recordingId, 'A')).toThrow('the annotation was changed since by B');
    expect(undoAnnotationChange(ctx.db, recordingId, 'B').annotations[0]!.verdict).toBe('accepted');
    expect(undoAnnotationChange(ctx.db, recordingId, 'A').annotations).toEqual([]);
  });

  it('matches a simple model of undo/redo over any sequence of actions (property)', () => {
    type Step = { op: 'change'; change: AnnotationChange } | { op: 'undo' } | { op: 'redo' };
    const field = fc.record(
      {
        verdict: fc.constantFrom('pending' as const, 'accepted' as const, 'rejected' as const),
        emotion: fc.constantFrom('anger' as const, 'fear' as const, null),
        note: fc.constantFrom('', 'x', 'y'),
      },
      { requiredKeys: [] },
    );
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        op: fc.constant('change' as const),
        change: fc.record({
          kind: fc.constant('candidate' as const),
          spottingRunId: fc.constant(0),
          candidateIndex: fc.integer({ min: 0, max: 2 }),
          set: field,
        }),
      }),
      fc.constant({ op: 'undo' as const }),
      fc.constant({ op: 'redo' as const }),
    );
    const ctx = tempCase();
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        run += 1;
        const { recordingId, spottingRunId } = seedRecordingWithCandidates(ctx, 100, CANDIDATES, run.toString(16).padStart(64, '0'));
        // The model: the visible state is a function of the applied changes; undo pops, redo re-pushes.
        type View = Record<number, Pick<Annotation, 'verdict' | 'emotion' | 'note'> | undefined>;
        const history: View[] = [{}];
        let position = 0;
        for (const s of steps) {
          if (s.op === 'change') {
            const change = { ...s.change, spottingRunId } as AnnotationChange & { kind: 'candidate' };
            applyAnnotationChange(ctx.db, recordingId, 'A', change);
            const current = history[position]!;
            const previous = current[change.candidateIndex] ?? {
              verdict: 'pending' as const,
              emotion: CANDIDATES[change.candidateIndex]!.emotion as Annotation['emotion'],
              note: '',
            };
            const next = { ...current, [change.candidateIndex]: { ...previous, ...change.set } };
            history.splice(position + 1, history.length, next);
            position += 1;
          } else if (s.op === 'undo') {
            if (position === 0) expect(() => undoAnnotationChange(ctx.db, recordingId, 'A')).toThrow();
            else {
              undoAnnotationChange(ctx.db, recordingId, 'A');
              position -= 1;
            }
          } else if (position === history.length - 1) {
            expect(() => redoAnnotationChange(ctx.db, recordingId, 'A')).toThrow();
          } else {
            redoAnnotationChange(ctx.db, recordingId, 'A');
            position += 1;
          }
          const got = Object.fromEntries(
            annotationState(ctx.db, recordingId, 'A').annotations.map((a) => [
              a.candidateIndex!,
              { verdict: a.verdict, emotion: a.emotion, note: a.note },
            ]),
          );
          const want = Object.fromEntries(Object.entries(history[position]!).filter(([, v]) => v !== undefined));
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 60 },
    );
    expect(verifyAuditChain(ctx.db).problems).toEqual([]);
    ctx.close();
  });
});
