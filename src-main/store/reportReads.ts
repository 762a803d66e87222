import type { AuditEntry } from '../../src-shared/domain/audit.js';
import { listAudit } from './auditLog.js';
import type { Db } from './openStore.js';

/**
 * Read-only queries for reports. The audit entries about one recording: those
 * targeting it and those targeting any of its annotations (hidden ones too:
 * their history is part of the record).
 */
export function auditEntriesOfRecording(db: Db, recordingId: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT seq FROM audit_log WHERE target = ?
      OR target IN (SELECT 'annotation:' || id FROM annotations WHERE recording_id = ?)
    ORDER BY seq`,
    )
    .all(`recording:${recordingId}`, recordingId) as { seq: number }[];
  // listAudit owns the row-to-entry mapping; one indexed read per entry.
  return rows.flatMap(({ seq }) => listAudit(db, seq - 1, 1));
}

/** The last entry of the whole log, which a report names so it can be checked against the log later. */
export function auditHead(db: Db): { seq: number; hash: string } | null {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ?? null;
}
