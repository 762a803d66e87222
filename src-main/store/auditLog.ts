import crypto from 'node:crypto';
import type { AuditEntry } from '../../src-shared/domain/audit.js';
import { canonicalJson } from './canonicalJson.js';
import type { Db } from './openStore.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditAction {
  actor: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash that chains a row to its predecessor: any edit of any field breaks it. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq, at: row.at, actor: row.actor, action: row.action, target: row.target,
    before: row.before_json, after: row.after_json, prev: row.prev_hash,
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
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditRowHash(row);
  db.prepare(`INSERT INTO audit_log (seq, at, actor, action, target, before_json, after_json, prev_hash, hash)
              VALUES (@seq, @at, @actor, @action, @target, @before_json, @after_json, @prev_hash, @hash)`).run({ ...row, hash });
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
    if (row.prev_hash !== prevHash) problems.push({ seq: row.seq, problem: 'does not link to the entry before it (an entry was removed, inserted or changed)' });
    if (auditRowHash(row) !== row.hash) problems.push({ seq: row.seq, problem: `its content was changed after it was written (${row.action} on ${row.target})` });
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  return { rows, problems };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq, at: row.at, actor: row.actor, action: row.action, target: row.target,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    prevHash: row.prev_hash, hash: row.hash,
  };
}
