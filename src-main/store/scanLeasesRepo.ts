import type { Db } from './openStore.js';

export interface ScanLease {
  sha256: string;
  /** "host#pid" (src-main/app/processOwner.ts). */
  owner: string;
  takenAt: string;
}

export function getScanLease(db: Db, sha256: string): ScanLease | undefined {
  const row = db.prepare('SELECT sha256, owner, taken_at FROM scan_leases WHERE sha256 = ?').get(sha256) as
    { sha256: string; owner: string; taken_at: string } | undefined;
  return row ? { sha256: row.sha256, owner: row.owner, takenAt: row.taken_at } : undefined;
}

/** Writes the lease for `owner`, replacing whatever lease the bytes had. */
export function putScanLease(db: Db, sha256: string, owner: string): void {
  db.prepare('INSERT OR REPLACE INTO scan_leases (sha256, owner, taken_at) VALUES (?, ?, ?)').run(sha256, owner, new Date().toISOString());
}

/** Removes the lease if `owner` still holds it. */
export function deleteScanLease(db: Db, sha256: string, owner: string): void {
  db.prepare('DELETE FROM scan_leases WHERE sha256 = ? AND owner = ?').run(sha256, owner);
}
