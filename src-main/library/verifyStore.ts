import fs from 'node:fs';
import { sha256File } from '../media/hashFile.js';
import type { Db } from '../store/openStore.js';
import { verifyAuditChain, type ChainProblem } from '../store/auditLog.js';
import { listLocations } from '../store/recordingsRepo.js';

export type LocationState = 'identical' | 'changed' | 'missing' | 'unreadable';

export interface RecordingVerification {
  id: number;
  sha256: string;
  locations: { path: string; state: LocationState; actualSha256?: string }[];
  /** At least one location still holds the imported bytes, and none holds different bytes. */
  holds: boolean;
}

export interface StoreVerification {
  recordings: RecordingVerification[];
  audit: { rows: number; problems: ChainProblem[] };
  holds: boolean;
}

/**
 * Re-hashes every known location of every original and walks the audit chain.
 * A location whose bytes differ from the import fails verification even if
 * another copy is intact: a changed copy of evidence must be looked into.
 */
export async function verifyStore(db: Db, onFile?: (path: string, sizeBytes: number) => (bytes: number) => void): Promise<StoreVerification> {
  const rows = db.prepare('SELECT id, sha256 FROM recordings ORDER BY id').all() as { id: number; sha256: string }[];
  const recordings: RecordingVerification[] = [];
  for (const row of rows) {
    const locations: RecordingVerification['locations'] = [];
    for (const location of listLocations(db, row.id)) {
      if (!fs.existsSync(location.path)) {
        locations.push({ path: location.path, state: 'missing' });
        continue;
      }
      try {
        const actual = await sha256File(location.path, onFile?.(location.path, location.sizeBytes));
        locations.push({ path: location.path, state: actual === row.sha256 ? 'identical' : 'changed', ...(actual === row.sha256 ? {} : { actualSha256: actual }) });
      } catch {
        locations.push({ path: location.path, state: 'unreadable' });
      }
    }
    const holds = locations.some((l) => l.state === 'identical') && !locations.some((l) => l.state === 'changed');
    recordings.push({ id: row.id, sha256: row.sha256, locations, holds });
  }
  const audit = verifyAuditChain(db);
  return { recordings, audit, holds: recordings.every((r) => r.holds) && audit.problems.length === 0 };
}
