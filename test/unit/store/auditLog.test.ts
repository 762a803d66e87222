import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { migrate } from '../../../src-main/store/openStore.js';
import { appendAudit, listAudit, verifyAuditChain } from '../../../src-main/store/auditLog.js';
import { canonicalJson } from '../../../src-main/store/canonicalJson.js';

function freshDb() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

describe('audit log', () => {
  it('chains each entry to the one before', () => {
    const db = freshDb();
    const [created] = listAudit(db);
    const a = appendAudit(db, { actor: 'ana', action: 'x', target: 't:1', after: { v: 1 } });
    const b = appendAudit(db, { actor: 'ana', action: 'y', target: 't:1', before: { v: 1 }, after: { v: 2 } });
    // The case's first entry records its creation (migration 6).
    expect(created).toMatchObject({ seq: 1, action: 'case.created', prevHash: '0'.repeat(64) });
    expect(a.prevHash).toBe(created!.hash);
    expect(b.prevHash).toBe(a.hash);
    expect(verifyAuditChain(db)).toEqual({ rows: 3, problems: [] });
    expect(listAudit(db, 1).map((e) => e.after)).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('refuses updates and deletes', () => {
    const db = freshDb();
    appendAudit(db, { actor: 'ana', action: 'x', target: 't:1' });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'eve'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('detects any edited field of any row, even with the triggers dropped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.constantFrom('actor', 'action', 'target', 'after_json', 'at'), (which, column) => {
        const db = freshDb();
        for (let i = 1; i <= 5; i++) appendAudit(db, { actor: 'ana', action: `a${i}`, target: `t:${i}`, after: { i } });
        db.exec('DROP TRIGGER audit_log_no_update');
        db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(column === 'after_json' ? '{"i":99}' : 'tampered', which);
        const { problems } = verifyAuditChain(db);
        expect(problems.map((p) => p.seq)).toContain(which);
      }),
      { numRuns: 25 },
    );
  });

  it('detects a removed row', () => {
    const db = freshDb();
    for (let i = 1; i <= 3; i++) appendAudit(db, { actor: 'ana', action: `a${i}`, target: 't' });
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(db).problems.length).toBeGreaterThan(0);
  });
});

describe('canonicalJson', () => {
  it('does not depend on the order keys were added in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
});
