import { canonicalJson } from './canonicalJson.js';
import type { Db } from './openStore.js';

export interface SpottingRunRow {
  id: number;
  recordingId: number;
  analysisId: number;
  params: Record<string, unknown>;
  candidates: unknown[];
  createdAt: string;
  createdBy: string;
}

export function insertSpottingRun(db: Db, run: Omit<SpottingRunRow, 'id' | 'createdAt'>): number {
  const info = db
    .prepare(
      'INSERT INTO spotting_runs (recording_id, analysis_id, params_json, candidates_json, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      run.recordingId,
      run.analysisId,
      JSON.stringify(run.params),
      JSON.stringify(run.candidates),
      new Date().toISOString(),
      run.createdBy,
    );
  return Number(info.lastInsertRowid);
}

type RawRun = {
  id: number;
  recording_id: number;
  analysis_id: number;
  params_json: string;
  candidates_json: string;
  created_at: string;
  created_by: string;
};

export function latestSpottingRun(db: Db, recordingId: number): SpottingRunRow | undefined {
  return toRun(
    db.prepare('SELECT * FROM spotting_runs WHERE recording_id = ? ORDER BY id DESC LIMIT 1').get(recordingId) as RawRun | undefined,
  );
}

export function getSpottingRun(db: Db, id: number): SpottingRunRow | undefined {
  return toRun(db.prepare('SELECT * FROM spotting_runs WHERE id = ?').get(id) as RawRun | undefined);
}

function toRun(row: RawRun | undefined): SpottingRunRow | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    recordingId: row.recording_id,
    analysisId: row.analysis_id,
    params: JSON.parse(row.params_json) as Record<string, unknown>,
    candidates: JSON.parse(row.candidates_json) as unknown[],
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/**
 * The newest spotting run on this analysis made with exactly these parameters
 * (compared as canonical JSON, so key order does not matter), with its number
 * of candidates.
 */
export function findSpottingRun(db: Db, analysisId: number, params: unknown): { id: number; candidates: number } | undefined {
  const wanted = canonicalJson(params);
  const rows = db
    .prepare('SELECT id, params_json, candidates_json FROM spotting_runs WHERE analysis_id = ? ORDER BY id DESC')
    .all(analysisId) as { id: number; params_json: string; candidates_json: string }[];
  for (const row of rows) {
    if (canonicalJson(JSON.parse(row.params_json)) === wanted)
      return { id: row.id, candidates: (JSON.parse(row.candidates_json) as unknown[]).length };
  }
  return undefined;
}
