import fs from 'node:fs';
import path from 'node:path';
import { dataDir as defaultDataDir } from '../config/paths.js';
import type { Db } from './openStore.js';

/**
 * The audit chain's head, written outside the case database. Someone who can
 * edit the database can cut entries off the end of the chain (with the rows
 * they recorded) and leave a chain that holds; a head recorded elsewhere shows
 * the cut. After every committed change, the head is appended to a plain-text
 * log in the app's data folder, one line per head: "<seq> <sha256> <ISO time>".
 * `verify` checks that every head in the log is still in the chain.
 *
 * The log is named after the case's id (case_info), so copies of a case share
 * it and two cases never do.
 */
export interface Anchor {
  seq: number;
  hash: string;
  at?: string;
}

export function anchorLogPath(caseId: string, dataDir: string = defaultDataDir()): string {
  return path.join(dataDir, 'anchors', `${caseId}.log`);
}

export function caseIdOf(db: Db): string | null {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_info'`).get();
  if (!exists) return null;
  return (db.prepare('SELECT case_id FROM case_info WHERE id = 1').get() as { case_id: string } | undefined)?.case_id ?? null;
}

const anchored = new WeakMap<Db, number>();
const pending = new WeakSet<Db>();
let warned = false;

/**
 * Appends the head once the transaction that wrote it has committed. Entries
 * are appended inside transactions that may still roll back, so the head is
 * read only after the synchronous transaction has ended (a microtask later):
 * the log never names an entry that was not committed.
 */
export function scheduleAnchor(db: Db): void {
  if (db.memory || pending.has(db)) return;
  pending.add(db);
  queueMicrotask(() => writeAnchorWhenCommitted(db));
}

function writeAnchorWhenCommitted(db: Db): void {
  if (db.open && db.inTransaction) {
    setImmediate(() => writeAnchorWhenCommitted(db));
    return;
  }
  pending.delete(db);
  if (!db.open) return;
  try {
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const caseId = caseIdOf(db);
    if (!head || !caseId || head.seq <= (anchored.get(db) ?? 0)) return;
    const file = anchorLogPath(caseId);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // One short line per write, opened for appending: writers of other processes interleave whole lines.
    fs.appendFileSync(file, `${head.seq} ${head.hash} ${new Date().toISOString()}\n`);
    anchored.set(db, head.seq);
  } catch (err) {
    // The change itself is committed; only its outside record is missing. Say so once.
    if (!warned) {
      warned = true;
      process.emitWarning(
        `Micromoment could not record the audit chain's head in the data folder (${(err as Error).message}); ` +
          `verify cannot detect a cut tail without it. Check the data folder can be written.`,
      );
    }
  }
}

/** The anchors of a log file, with the lines that are not anchors (reported, never skipped silently). */
export function readAnchorLog(file: string): { anchors: Anchor[]; badLines: number[] } {
  const anchors: Anchor[] = [];
  const badLines: number[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return;
    const anchor = parseAnchor(line.split(' ').slice(0, 2).join(':'));
    if (anchor) anchors.push({ ...anchor, ...(line.split(' ')[2] ? { at: line.split(' ')[2] } : {}) });
    else badLines.push(i + 1);
  });
  return { anchors, badLines };
}

/** "<seq>:<64 hex digits>" as a user passes it to `verify --anchor`, or null. */
export function parseAnchor(text: string): Anchor | null {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const seq = Number(match[1]);
  return seq >= 1 ? { seq, hash: match[2]! } : null;
}
