import type { ProxyReason } from '../../src-shared/domain/proxy.js';
import type { ProxyTimeMap } from '../../src-shared/domain/proxy.js';
import type { Db } from './openStore.js';

export interface ProxyRow {
  id: number;
  recordingId: number;
  status: 'making' | 'ready' | 'failed';
  reasons: ProxyReason[];
  forced: boolean;
  relPath: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  timeMap: ProxyTimeMap | null;
  ffmpeg: { path: string; version: string; source: string };
  params: Record<string, unknown>;
  error: string | null;
  ownerPid: number | null;
  ownerHost: string | null;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
}

interface RawProxyRow {
  id: number;
  recording_id: number;
  status: ProxyRow['status'];
  reasons_json: string;
  forced: number;
  rel_path: string | null;
  sha256: string | null;
  size_bytes: number | null;
  time_map_json: string | null;
  ffmpeg_json: string;
  params_json: string;
  error: string | null;
  owner_pid: number | null;
  owner_host: string | null;
  started_at: string;
  finished_at: string | null;
  started_by: string;
}

export interface NewProxy {
  recordingId: number;
  reasons: ProxyReason[];
  forced: boolean;
  /** Null when the original's timestamps cannot be carried into an MP4 (the attempt then fails). */
  timeMap: ProxyTimeMap | null;
  ffmpeg: ProxyRow['ffmpeg'];
  params: Record<string, unknown>;
  ownerPid: number;
  ownerHost: string;
  startedBy: string;
}

export function insertProxy(db: Db, p: NewProxy): number {
  const info = db
    .prepare(
      `INSERT INTO proxies (recording_id, status, reasons_json, forced, time_map_json, ffmpeg_json, params_json, owner_pid, owner_host, started_at, started_by)
    VALUES (?, 'making', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      p.recordingId,
      JSON.stringify(p.reasons),
      p.forced ? 1 : 0,
      p.timeMap ? JSON.stringify(p.timeMap) : null,
      JSON.stringify(p.ffmpeg),
      JSON.stringify(p.params),
      p.ownerPid,
      p.ownerHost,
      new Date().toISOString(),
      p.startedBy,
    );
  return Number(info.lastInsertRowid);
}

export function markProxyReady(db: Db, id: number, made: { relPath: string; sha256: string; sizeBytes: number }): void {
  db.prepare(
    `UPDATE proxies SET status = 'ready', rel_path = ?, sha256 = ?, size_bytes = ?, error = NULL, finished_at = ? WHERE id = ? AND status = 'making'`,
  ).run(made.relPath, made.sha256, made.sizeBytes, new Date().toISOString(), id);
}

export function markProxyFailed(db: Db, id: number, error: string): void {
  db.prepare(`UPDATE proxies SET status = 'failed', error = ?, finished_at = ? WHERE id = ? AND status = 'making'`).run(
    error,
    new Date().toISOString(),
    id,
  );
}

export function getProxy(db: Db, id: number): ProxyRow | undefined {
  const row = db.prepare('SELECT * FROM proxies WHERE id = ?').get(id) as RawProxyRow | undefined;
  return row ? toRow(row) : undefined;
}

/** The newest attempt for a recording, whatever its state: the recording's current proxy state. */
export function latestProxy(db: Db, recordingId: number): ProxyRow | undefined {
  const row = db.prepare('SELECT * FROM proxies WHERE recording_id = ? ORDER BY id DESC LIMIT 1').get(recordingId) as
    RawProxyRow | undefined;
  return row ? toRow(row) : undefined;
}

/** The newest proxy that was made and verified, even if a later attempt is running or failed. */
export function latestReadyProxy(db: Db, recordingId: number): ProxyRow | undefined {
  const row = db.prepare("SELECT * FROM proxies WHERE recording_id = ? AND status = 'ready' ORDER BY id DESC LIMIT 1").get(recordingId) as
    RawProxyRow | undefined;
  return row ? toRow(row) : undefined;
}

export function listProxies(db: Db, recordingId: number): ProxyRow[] {
  return (db.prepare('SELECT * FROM proxies WHERE recording_id = ? ORDER BY id').all(recordingId) as RawProxyRow[]).map(toRow);
}

/** Attempts still marked as being made (by this process or another, running or crashed). */
export function proxiesInMaking(db: Db): ProxyRow[] {
  return (db.prepare("SELECT * FROM proxies WHERE status = 'making' ORDER BY id").all() as RawProxyRow[]).map(toRow);
}

function toRow(r: RawProxyRow): ProxyRow {
  return {
    id: r.id,
    recordingId: r.recording_id,
    status: r.status,
    reasons: JSON.parse(r.reasons_json) as ProxyReason[],
    forced: r.forced === 1,
    relPath: r.rel_path,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    timeMap: r.time_map_json ? (JSON.parse(r.time_map_json) as ProxyTimeMap) : null,
    ffmpeg: JSON.parse(r.ffmpeg_json) as ProxyRow['ffmpeg'],
    params: JSON.parse(r.params_json) as Record<string, unknown>,
    error: r.error,
    ownerPid: r.owner_pid,
    ownerHost: r.owner_host,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    startedBy: r.started_by,
  };
}
