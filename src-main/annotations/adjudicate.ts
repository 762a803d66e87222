import type { AnnotationChange, AnnotationFields, AnnotationState } from '../../src-shared/domain/annotation.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { appendAudit } from '../store/auditLog.js';
import { findCandidateAnnotation, getAnnotation, type StoredAnnotation } from '../store/annotationsRepo.js';
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
  const sideA = a ? original(db, recordingId, a) : null;
  const sideB = b ? original(db, recordingId, b) : null;
  const chosen = choose === 'a' ? sideA : sideB;
  return db.transaction(() => {
    const target = workingSetTarget(db, [sideA, sideB]);
    const change = changeFor(chosen, target);
    const state = change ? applyAnnotationChange(db, recordingId, analyst, change, null) : annotationState(db, recordingId, analyst);
    const resultId = state.changedId ?? target?.id ?? null;
    appendAudit(db, {
      actor: analyst,
      action: 'annotation.adjudicated',
      target: `recording:${recordingId}`,
      after: {
        recordingId,
        choose,
        a: sideA ? describe(sideA) : null,
        b: sideB ? describe(sideB) : null,
        findings: resultId,
      },
      state: resultId === null ? [] : [stateRef.annotation(resultId)],
    });
    return state;
  })();
}

function original(db: Db, recordingId: number, ref: EventRef): StoredAnnotation {
  const a = getAnnotation(db, ref.annotationId);
  const set = ref.set === 'case' ? null : ref.set;
  if (!a || a.recordingId !== recordingId || a.deleted || (a.passId ?? null) !== set)
    throw new ApiError(
      'not-found',
      `Recording #${recordingId} has no annotation #${ref.annotationId} in ${set === null ? 'the working set' : `pass #${set}`}.`,
    );
  return a;
}

/** The working-set annotation the resolution changes: a side that is in the working set, else the same candidate's there. */
function workingSetTarget(db: Db, sides: (StoredAnnotation | null)[]): StoredAnnotation | null {
  const inWorkingSet = sides.find((s) => s && (s.passId ?? null) === null);
  if (inWorkingSet) return inWorkingSet;
  for (const s of sides) {
    if (s?.spottingRunId != null && s.candidateIndex !== null) {
      const found = findCandidateAnnotation(db, s.spottingRunId, s.candidateIndex, null);
      if (found && !found.deleted) return found;
    }
  }
  return null;
}

function changeFor(chosen: StoredAnnotation | null, target: StoredAnnotation | null): AnnotationChange | null {
  if (!chosen) {
    // The chosen coder found nothing here: the event is not a finding.
    return target ? { kind: 'update', annotationId: target.id, set: { verdict: 'rejected' } } : null;
  }
  // The working set's own event chosen: the findings already hold it.
  if (target && chosen.id === target.id) return null;
  const set: Partial<AnnotationFields> = {
    verdict: 'accepted',
    emotion: chosen.emotion,
    onsetFrame: chosen.onsetFrame,
    apexFrame: chosen.apexFrame,
    offsetFrame: chosen.offsetFrame,
  };
  if (target) return { kind: 'update', annotationId: target.id, set };
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
