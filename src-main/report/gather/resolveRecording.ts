import fs from 'node:fs';
import path from 'node:path';
import { sha256File } from '../../media/hashFile.js';
import type { Db } from '../../store/openStore.js';

export class RecordingNotFound extends Error {}

const MIN_HASH_PREFIX = 6;

/**
 * The recording a command-line argument names: a recording id, a prefix of its
 * SHA-256 (at least 6 hex digits), or the path of a file (a known location, or
 * any file with the same bytes). An argument that could name two recordings is
 * refused with both named, never guessed.
 */
export async function resolveRecording(db: Db, argument: string): Promise<number> {
  const found = new Map<number, string>();
  const arg = argument.trim();
  if (/^\d+$/.test(arg)) {
    const row = db.prepare('SELECT id FROM recordings WHERE id = ?').get(Number(arg)) as { id: number } | undefined;
    if (row) found.set(row.id, `id ${row.id}`);
  }
  if (/^[0-9a-f]+$/i.test(arg) && arg.length >= MIN_HASH_PREFIX) {
    const rows = db.prepare('SELECT id, sha256 FROM recordings WHERE sha256 LIKE ? ORDER BY id').all(`${arg.toLowerCase()}%`) as {
      id: number;
      sha256: string;
    }[];
    for (const r of rows) if (!found.has(r.id)) found.set(r.id, `SHA-256 ${r.sha256}`);
  }
  if (found.size === 0 && fs.existsSync(arg)) {
    const absolute = path.resolve(arg);
    const known = db.prepare('SELECT recording_id AS id FROM recording_locations WHERE path = ?').get(absolute) as
      { id: number } | undefined;
    const id = known?.id ?? (fs.statSync(absolute).isFile() ? findBySha(db, await sha256File(absolute)) : undefined);
    if (id !== undefined) found.set(id, `file ${absolute}`);
    else
      throw new RecordingNotFound(
        `${absolute} is not a recording of this case (no recording has its bytes): import it first, or check --db.`,
      );
  }
  if (found.size === 1) return [...found.keys()][0] as number;
  if (found.size > 1) {
    throw new RecordingNotFound(
      `"${arg}" names more than one recording: ${[...found].map(([id, why]) => `#${id} (${why})`).join(', ')}. Give more digits of the hash, or the id.`,
    );
  }
  throw new RecordingNotFound(
    `No recording "${arg}" in this case: ` +
      `give a recording id, at least ${MIN_HASH_PREFIX} hex digits of its SHA-256, or the path of its file (run \`micromoment verify\` to list them).`,
  );
}

function findBySha(db: Db, sha256: string): number | undefined {
  return (db.prepare('SELECT id FROM recordings WHERE sha256 = ?').get(sha256) as { id: number } | undefined)?.id;
}
