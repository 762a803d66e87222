import { STORED_COLUMNS } from '../../src-shared/analysis/frameColumns.js';
import { LANDMARK_SUBSET, LANDMARK_VALUES_PER_FRAME } from '../../src-shared/analysis/landmarkSubset.js';
import type { Db } from './openStore.js';

export const CHUNK_FRAMES = 1024;

export interface AnalysisRow {
  id: number;
  recordingId: number;
  status: 'running' | 'complete' | 'failed';
  fingerprint: string;
  provenance: Record<string, unknown>;
  frameCount: number;
  framesDone: number;
  summary: Record<string, unknown> | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
}

interface RawAnalysisRow {
  id: number;
  recording_id: number;
  status: AnalysisRow['status'];
  fingerprint: string;
  provenance_json: string;
  frame_count: number;
  frames_done: number;
  summary_json: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  started_by: string;
}

export function insertAnalysis(
  db: Db,
  a: { recordingId: number; fingerprint: string; provenance: unknown; frameCount: number; startedBy: string },
): number {
  const info = db
    .prepare(
      `INSERT INTO analyses (recording_id, status, fingerprint, provenance_json, columns_json, landmark_points_json, frame_count, started_at, started_by)
    VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.recordingId,
      a.fingerprint,
      JSON.stringify(a.provenance),
      JSON.stringify(STORED_COLUMNS),
      JSON.stringify(LANDMARK_SUBSET),
      a.frameCount,
      new Date().toISOString(),
      a.startedBy,
    );
  return Number(info.lastInsertRowid);
}

export function insertChunk(
  db: Db,
  analysisId: number,
  chunkIndex: number,
  firstFrame: number,
  frameCount: number,
  values: Float32Array,
  landmarks: Int16Array,
): void {
  db.prepare(
    'INSERT INTO analysis_chunks (analysis_id, chunk_index, first_frame, frame_count, vals, landmarks) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    analysisId,
    chunkIndex,
    firstFrame,
    frameCount,
    Buffer.from(values.buffer, values.byteOffset, values.byteLength),
    Buffer.from(landmarks.buffer, landmarks.byteOffset, landmarks.byteLength),
  );
  db.prepare('UPDATE analyses SET frames_done = ? WHERE id = ?').run(firstFrame + frameCount, analysisId);
}

export function finishAnalysis(db: Db, id: number, status: 'complete' | 'failed', summary: unknown, error: string | null): void {
  db.prepare('UPDATE analyses SET status = ?, summary_json = ?, error = ?, finished_at = ? WHERE id = ?').run(
    status,
    JSON.stringify(summary ?? null),
    error,
    new Date().toISOString(),
    id,
  );
  // A finished analysis is never resumed.
  deleteResumePoint(db, id);
}

/** Where a running analysis would go on from (pipeline/resumeState.ts): the state after its stored frames. */
export interface ResumePoint {
  frame: number;
  state: Uint8Array;
}

export function putResumePoint(db: Db, analysisId: number, frame: number, state: Uint8Array): void {
  db.prepare('INSERT OR REPLACE INTO analysis_resume_points (analysis_id, frame, state) VALUES (?, ?, ?)').run(
    analysisId,
    frame,
    Buffer.from(state.buffer, state.byteOffset, state.byteLength),
  );
}

export function getResumePoint(db: Db, analysisId: number): ResumePoint | undefined {
  const row = db.prepare('SELECT frame, state FROM analysis_resume_points WHERE analysis_id = ?').get(analysisId) as
    { frame: number; state: Buffer } | undefined;
  return row ? { frame: row.frame, state: new Uint8Array(row.state) } : undefined;
}

/** The index the analysis's next chunk takes. */
export function nextChunkIndex(db: Db, analysisId: number): number {
  return (
    db.prepare('SELECT COALESCE(MAX(chunk_index) + 1, 0) AS n FROM analysis_chunks WHERE analysis_id = ?').get(analysisId) as { n: number }
  ).n;
}

export function deleteResumePoint(db: Db, analysisId: number): void {
  db.prepare('DELETE FROM analysis_resume_points WHERE analysis_id = ?').run(analysisId);
}

/** Takes a running analysis over for this process: the provenance names who runs it now (and who ran it before). */
export function setAnalysisProvenance(db: Db, id: number, provenance: unknown): void {
  db.prepare('UPDATE analyses SET provenance_json = ? WHERE id = ?').run(JSON.stringify(provenance), id);
}

export function getAnalysis(db: Db, id: number): AnalysisRow | undefined {
  const row = db.prepare('SELECT * FROM analyses WHERE id = ?').get(id) as RawAnalysisRow | undefined;
  return row ? toRow(row) : undefined;
}

/** The newest complete analysis of a recording, whatever produced it. */
export function latestCompleteAnalysis(db: Db, recordingId: number): AnalysisRow | undefined {
  const row = db
    .prepare("SELECT * FROM analyses WHERE recording_id = ? AND status = 'complete' ORDER BY id DESC LIMIT 1")
    .get(recordingId) as RawAnalysisRow | undefined;
  return row ? toRow(row) : undefined;
}

/** The newest analysis of a recording in any state (a running or failed one included). */
export function latestAnalysis(db: Db, recordingId: number): AnalysisRow | undefined {
  const row = db.prepare('SELECT * FROM analyses WHERE recording_id = ? ORDER BY id DESC LIMIT 1').get(recordingId) as
    RawAnalysisRow | undefined;
  return row ? toRow(row) : undefined;
}

/** Analyses of a recording still marked running, with the process that runs (or ran) each (provenance `runner`, "host#pid"). */
export function runningAnalyses(db: Db, recordingId: number): { id: number; runner: string | null }[] {
  const rows = db
    .prepare("SELECT id, provenance_json FROM analyses WHERE recording_id = ? AND status = 'running' ORDER BY id")
    .all(recordingId) as { id: number; provenance_json: string }[];
  return rows.map((r) => {
    const runner = (JSON.parse(r.provenance_json) as { runner?: unknown }).runner;
    return { id: r.id, runner: typeof runner === 'string' ? runner : null };
  });
}

export function listAnalyses(db: Db, recordingId: number): AnalysisRow[] {
  return (db.prepare('SELECT * FROM analyses WHERE recording_id = ? ORDER BY id').all(recordingId) as RawAnalysisRow[]).map(toRow);
}

/**
 * The stored values of frames [from, from+count) as one float32 array,
 * frame-major with STORED_COLUMNS.length values per frame (NaN where none).
 * Reads only the chunks that overlap the range.
 */
export function readAnalysisValues(db: Db, analysisId: number, from: number, count: number): Float32Array {
  const out = new Float32Array(count * STORED_COLUMNS.length).fill(NaN);
  readChunkRange(db, analysisId, 'vals', from, count, out, (bytes) => new Float32Array(bytes));
  return out;
}

/** The stored landmarks of frames [from, from+count), x, y, z int16 quarter pixels, -32768 where there is none. */
export function readAnalysisLandmarks(db: Db, analysisId: number, from: number, count: number): Int16Array {
  const out = new Int16Array(count * LANDMARK_VALUES_PER_FRAME).fill(-32768);
  readChunkRange(db, analysisId, 'landmarks', from, count, out, (bytes) => new Int16Array(bytes));
  return out;
}

/** Copies the part of each overlapping chunk's blob that falls in [from, from+count) into `out`. */
function readChunkRange<T extends Float32Array | Int16Array>(
  db: Db,
  analysisId: number,
  column: 'vals' | 'landmarks',
  from: number,
  count: number,
  out: T,
  view: (bytes: ArrayBuffer) => T,
): void {
  const width = out.length / Math.max(1, count);
  const chunks = db
    .prepare(
      `SELECT first_frame, frame_count, ${column} AS blob FROM analysis_chunks
    WHERE analysis_id = ? AND first_frame < ? AND first_frame + frame_count > ? ORDER BY chunk_index`,
    )
    .all(analysisId, from + count, from) as { first_frame: number; frame_count: number; blob: Buffer }[];
  for (const chunk of chunks) {
    // Analyses made before landmarks had depth (analysis version 2) store two numbers a point: never misread them.
    if (chunk.blob.byteLength !== chunk.frame_count * width * out.BYTES_PER_ELEMENT) {
      throw new Error(
        `analysis #${analysisId} stores its ${column} in another layout (an older Micromoment made it): analyse the recording again`,
      );
    }
    const values = view(chunk.blob.buffer.slice(chunk.blob.byteOffset, chunk.blob.byteOffset + chunk.blob.byteLength) as ArrayBuffer);
    const start = Math.max(from, chunk.first_frame);
    const end = Math.min(from + count, chunk.first_frame + chunk.frame_count);
    out.set(values.subarray((start - chunk.first_frame) * width, (end - chunk.first_frame) * width), (start - from) * width);
  }
}

function toRow(r: RawAnalysisRow): AnalysisRow {
  return {
    id: r.id,
    recordingId: r.recording_id,
    status: r.status,
    fingerprint: r.fingerprint,
    provenance: JSON.parse(r.provenance_json) as Record<string, unknown>,
    frameCount: r.frame_count,
    framesDone: r.frames_done,
    summary: r.summary_json ? (JSON.parse(r.summary_json) as Record<string, unknown>) : null,
    error: r.error,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    startedBy: r.started_by,
  };
}
