import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) a case store and brings its schema up to date.
 * WAL keeps readers (the window) unblocked while a writer (a scan) works, and
 * makes a crash lose at most an uncommitted transaction.
 */
export function openStore(dbPath: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  let db: Db;
  try {
    db = new Database(dbPath, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new Error(`Cannot open the case database ${dbPath}: ${(err as Error).message}`, { cause: err });
  }
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  if (!options.readonly) migrate(db);
  return db;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!row) return 0;
  const v = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return v.v ?? 0;
}

/** Applies each pending migration in its own transaction, recording it as applied. */
export function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `This case database was written by a newer Micromoment (schema ${current}, this version knows ${latest}). Update Micromoment to open it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // IMMEDIATE, and the version read again inside: two processes opening a new case
    // at once (two scans) apply each migration once, the second waiting for the first.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}
