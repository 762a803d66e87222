import type { AnnotationChange, AnnotationFields, AnnotationState } from '../../src-shared/domain/annotation.js';
import { EMOTIONS, type Emotion } from '../../src-shared/analysis/emotions.js';
import { describeChange, intervalProblem } from '../../src-shared/review/annotationRules.js';
import { itemLabel } from '../../src-shared/review/itemLabel.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { appendAudit } from '../store/auditLog.js';
import { stateRef } from '../store/sealedState.js';
import type { Db } from '../store/openStore.js';
import { getRecording } from '../store/recordingsRepo.js';
import { getSpottingRun } from '../store/spottingRepo.js';
import { requireSetVisible, requireSetWritable } from './passRules.js';
import { getPass } from '../store/codingPassesRepo.js';
import {
  discardRedoStack,
  findCandidateAnnotation,
  getAnnotation,
  insertAnnotation,
  insertEdit,
  latestDoneEdit,
  listAnnotations,
  nextUndoneEdit,
  setEditState,
  snapshotOf,
  writeSnapshot,
  type AnnotationSnapshot,
  type StoredAnnotation,
} from '../store/annotationsRepo.js';

/**
 * Every analyst action on annotations: one SQLite transaction that changes the
 * annotation, records the edit (for undo/redo) and appends its audit entry.
 * Either all three are committed or none is, so a crash loses nothing that was
 * acknowledged and leaves nothing half-done. Undo and redo are actions too:
 * each is audited, and each works on the acting analyst's own edits only.
 */
export function annotationState(
  db: Db,
  recordingId: number,
  analyst: string,
  changedId: number | null = null,
  passId: number | null = null,
): AnnotationState {
  requireRecording(db, recordingId);
  requireSetVisible(db, recordingId, analyst, passId);
  return {
    recordingId,
    annotations: listAnnotations(db, recordingId, passId),
    undo: latestDoneEdit(db, recordingId, analyst, passId)?.description ?? null,
    redo: nextUndoneEdit(db, recordingId, analyst, passId)?.description ?? null,
    changedId,
  };
}

/**
 * `passId` names the set the change goes to: null, the case's working set; a
 * number, a coding pass, which only its analyst may change, and only until it
 * is complete. An analyst coding blind changes nothing outside their pass.
 */
export function applyAnnotationChange(
  db: Db,
  recordingId: number,
  analyst: string,
  change: AnnotationChange,
  passId: number | null = null,
): AnnotationState {
  const frames = requireRecording(db, recordingId).frames;
  const id = db.transaction(() => {
    requireSetWritable(db, recordingId, analyst, passId);
    const at = new Date().toISOString();
    const target = resolveTarget(db, recordingId, change, passId);
    const before = target.existing ? snapshotOf(target.existing) : null;
    const after: AnnotationSnapshot =
      change.kind === 'delete'
        ? { ...(before as AnnotationSnapshot), deleted: true }
        : { ...target.base, ...definedFields(change.set), deleted: false };
    const problem = intervalProblem(after, frames);
    if (problem) throw new ApiError('invalid-arguments', problem);

    let annotationId: number;
    if (target.existing) {
      annotationId = target.existing.id;
      writeSnapshot(db, annotationId, after, at, analyst);
    } else {
      annotationId = insertAnnotation(db, {
        recordingId,
        spottingRunId: target.spottingRunId,
        candidateIndex: target.candidateIndex,
        passId,
        at,
        by: analyst,
        ...after,
      });
    }
    const subject = itemLabel({ candidateIndex: target.candidateIndex, annotationId });
    const description =
      change.kind === 'delete' ? `${subject}: removed` : describeChange(subject, before && !before.deleted ? before : null, after);
    const action =
      change.kind === 'delete' ? 'annotation.deleted' : before && !before.deleted ? 'annotation.updated' : 'annotation.created';
    const discarded = discardRedoStack(db, recordingId, analyst, passId);
    const editId = insertEdit(db, { recordingId, annotationId, actor: analyst, action, description, before, after }, at);
    appendAudit(db, {
      actor: analyst,
      action,
      target: `annotation:${annotationId}`,
      before,
      after: {
        ...after,
        recordingId,
        spottingRunId: target.spottingRunId,
        candidateIndex: target.candidateIndex,
        ...(passId === null ? {} : { passId }),
        editId,
        description,
      },
      state: [stateRef.annotation(annotationId), stateRef.annotationEdit(editId), ...discarded.map(stateRef.annotationEdit)],
    });
    return annotationId;
  })();
  return annotationState(db, recordingId, analyst, id, passId);
}

/** Reverts the analyst's latest action in that set (their own only), if the annotation is still as that action left it. */
export function undoAnnotationChange(db: Db, recordingId: number, analyst: string, passId: number | null = null): AnnotationState {
  return travel(db, recordingId, analyst, 'undo', passId);
}

export function redoAnnotationChange(db: Db, recordingId: number, analyst: string, passId: number | null = null): AnnotationState {
  return travel(db, recordingId, analyst, 'redo', passId);
}

function travel(db: Db, recordingId: number, analyst: string, direction: 'undo' | 'redo', passId: number | null): AnnotationState {
  requireRecording(db, recordingId);
  const id = db.transaction(() => {
    requireSetWritable(db, recordingId, analyst, passId);
    const edit = direction === 'undo' ? latestDoneEdit(db, recordingId, analyst, passId) : nextUndoneEdit(db, recordingId, analyst, passId);
    if (!edit)
      throw new ApiError(
        'invalid-arguments',
        direction === 'undo' ? 'There is nothing of yours to undo on this recording.' : 'There is nothing to redo.',
      );
    const current = getAnnotation(db, edit.annotationId);
    const expected = direction === 'undo' ? edit.after : (edit.before ?? hiddenAs(edit.after));
    if (!current || !sameSnapshot(snapshotOf(current), expected)) {
      throw new ApiError(
        'invalid-arguments',
        `Cannot ${direction} "${edit.description}": the annotation was changed since by ${current?.updatedBy ?? 'someone'}.`,
      );
    }
    const next = direction === 'undo' ? (edit.before ?? hiddenAs(edit.after)) : edit.after;
    const at = new Date().toISOString();
    writeSnapshot(db, edit.annotationId, next, at, analyst);
    setEditState(db, edit.id, direction === 'undo' ? 'undone' : 'done');
    appendAudit(db, {
      actor: analyst,
      action: direction === 'undo' ? 'annotation.undone' : 'annotation.redone',
      target: `annotation:${edit.annotationId}`,
      before: snapshotOf(current),
      after: { ...next, recordingId, editId: edit.id, description: edit.description },
      state: [stateRef.annotation(edit.annotationId), stateRef.annotationEdit(edit.id)],
    });
    return edit.annotationId;
  })();
  return annotationState(db, recordingId, analyst, id, passId);
}

interface Target {
  existing: StoredAnnotation | undefined;
  /** The fields a new annotation starts from. */
  base: AnnotationFields;
  spottingRunId: number | null;
  candidateIndex: number | null;
}

function resolveTarget(db: Db, recordingId: number, change: AnnotationChange, passId: number | null): Target {
  if (change.kind === 'candidate') {
    const run = getSpottingRun(db, change.spottingRunId);
    if (!run || run.recordingId !== recordingId)
      throw new ApiError('not-found', `Recording #${recordingId} has no spotting run #${change.spottingRunId}.`);
    const candidate = run.candidates[change.candidateIndex] as
      { onsetFrame: number; apexFrame: number; offsetFrame: number; emotion: string } | undefined;
    if (!candidate)
      throw new ApiError(
        'not-found',
        `Spotting run #${run.id} has no candidate ${change.candidateIndex + 1} (it has ${run.candidates.length}).`,
      );
    const existing = findCandidateAnnotation(db, run.id, change.candidateIndex, passId);
    // A blind coder who asked not to see the spotter's emotion does not get it through their own new decision either.
    const hidden = passId !== null && getPass(db, passId)?.hideSpotterEmotion === true;
    const emotion = !hidden && (EMOTIONS as readonly string[]).includes(candidate.emotion) ? (candidate.emotion as Emotion) : null;
    return {
      existing,
      // An annotation whose creation was undone starts afresh from the candidate.
      base:
        existing && !existing.deleted
          ? snapshotOf(existing)
          : {
              verdict: 'pending',
              emotion,
              onsetFrame: candidate.onsetFrame,
              apexFrame: candidate.apexFrame,
              offsetFrame: candidate.offsetFrame,
              note: '',
            },
      spottingRunId: run.id,
      candidateIndex: change.candidateIndex,
    };
  }
  if (change.kind === 'manual') {
    return {
      existing: undefined,
      // A hand mark is a place to look at, not a finding: pending and unlabelled until the analyst decides.
      base: { verdict: 'pending', emotion: null, onsetFrame: 0, apexFrame: null, offsetFrame: 0, note: '' },
      spottingRunId: null,
      candidateIndex: null,
    };
  }
  const existing = getAnnotation(db, change.annotationId);
  // An annotation of another set is not there for this one.
  if (!existing || existing.recordingId !== recordingId || existing.deleted || (existing.passId ?? null) !== passId)
    throw new ApiError('not-found', `Recording #${recordingId} has no annotation #${change.annotationId}.`);
  return { existing, base: snapshotOf(existing), spottingRunId: existing.spottingRunId, candidateIndex: existing.candidateIndex };
}

function definedFields(set: Partial<AnnotationFields>): Partial<AnnotationFields> {
  return Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) as Partial<AnnotationFields>;
}

/** The state an annotation has before it was first created: hidden. */
function hiddenAs(s: AnnotationSnapshot): AnnotationSnapshot {
  return { ...s, deleted: true };
}

function sameSnapshot(a: AnnotationSnapshot, b: AnnotationSnapshot): boolean {
  return (
    a.verdict === b.verdict &&
    a.emotion === b.emotion &&
    a.onsetFrame === b.onsetFrame &&
    a.apexFrame === b.apexFrame &&
    a.offsetFrame === b.offsetFrame &&
    a.note === b.note &&
    a.deleted === b.deleted
  );
}

function requireRecording(db: Db, recordingId: number) {
  const recording = getRecording(db, recordingId);
  if (!recording) throw new ApiError('not-found', `No recording with id ${recordingId} in this case.`);
  return recording;
}
