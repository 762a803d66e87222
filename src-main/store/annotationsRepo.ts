import type { Annotation, AnnotationFields } from '../../src-shared/domain/annotation.js';
import type { Db } from './openStore.js';

/** An annotation's changeable state: its fields and whether it is hidden (a creation undone). */
export interface AnnotationSnapshot extends AnnotationFields {
  deleted: boolean;
}

interface AnnotationRow {
  id: number;
  recording_id: number;
  spotting_run_id: number | null;
  candidate_index: number | null;
  verdict: Annotation['verdict'];
  emotion: Annotation['emotion'];
  onset_frame: number;
  apex_frame: number | null;
  offset_frame: number;
  note: string;
  deleted: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  /** Absent in cases before migration 9 (read-only opening of an old case). */
  pass_id?: number | null;
}

export type StoredAnnotation = Annotation & { deleted: boolean };

export function getAnnotation(db: Db, id: number): StoredAnnotation | undefined {
  const row = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
  return row ? toAnnotation(row) : undefined;
}

/** The annotation of a candidate in one set: the case's working set (passId null) or a coding pass. */
export function findCandidateAnnotation(
  db: Db,
  spottingRunId: number,
  candidateIndex: number,
  passId: number | null = null,
): StoredAnnotation | undefined {
  const row = db
    .prepare('SELECT * FROM annotations WHERE spotting_run_id = ? AND candidate_index = ? AND pass_id IS ?')
    .get(spottingRunId, candidateIndex, passId) as AnnotationRow | undefined;
  return row ? toAnnotation(row) : undefined;
}

/** The visible annotations of one set of a recording (the case's working set, or a coding pass), in time order. */
export function listAnnotations(db: Db, recordingId: number, passId: number | null = null): Annotation[] {
  const rows = db
    .prepare('SELECT * FROM annotations WHERE recording_id = ? AND pass_id IS ? AND deleted = 0 ORDER BY onset_frame, id')
    .all(recordingId, passId) as AnnotationRow[];
  return rows.map((r) => {
    const { deleted: _deleted, ...annotation } = toAnnotation(r);
    return annotation;
  });
}

export function countAnnotations(db: Db, recordingId: number): { total: number; accepted: number; rejected: number; pending: number } {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS total, SUM(verdict = 'accepted') AS accepted, SUM(verdict = 'rejected') AS rejected, SUM(verdict = 'pending') AS pending
    FROM annotations WHERE recording_id = ? AND pass_id IS NULL AND deleted = 0`,
    )
    .get(recordingId) as { total: number; accepted: number | null; rejected: number | null; pending: number | null };
  return { total: row.total, accepted: row.accepted ?? 0, rejected: row.rejected ?? 0, pending: row.pending ?? 0 };
}

export function insertAnnotation(
  db: Db,
  a: {
    recordingId: number;
    spottingRunId: number | null;
    candidateIndex: number | null;
    passId: number | null;
    at: string;
    by: string;
  } & AnnotationSnapshot,
): number {
  const info = db
    .prepare(
      `INSERT INTO annotations (recording_id, spotting_run_id, candidate_index, verdict, emotion, onset_frame, apex_frame, ` +
        `offset_frame, note, deleted, created_at, created_by, updated_at, updated_by, pass_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.recordingId,
      a.spottingRunId,
      a.candidateIndex,
      a.verdict,
      a.emotion,
      a.onsetFrame,
      a.apexFrame,
      a.offsetFrame,
      a.note,
      a.deleted ? 1 : 0,
      a.at,
      a.by,
      a.at,
      a.by,
      a.passId,
    );
  return Number(info.lastInsertRowid);
}

export function writeSnapshot(db: Db, id: number, s: AnnotationSnapshot, at: string, by: string): void {
  db.prepare(
    `UPDATE annotations SET verdict = ?, emotion = ?, onset_frame = ?, apex_frame = ?, offset_frame = ?, ` +
      `note = ?, deleted = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(s.verdict, s.emotion, s.onsetFrame, s.apexFrame, s.offsetFrame, s.note, s.deleted ? 1 : 0, at, by, id);
}

export function snapshotOf(a: StoredAnnotation): AnnotationSnapshot {
  return {
    verdict: a.verdict,
    emotion: a.emotion,
    onsetFrame: a.onsetFrame,
    apexFrame: a.apexFrame,
    offsetFrame: a.offsetFrame,
    note: a.note,
    deleted: a.deleted,
  };
}

export interface AnnotationEdit {
  id: number;
  recordingId: number;
  annotationId: number;
  actor: string;
  action: string;
  description: string;
  before: AnnotationSnapshot | null;
  after: AnnotationSnapshot;
  state: 'done' | 'undone' | 'discarded';
}

export function insertEdit(db: Db, e: Omit<AnnotationEdit, 'id' | 'state'>, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO annotation_edits (recording_id, annotation_id, actor, action, description, before_json, after_json, at, state)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'done')`,
    )
    .run(
      e.recordingId,
      e.annotationId,
      e.actor,
      e.action,
      e.description,
      e.before ? JSON.stringify(e.before) : null,
      JSON.stringify(e.after),
      at,
    );
  return Number(info.lastInsertRowid);
}

/** The analyst's edits of one set (the working set or a pass): undo and redo never reach into another. */
const EDITS_OF_SET = `SELECT e.* FROM annotation_edits e JOIN annotations a ON a.id = e.annotation_id
  WHERE e.recording_id = ? AND e.actor = ? AND a.pass_id IS ?`;

/** The edit undo would revert: the analyst's latest still done. */
export function latestDoneEdit(db: Db, recordingId: number, actor: string, passId: number | null = null): AnnotationEdit | undefined {
  return edit(db.prepare(`${EDITS_OF_SET} AND e.state = 'done' ORDER BY e.id DESC LIMIT 1`).get(recordingId, actor, passId));
}

/** The edit redo would restore: the one undone most recently, i.e. the earliest still undone. */
export function nextUndoneEdit(db: Db, recordingId: number, actor: string, passId: number | null = null): AnnotationEdit | undefined {
  return edit(db.prepare(`${EDITS_OF_SET} AND e.state = 'undone' ORDER BY e.id ASC LIMIT 1`).get(recordingId, actor, passId));
}

export function setEditState(db: Db, id: number, state: AnnotationEdit['state']): void {
  db.prepare('UPDATE annotation_edits SET state = ? WHERE id = ?').run(state, id);
}

/** A new action makes the analyst's redo stack (in that set) void, as in every editor. Returns the edits it voided. */
export function discardRedoStack(db: Db, recordingId: number, actor: string, passId: number | null = null): number[] {
  const ids = (db.prepare(`${EDITS_OF_SET} AND e.state = 'undone' ORDER BY e.id`).all(recordingId, actor, passId) as { id: number }[]).map(
    (r) => r.id,
  );
  const mark = db.prepare(`UPDATE annotation_edits SET state = 'discarded' WHERE id = ?`);
  for (const id of ids) mark.run(id);
  return ids;
}

function edit(raw: unknown): AnnotationEdit | undefined {
  const r = raw as
    | {
        id: number;
        recording_id: number;
        annotation_id: number;
        actor: string;
        action: string;
        description: string;
        before_json: string | null;
        after_json: string;
        state: AnnotationEdit['state'];
      }
    | undefined;
  if (!r) return undefined;
  return {
    id: r.id,
    recordingId: r.recording_id,
    annotationId: r.annotation_id,
    actor: r.actor,
    action: r.action,
    description: r.description,
    before: r.before_json ? (JSON.parse(r.before_json) as AnnotationSnapshot) : null,
    after: JSON.parse(r.after_json) as AnnotationSnapshot,
    state: r.state,
  };
}

function toAnnotation(r: AnnotationRow): StoredAnnotation {
  return {
    id: r.id,
    recordingId: r.recording_id,
    spottingRunId: r.spotting_run_id,
    candidateIndex: r.candidate_index,
    verdict: r.verdict,
    emotion: r.emotion,
    onsetFrame: r.onset_frame,
    apexFrame: r.apex_frame,
    offsetFrame: r.offset_frame,
    note: r.note,
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    passId: r.pass_id ?? null,
  };
}
