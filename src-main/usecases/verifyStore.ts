import fs from 'node:fs';
import { sha256File } from '../media/hashFile.js';
import type { Db } from '../store/openStore.js';
import { verifyAuditChain, type ChainProblem } from '../store/auditLog.js';
import { listLocations } from '../store/recordingsRepo.js';
import { latestReadyProxy } from '../store/proxiesRepo.js';
import { checkSealedState, type StateCheck } from '../store/stateCheck.js';
import { checkAnchors, type AnchorCheck } from '../store/anchorCheck.js';
import type { Anchor } from '../store/anchorLog.js';
import { dataDir as defaultDataDir } from '../config/paths.js';
import { resolveProxyPath } from '../proxy/proxyFiles.js';

export type LocationState = 'identical' | 'changed' | 'missing' | 'unreadable';

export interface RecordingVerification {
  id: number;
  sha256: string;
  locations: { path: string; state: LocationState; actualSha256?: string }[];
  /**
   * The review proxy the window plays for it, if one was made: compared with the
   * SHA-256 recorded when it was made and checked.
   */
  proxy?: { path: string; sha256: string; state: LocationState; actualSha256?: string };
  /**
   * At least one location still holds the imported bytes, none holds different
   * bytes, and the review proxy, if any, has not changed (the window would show
   * its pixels). A missing proxy is reported but does not fail: the window says
   * so and plays nothing from it.
   */
  holds: boolean;
}

export interface StoreVerification {
  recordings: RecordingVerification[];
  audit: { rows: number; problems: ChainProblem[] };
  /** Every sealed row against the hash its latest audit entry recorded. */
  state: StateCheck;
  /** The chain's head against the heads recorded outside the case. */
  anchors: AnchorCheck;
  holds: boolean;
}

export interface AnchorOptions {
  /** Heads the user gives (`--anchor`, from a report). */
  given: Anchor[];
  /** The anchor log to read: undefined for the case's own in the data folder, null to read none. */
  anchorLog?: string | null;
}

/**
 * Re-hashes every known location of every original, and each recording's
 * review proxy, walks the audit chain, checks every row of the case against
 * the chain, and the chain against the heads recorded outside it. A location
 * whose bytes differ from the import fails verification even if another copy
 * is intact: a changed copy of evidence must be looked into.
 */
export async function verifyStore(
  db: Db,
  onFile?: (path: string, sizeBytes: number) => (bytes: number) => void,
  dataDir: string = defaultDataDir(),
  anchorOptions: AnchorOptions = { given: [] },
): Promise<StoreVerification> {
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
        locations.push({
          path: location.path,
          state: actual === row.sha256 ? 'identical' : 'changed',
          ...(actual === row.sha256 ? {} : { actualSha256: actual }),
        });
      } catch {
        locations.push({ path: location.path, state: 'unreadable' });
      }
    }
    const proxy = await verifyProxy(db, row.id, dataDir, onFile);
    const holds =
      locations.some((l) => l.state === 'identical') && !locations.some((l) => l.state === 'changed') && proxy?.state !== 'changed';
    recordings.push({ id: row.id, sha256: row.sha256, locations, ...(proxy ? { proxy } : {}), holds });
  }
  const audit = verifyAuditChain(db);
  const state = checkSealedState(db);
  const anchors = checkAnchors(db, { given: anchorOptions.given, anchorLog: anchorOptions.anchorLog, dataDir });
  const holds =
    recordings.every((r) => r.holds) && audit.problems.length === 0 && state.problems.length === 0 && anchors.problems.length === 0;
  return { recordings, audit, state, anchors, holds };
}

async function verifyProxy(
  db: Db,
  recordingId: number,
  dataDir: string,
  onFile?: (path: string, sizeBytes: number) => (bytes: number) => void,
): Promise<RecordingVerification['proxy']> {
  const made = latestReadyProxy(db, recordingId);
  if (!made?.relPath || !made.sha256) return undefined;
  const file = resolveProxyPath(dataDir, made.relPath);
  // A recorded name outside the proxy folder is not followed: it counts as changed.
  if (!file) return { path: made.relPath, sha256: made.sha256, state: 'changed' };
  if (!fs.existsSync(file)) return { path: file, sha256: made.sha256, state: 'missing' };
  try {
    const actual = await sha256File(file, onFile?.(file, made.sizeBytes ?? 0));
    return {
      path: file,
      sha256: made.sha256,
      state: actual === made.sha256 ? 'identical' : 'changed',
      ...(actual === made.sha256 ? {} : { actualSha256: actual }),
    };
  } catch {
    return { path: file, sha256: made.sha256, state: 'unreadable' };
  }
}
