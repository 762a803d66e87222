import type { AnnotationChange, AnnotationFields, AnnotationState } from '../../src-shared/domain/annotation.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { appendAudit } from '../store/auditLog.js';
import { findCandidateAnnotation, getAnnotation, listAnnotations, type StoredAnnotation } from '../store/annotationsRepo.js';
import { getPass } from '../store/codingPassesRepo.js';
import { intervalIoU } from '../evaluation/intervals.js';
import type { Db } from '../store/openStore.js';
import { stateRef } from '../store/sealedState.js';
import { annotationState, applyAnnotationChange } from './annotationService.js';
import { requireSetVisible } from './passRules.js';

/** One side of a disagreement: an annotation of the working set ('case') or of a coding pass, or nothing found there. */
export interface EventRef {
  set: 'case' | number;
  annotationId: number;
}

/**
 * Resolves a disagreement into the findings: the working set is made to hold
 * the chosen side's event (accepted, with its emotion and frames), or, when
 * the chosen side found nothing, to reject the event there. Both originals
 * stay as they are in their sets; one audit entry, `annotation.adjudicated`,
 * names them and the choice, in the same transaction as the change.
 */
export function adjudicate(
  db: Db,
  recordingId: number,
  analyst: string,
  a: EventRef | null,
  b: EventRef | null,
  choose: 'a' | 'b',
): AnnotationState {
  requireSetVisible(db, recordingId, analyst, null);
  if (!a && !b) throw new ApiError('invalid-arguments', 'A disagreement has at least one side with an event.');
  return db
    .transaction(() => {
      const sideA = a ? original(db, recordingId, a) : null;
      const sideB = b ? original(db, recordingId, b) : null;
      const chosen = choose === 'a' ? sideA : sideB;
      const other = choose === 'a' ? sideB : sideA;
      const target = workingSetTarget(db, recordingId, chosen, other);
      const change = changeFor(chosen, target);
      const state = change ? applyAnnotationChange(db, recordingId, analyst, change, null) : annotationState(db, recordingId, analyst);
      const resultId = state.changedId ?? target?.id ?? null;
      appendAudit(db, {
        actor: analyst,
        action: 'annotation.adjudicated',
        target: `recording:${recordingId}`,
        after: { recordingId, choose, a: sideA ? describe(sideA) : null, b: sideB ? describe(sideB) : null, findings: resultId },
        state: resultId === null ? [] : [stateRef.annotation(resultId)],
      });
      return state;
    })
    .immediate();
}

/** A side as the Agreement dialog showed it: an accepted event of the working set or of a complete pass; anything else is stale. */
function original(db: Db, recordingId: number, ref: EventRef): StoredAnnotation {
  const a = getAnnotation(db, ref.annotationId);
  const set = ref.set === 'case' ? null : ref.set;
  const where = set === null ? 'the working set' : `pass #${set}`;
  if (!a || a.recordingId !== recordingId || a.deleted || (a.passId ?? null) !== set)
    throw new ApiError('not-found', `Recording #${recordingId} has no annotation #${ref.annotationId} in ${where}.`);
  if (a.verdict !== 'accepted')
    throw new ApiError(
      'invalid-arguments',
      `Annotation #${a.id} in ${where} is no longer accepted: open the agreement again to see the disagreements as they are now.`,
    );
  if (set !== null && getPass(db, set)?.completedAt == null)
    throw new ApiError('invalid-arguments', `Pass #${set} is not complete: its decisions may still change.`);
  return a;
}

/**
 * The working-set annotation the resolution changes: a side that is in the
 * working set; else the working set's decision of the same candidate; else the
 * working-set event overlapping the chosen one (IoU ≥ 0.5, the matching rule),
 * or the other side's. So taking a side twice, or from two pairs, changes one
 * annotation, never adds a second finding at the same frames.
 */
function workingSetTarget(
  db: Db,
  recordingId: number,
  chosen: StoredAnnotation | null,
  other: StoredAnnotation | null,
): StoredAnnotation | null {
  const sides = [chosen, other].filter((x): x is StoredAnnotation => x !== null);
  const inWorkingSet = sides.find((s) => (s.passId ?? null) === null);
  if (inWorkingSet) return inWorkingSet;
  for (const s of sides) {
    if (s.spottingRunId !== null && s.candidateIndex !== null) {
      const found = findCandidateAnnotation(db, s.spottingRunId, s.candidateIndex, null);
      if (found && !found.deleted) return found;
    }
  }
  const working = listAnnotations(db, recordingId, null);
  for (const s of sides) {
    const best = working
      .map((w) => ({ w, iou: intervalIoU({ onset: w.onsetFrame, offset: w.offsetFrame }, { onset: s.onsetFrame, offset: s.offsetFrame }) }))
      .filter((x) => x.iou >= 0.5)
      .sort((x, y) => y.iou - x.iou || x.w.id - y.w.id)[0];
    if (best) return getAnnotation(db, best.w.id) ?? null;
  }
  return null;
}

function changeFor(chosen: StoredAnnotation | null, target: StoredAnnotation | null): AnnotationChange | null {
  if (!chosen) {
    // The chosen coder found nothing here: the event is not a finding.
    return target ? { kind: 'update', annotationId: target.id, set: { verdict: 'rejected' } } : null;
  }
  // The working set's own event chosen: the findings already hold it (accepted, as the sides must be).
  if (target && chosen.id === target.id) return null;
  const set: Partial<AnnotationFields> = {
    verdict: 'accepted',
    emotion: chosen.emotion,
    onsetFrame: chosen.onsetFrame,
    apexFrame: chosen.apexFrame,
    offsetFrame: chosen.offsetFrame,
  };
  if (target) {
    const same =
      target.verdict === 'accepted' &&
      target.emotion === chosen.emotion &&
      target.onsetFrame === chosen.onsetFrame &&
      target.apexFrame === chosen.apexFrame &&
      target.offsetFrame === chosen.offsetFrame;
    // Taken before (from this pair or another): the findings hold it already.
    return same ? null : { kind: 'update', annotationId: target.id, set };
  }
  if (chosen.spottingRunId !== null && chosen.candidateIndex !== null)
    return { kind: 'candidate', spottingRunId: chosen.spottingRunId, candidateIndex: chosen.candidateIndex, set };
  return { kind: 'manual', set: { ...set, onsetFrame: chosen.onsetFrame, offsetFrame: chosen.offsetFrame } };
}

function describe(a: StoredAnnotation) {
  return {
    set: a.passId ?? 'case',
    annotationId: a.id,
    verdict: a.verdict,
    emotion: a.emotion,
    onsetFrame: a.onsetFrame,
    apexFrame: a.apexFrame,
    offsetFrame: a.offsetFrame,
    by: a.updatedBy,
  };
}
