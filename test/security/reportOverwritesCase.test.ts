// Attack: an output file named where it destroys the case. `micromoment report
// 1 --db case.sqlite --out case.sqlite --overwrite --format json` exited 0 and
// replaced the case database with JSON (verify then said "file is not a
// database"); the same worked on another case's database, on case.sqlite-wal,
// through a link, and `analyze --out` could truncate the recording it read.
// Promise: an output (report --out, analyze --out; the window's save dialog
// uses the same guard, src-main/usecases/outputGuard.ts) is refused, with or
// without --overwrite, with exit 2 and one plain sentence, when it is: any
// SQLite database (known by its header, whatever its name; links followed to
// the file really written), any -wal, -shm or -journal file (by name, existing
// or not), anything inside the data folder (real paths compared), the case
// database, or an original. When refused nothing changes: the case database is
// byte-identical, the target untouched, no file left behind.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file under the folder with its hash (links as their target's text), to prove a refusal changed nothing. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) out[file] = `-> ${fs.readlinkSync(file)}`;
    else if (entry.isFile()) out[file] = sha256(file);
  }
  return out;
}

type Case = Awaited<ReturnType<typeof makeCase>>;

/**
 * A case of its own for each attack (one that got through must not spoil the
 * next): the recording imported, a copy of the database as another case and
 * one under a harmless name, a data folder with a proxy, and links.
 */
async function makeCase() {
  const dir = tempDir('mm-sec-out-');
  const at = (name: string) => path.join(dir, name);
  const c = {
    dir,
    at,
    db: at('case.sqlite'),
    otherDb: at('other case/case.sqlite'),
    disguisedDb: at('notes.json'),
    original: at('interview.mp4'),
    dataDir: at('data'),
    env: { MICROMOMENT_DATA_DIR: at('data'), MICROMOMENT_DB: '' },
  };
  fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), c.original);
  const imported = await runCli(['import', c.original, '--db', c.db], { env: c.env });
  expect(imported.code, imported.stderr).toBe(0);
  fs.mkdirSync(path.dirname(c.otherDb));
  fs.copyFileSync(c.db, c.otherDb);
  fs.copyFileSync(c.db, c.disguisedDb);
  fs.mkdirSync(path.join(c.dataDir, 'proxies'), { recursive: true });
  fs.writeFileSync(path.join(c.dataDir, 'proxies', 'existing.mp4'), 'a proxy');
  fs.symlinkSync(c.db, at('report link.json'));
  fs.symlinkSync(at('other case/case.sqlite-wal'), at('dangling link.json'));
  fs.symlinkSync(c.dataDir, at('data link'));
  return c;
}

const targets: [string, (c: Case) => string][] = [
  ['the case database itself', (c) => c.db],
  ["another case's database", (c) => c.otherDb],
  ['a SQLite database with another name', (c) => c.disguisedDb],
  ['a link to the case database', (c) => c.at('report link.json')],
  ['a link to a -wal file not there yet', (c) => c.at('dangling link.json')],
  ['case.sqlite-wal (not there)', (c) => `${c.db}-wal`],
  ['case.sqlite-shm (not there)', (c) => `${c.db}-shm`],
  ['a -journal file', (c) => c.at('report-journal')],
  ['a super-journal name', (c) => `${c.db}-mj1A2B3C9D4`],
  ['a new file in the data folder', (c) => path.join(c.dataDir, 'report.json')],
  ['a file in the data folder', (c) => path.join(c.dataDir, 'proxies', 'existing.mp4')],
  ['the data folder through a link', (c) => c.at('data link/report.json')],
  ['an original', (c) => c.original],
];

describe('report --out where it would destroy the case', () => {
  for (const overwrite of [true, false]) {
    it.each(targets)(`%s is refused${overwrite ? ' with --overwrite' : ''}, and nothing changes`, async (_name, target) => {
      const c = await makeCase();
      const before = snapshot(c.dir);
      const run = await runCli(
        ['report', '1', '--db', c.db, '--out', target(c), '--format', 'json', ...(overwrite ? ['--overwrite'] : [])],
        { env: c.env },
      );
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^micromoment report: refusing to write [^\n]+: [^\n]+\n$/);
      expect(run.stdout).toBe('');
      expect(snapshot(c.dir)).toEqual(before);
      const verify = await runCli(['verify', '--db', c.db], { env: c.env });
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    });
  }

  it('a report to an ordinary file is still written', async () => {
    const c = await makeCase();
    const ok = await runCli(['report', '1', '--db', c.db, '--out', c.at('report.json')], { env: c.env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(c.at('report.json'), 'utf8'))).toMatchObject({ kind: 'micromoment-report' });
  });
});

describe('analyze --out where it would destroy the case or the evidence', () => {
  it.each([
    ['the recording being analysed', (c) => c.original],
    ['a case database', (c) => c.db],
    ['a -wal file', (c) => `${c.otherDb}-wal`],
    ['the data folder', (c) => path.join(c.dataDir, 'frames.csv')],
  ] as [string, (c: Case) => string][])('%s is refused before any work, and nothing changes', async (_name, target) => {
    const c = await makeCase();
    const before = snapshot(c.dir);
    const run = await runCli(['analyze', c.original, '--out', target(c)], { env: c.env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^micromoment analyze: refusing to write [^\n]+: [^\n]+\n$/);
    expect(snapshot(c.dir)).toEqual(before);
  });
});
