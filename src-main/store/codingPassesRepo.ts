import type { CodingPass } from '../../src-shared/domain/codingPass.js';
import type { Db } from './openStore.js';

interface Row {
  id: number;
  recording_id: number;
  analyst: string;
  blind: number;
  hide_spotter_emotion: number;
  started_at: string;
  completed_at: string | null;
}

const toPass = (r: Row): CodingPass => ({
  id: r.id,
  recordingId: r.recording_id,
  analyst: r.analyst,
  blind: r.blind === 1,
  hideSpotterEmotion: r.hide_spotter_emotion === 1,
  startedAt: r.started_at,
  completedAt: r.completed_at,
});

export function insertPass(db: Db, p: Omit<CodingPass, 'id' | 'completedAt'>): number {
  return Number(
    db
      .prepare('INSERT INTO coding_passes (recording_id, analyst, blind, hide_spotter_emotion, started_at) VALUES (?, ?, ?, ?, ?)')
      .run(p.recordingId, p.analyst, p.blind ? 1 : 0, p.hideSpotterEmotion ? 1 : 0, p.startedAt).lastInsertRowid,
  );
}

export function getPass(db: Db, id: number): CodingPass | undefined {
  const row = db.prepare('SELECT * FROM coding_passes WHERE id = ?').get(id) as Row | undefined;
  return row ? toPass(row) : undefined;
}

export function listPasses(db: Db, recordingId: number): CodingPass[] {
  return (db.prepare('SELECT * FROM coding_passes WHERE recording_id = ? ORDER BY id').all(recordingId) as Row[]).map(toPass);
}

/** The analyst's pass on this recording not yet complete, if any (there is at most one). */
export function openPassOf(db: Db, recordingId: number, analyst: string): CodingPass | undefined {
  const row = db
    .prepare('SELECT * FROM coding_passes WHERE recording_id = ? AND analyst = ? AND completed_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(recordingId, analyst) as Row | undefined;
  return row ? toPass(row) : undefined;
}

export function markComplete(db: Db, id: number, at: string): void {
  db.prepare('UPDATE coding_passes SET completed_at = ? WHERE id = ?').run(at, id);
}
