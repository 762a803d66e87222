import fs from 'node:fs';
import { sha256File } from '../../media/hashFile.js';
import type { Db } from '../../store/openStore.js';
import { listLocations } from '../../store/recordingsRepo.js';
import type { LocationState } from '../model/reportModel.js';

export interface OriginalCheck {
  at: string;
  locations: { path: string; state: LocationState; sha256: string | null }[];
  /** A copy that holds the imported bytes, to decode frames from; null when none does. */
  verifiedPath: string | null;
  /** Some copy holds the imported bytes and no copy holds other bytes (as `verify` judges). */
  holds: boolean;
}

/** Re-hashes every known location of the original, read-only, at report time. */
export async function verifyOriginal(
  db: Db,
  recordingId: number,
  sha256: string,
  onBytes?: (path: string, done: number, total: number) => void,
): Promise<OriginalCheck> {
  const at = new Date().toISOString();
  const locations: OriginalCheck['locations'] = [];
  for (const l of listLocations(db, recordingId)) {
    if (!fs.existsSync(l.path)) {
      locations.push({ path: l.path, state: 'missing', sha256: null });
      continue;
    }
    try {
      const actual = await sha256File(l.path, (done) => onBytes?.(l.path, done, l.sizeBytes));
      locations.push({ path: l.path, state: actual === sha256 ? 'identical' : 'changed', sha256: actual });
    } catch {
      locations.push({ path: l.path, state: 'unreadable', sha256: null });
    }
  }
  const verifiedPath = locations.find((l) => l.state === 'identical')?.path ?? null;
  return { at, locations, verifiedPath, holds: verifiedPath !== null && !locations.some((l) => l.state === 'changed') };
}

/** Why a report is refused for this check, in words that say what to do; null when it holds. */
export function mismatchMessage(recordingId: number, sha256: string, check: OriginalCheck): string | null {
  if (check.holds) return null;
  const changed = check.locations.filter((l) => l.state === 'changed');
  const what =
    changed.length > 0
      ? `${changed.map((l) => `${l.path} now has SHA-256 ${l.sha256}`).join('; ')}, but it was imported as ${sha256}`
      : check.locations.length === 0
        ? 'no location of it is known'
        : `it is ${check.locations.map((l) => `${l.state} at ${l.path}`).join('; ')}`;
  return (
    `The original of recording #${recordingId} does not verify: ${what}. A report would not speak of the bytes that were annotated. ` +
    'Run `micromoment verify` to see every location; reconnect or re-import the original evidence; ' +
    'or pass --allow-mismatch (allowMismatch in the API) to make a report that states the mismatch on every page.'
  );
}
