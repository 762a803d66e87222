import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from './migrations/index.js';
import { openStore, schemaVersion, type Db } from './openStore.js';

export class CaseNotReadable extends Error {}

/**
 * Opens a case only to read it (verify): never created, never migrated, never
 * written, so a case handed over as evidence is checked as it is, and a
 * write-blocked copy can be checked at all.
 *
 * SQLite reads a case in WAL mode through a shared-memory file beside it; in a
 * write-protected folder it cannot make one. Nobody can be writing such a
 * copy, so it is then read from a private temporary copy of its files (the
 * database and any WAL), removed on close.
 */
export function openCaseForReading(dbPath: string): { db: Db; note: string | null; close(): void } {
  if (!fs.existsSync(dbPath)) throw new CaseNotReadable(`there is no case database at ${dbPath}: check the path (--db, or MICROMOMENT_DB)`);
  try {
    const db = openChecked(dbPath);
    return { db, note: null, close: () => db.close() };
  } catch (err) {
    if (err instanceof CaseNotReadable || (err as { code?: string }).code !== 'SQLITE_CANTOPEN') throw asNotReadable(dbPath, err);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'micromoment-verify-'));
  const copy = path.join(dir, path.basename(dbPath));
  try {
    fs.copyFileSync(dbPath, copy);
    if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
    const db = openChecked(copy);
    return {
      db,
      note: `the case's folder cannot be written, so a temporary copy of it was read (nothing in the folder was changed)`,
      close: () => {
        db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw asNotReadable(dbPath, err);
  }
}

function openChecked(file: string): Db {
  const db = openStore(file, { readonly: true });
  try {
    // Opening is lazy: the first read is where a missing shared-memory file or a non-database shows.
    const version = schemaVersion(db);
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (version > latest)
      throw new CaseNotReadable(
        `${file} was written by a newer Micromoment (schema ${version}, this version knows ${latest}): verify it with that version`,
      );
    if (version === 0) throw new CaseNotReadable(`${file} is not a Micromoment case database (no schema in it)`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function asNotReadable(dbPath: string, err: unknown): Error {
  if (err instanceof CaseNotReadable) return err;
  const message = (err as Error).message.replace(/^Cannot open the case database [^:]*: /, '');
  return new CaseNotReadable(`cannot read the case database ${dbPath}: ${message}`);
}
