import path from 'node:path';
import type { Probe, Recording } from '../../src-shared/domain/recording.js';
import type { Db } from './openStore.js';

interface RecordingRow {
  id: number;
  sha256: string;
  size_bytes: number;
  first_path: string;
  frames: number;
  fps: number;
  duration_s: number;
  vfr: number;
  probe_json: string;
  imported_at: string;
  imported_by: string;
}

export interface NewRecording {
  sha256: string;
  sizeBytes: number;
  path: string;
  frames: number;
  fps: number;
  durationS: number;
  vfr: boolean;
  probe: Probe;
  importedAt: string;
  importedBy: string;
}

export interface StoredFrameTable {
  timeBase: { num: number; den: number };
  ptsTicks: number[];
  keyFrames: number[];
}

export function findRecordingIdBySha(db: Db, sha256: string): number | undefined {
  const row = db.prepare('SELECT id FROM recordings WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  return row?.id;
}

export function insertRecording(db: Db, rec: NewRecording): number {
  const info = db
    .prepare(
      `INSERT INTO recordings (sha256, size_bytes, first_path, frames, fps, duration_s, vfr, probe_json, imported_at, imported_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      rec.sha256,
      rec.sizeBytes,
      rec.path,
      rec.frames,
      rec.fps,
      rec.durationS,
      rec.vfr ? 1 : 0,
      JSON.stringify(rec.probe),
      rec.importedAt,
      rec.importedBy,
    );
  return Number(info.lastInsertRowid);
}

/** Records a path the recording was seen at; returns false when it was already known. */
export function addLocation(
  db: Db,
  recordingId: number,
  location: { path: string; sizeBytes: number; mtimeMs: number; seenAt: string },
): boolean {
  const info = db
    .prepare(`INSERT OR IGNORE INTO recording_locations (recording_id, path, size_bytes, mtime_ms, seen_at) VALUES (?, ?, ?, ?, ?)`)
    .run(recordingId, location.path, location.sizeBytes, location.mtimeMs, location.seenAt);
  return info.changes > 0;
}

export function insertFrameTable(db: Db, recordingId: number, table: StoredFrameTable): void {
  db.prepare(
    `INSERT INTO frame_tables (recording_id, time_base_num, time_base_den, frame_count, pts_ticks, key_frames) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(recordingId, table.timeBase.num, table.timeBase.den, table.ptsTicks.length, packInt64(table.ptsTicks), packInt64(table.keyFrames));
}

export function getFrameTable(db: Db, recordingId: number): StoredFrameTable | undefined {
  const row = db
    .prepare('SELECT time_base_num, time_base_den, pts_ticks, key_frames FROM frame_tables WHERE recording_id = ?')
    .get(recordingId) as { time_base_num: number; time_base_den: number; pts_ticks: Buffer; key_frames: Buffer } | undefined;
  if (!row) return undefined;
  return {
    timeBase: { num: row.time_base_num, den: row.time_base_den },
    ptsTicks: unpackInt64(row.pts_ticks),
    keyFrames: unpackInt64(row.key_frames),
  };
}

export function getRecording(db: Db, id: number): Recording | undefined {
  const row = db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as RecordingRow | undefined;
  return row ? toRecording(db, row) : undefined;
}

export function listRecordings(db: Db): Recording[] {
  const rows = db.prepare('SELECT * FROM recordings ORDER BY id').all() as RecordingRow[];
  return rows.map((row) => toRecording(db, row));
}

export function listLocations(db: Db, recordingId: number): { path: string; sizeBytes: number; mtimeMs: number }[] {
  return (
    db
      .prepare('SELECT path, size_bytes, mtime_ms FROM recording_locations WHERE recording_id = ? ORDER BY seen_at, path')
      .all(recordingId) as { path: string; size_bytes: number; mtime_ms: number }[]
  ).map((r) => ({ path: r.path, sizeBytes: r.size_bytes, mtimeMs: r.mtime_ms }));
}

/** Every known location of every original in the case: files that are read and never written. */
export function allLocationPaths(db: Db): string[] {
  return (db.prepare('SELECT path FROM recording_locations').all() as { path: string }[]).map((r) => r.path);
}

function toRecording(db: Db, row: RecordingRow): Recording {
  return {
    id: row.id,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    path: row.first_path,
    name: path.basename(row.first_path),
    locations: listLocations(db, row.id).map((l) => l.path),
    frames: row.frames,
    fps: row.fps,
    durationS: row.duration_s,
    vfr: row.vfr === 1,
    probe: JSON.parse(row.probe_json) as Probe,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

/** int64 little-endian: exact for any timestamp, 8 bytes a frame. */
function packInt64(values: readonly number[]): Buffer {
  const out = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => out.writeBigInt64LE(BigInt(v), i * 8));
  return out;
}

function unpackInt64(buf: Buffer): number[] {
  const out = new Array<number>(buf.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = Number(buf.readBigInt64LE(i * 8));
  return out;
}
