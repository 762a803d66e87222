import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../../src-main/store/openStore.js';
import { appendAudit, chainHead } from '../../../src-main/store/auditLog.js';
import { anchorLogPath, caseIdOf, parseAnchor, readAnchorLog } from '../../../src-main/store/anchorLog.js';
import { checkAnchors } from '../../../src-main/store/anchorCheck.js';
import { tempDir } from '../../helpers/paths.js';

/** Lets the microtask that writes the anchor after a commit run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

let dir: string;
let db: Db;
const savedDataDir = process.env.MICROMOMENT_DATA_DIR;

beforeEach(() => {
  dir = tempDir('mm-anchor-');
  process.env.MICROMOMENT_DATA_DIR = path.join(dir, 'data');
  db = openStore(path.join(dir, 'case.sqlite'));
});
afterEach(() => {
  db.close();
  if (savedDataDir === undefined) delete process.env.MICROMOMENT_DATA_DIR;
  else process.env.MICROMOMENT_DATA_DIR = savedDataDir;
});

const logOf = (d: Db) => anchorLogPath(caseIdOf(d)!, path.join(dir, 'data'));

describe('the anchor log', () => {
  it('records the head after each committed change, one line per head', async () => {
    await settle();
    appendAudit(db, { actor: 'ana', action: 'a', target: 't' });
    appendAudit(db, { actor: 'ana', action: 'b', target: 't' });
    await settle();
    const { anchors, badLines } = readAnchorLog(logOf(db));
    expect(badLines).toEqual([]);
    expect(anchors.at(-1)).toMatchObject(chainHead(db)!);
    expect(anchors.map((a) => a.seq)).toEqual([1, 3]); // the case's creation, then the head after both (written once the code yielded)
  });

  it('never records a head that was rolled back', async () => {
    await settle();
    const before = readAnchorLog(logOf(db)).anchors.length;
    expect(() =>
      db.transaction(() => {
        appendAudit(db, { actor: 'ana', action: 'doomed', target: 't' });
        throw new Error('the change fails');
      })(),
    ).toThrow('the change fails');
    await settle();
    const { anchors } = readAnchorLog(logOf(db));
    expect(anchors.length).toBe(before);
    expect(checkAnchors(db, { given: [], anchorLog: undefined, dataDir: path.join(dir, 'data') }).problems).toEqual([]);
  });

  it('finds a cut tail and a rewritten entry, and names edited lines', async () => {
    for (let i = 0; i < 3; i++) {
      appendAudit(db, { actor: 'ana', action: `a${i}`, target: 't' });
      await settle();
    }
    db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update');
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 2').run('e'.repeat(64));
    fs.appendFileSync(logOf(db), 'not an anchor\n');
    const check = checkAnchors(db, { given: [{ seq: 3, hash: 'f'.repeat(64) }], anchorLog: undefined, dataDir: path.join(dir, 'data') });
    const text = check.problems.map((p) => p.problem).join('\n');
    expect(text).toMatch(/--anchor records entry 3.*: entry 3 is not|entry 3 is not the one --anchor recorded/);
    expect(text).toMatch(/the anchor log records entry 4 .*ends at entry 3: entries were removed from its end/);
    expect(text).toMatch(/do not hold either/); // entry 2 rewritten as well
    expect(text).toMatch(/1 line\(s\) that are not anchors/);
  });

  it('reads anchors as reports state them', () => {
    const hash = 'A'.repeat(64);
    expect(parseAnchor(` 12:${hash} `)).toEqual({ seq: 12, hash: hash.toLowerCase() });
    for (const bad of [
      '12',
      `0:${'a'.repeat(64)}`,
      `x:${'a'.repeat(64)}`,
      `3:${'a'.repeat(63)}`,
      `3:${'g'.repeat(64)}`,
      `-1:${'a'.repeat(64)}`,
    ])
      expect(parseAnchor(bad)).toBeNull();
  });
});
