import crypto from 'node:crypto';
import type { AuditEntry } from '../../src-shared/domain/audit.js';
import { scheduleAnchor } from './anchorLog.js';
import { canonicalJson } from './canonicalJson.js';
import type { Db } from './openStore.js';
import { stateHash, type StateRef } from './sealedState.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditAction {
  actor: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
  /**
   * The rows this action created or changed (see sealedState.ts): the entry
   * records each one's content hash as the action left it, so that `verify`
   * can tell a row changed outside Micromoment from one changed by an action.
   */
  state?: readonly StateRef[];
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before_json: string | null;
  after_json: string | null;
  /** {ref: content hash} of the rows the action changed; absent in entries written before version 0.2. */
  state_json?: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash that chains a row to its predecessor: any edit of any field breaks it. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  // Entries written before states were sealed hash as they always did.
  const state = row.state_json === null || row.state_json === undefined ? {} : { state: row.state_json };
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    before: row.before_json,
    after: row.after_json,
    prev: row.prev_hash,
    ...state,
  });
  return crypto.createHash('sha256').update(body).digest('hex');
}

/**
 * Appends one entry. Call it inside the same transaction as the change it
 * records, so the change and its entry are committed together or not at all.
 */
export function appendAudit(db: Db, entry: AuditAction): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    state_json: entry.state?.length ? canonicalJson(Object.fromEntries(entry.state.map((ref) => [ref, stateHash(db, ref)]))) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditRowHash(row);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, target, before_json, after_json, state_json, prev_hash, hash)
              VALUES (@seq, @at, @actor, @action, @target, @before_json, @after_json, @state_json, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  scheduleAnchor(db);
  return toEntry({ ...row, hash });
}

export function listAudit(db: Db, afterSeq = 0, limit = 500): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as AuditRow[];
  return rows.map(toEntry);
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

/** Walks the whole chain; returns every row whose hash, link or numbering does not hold. */
export function verifyAuditChain(db: Db): { rows: number; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    rows += 1;
    if (row.seq !== expectedSeq) problems.push({ seq: row.seq, problem: `entry ${expectedSeq} is missing (found ${row.seq} next)` });
    if (row.prev_hash !== prevHash)
      problems.push({ seq: row.seq, problem: 'does not link to the entry before it (an entry was removed, inserted or changed)' });
    if (auditRowHash(row) !== row.hash)
      problems.push({ seq: row.seq, problem: `its content was changed after it was written (${row.action} on ${row.target})` });
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  return { rows, problems };
}

/** The newest entry: the chain's head, which reports state and anchors record. */
export function chainHead(db: Db): { seq: number; hash: string } | null {
  return (
    (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null
  );
}

/**
 * For each sealed ref, the content hash the latest entry naming it recorded,
 * with that entry's number. Entries are read in order, so later ones win.
 */
export function sealedHashes(db: Db): Map<StateRef, { hash: string | null; seq: number }> {
  const sealed = new Map<StateRef, { hash: string | null; seq: number }>();
  if (!hasStateColumn(db)) return sealed;
  for (const row of db
    .prepare('SELECT seq, state_json FROM audit_log WHERE state_json IS NOT NULL ORDER BY seq')
    .iterate() as IterableIterator<{ seq: number; state_json: string }>) {
    let state: Record<string, string | null>;
    try {
      state = JSON.parse(row.state_json) as Record<string, string | null>;
    } catch {
      continue; // The chain check reports the entry as changed.
    }
    for (const [ref, hash] of Object.entries(state)) sealed.set(ref, { hash, seq: row.seq });
  }
  return sealed;
}

export function hasStateColumn(db: Db): boolean {
  return (db.prepare("SELECT name FROM pragma_table_info('audit_log')").all() as { name: string }[]).some((c) => c.name === 'state_json');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    state: row.state_json ? (JSON.parse(row.state_json) as Record<string, string | null>) : null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
