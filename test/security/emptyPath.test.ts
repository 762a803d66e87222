// Attack: an empty path on the command line, as a script gives when a variable
// is unset (`micromoment scan "$EVIDENCE"`). Node resolves "" to the current
// folder, so `scan ""` scanned wherever the command ran (from the install
// folder: 5,509 files, 15 recordings added to the case), `import ""` said "is a
// folder", and `--db ""` quietly used the default case instead of the one meant.
// Promise: an empty path, or one of spaces only, given to any command that
// takes a path (arguments, --out, --db, --truth, --candidates) is a wrong
// command line: exit 2 with one plain sentence saying an empty path was given
// and what to do; nothing is scanned, read or written, and the case database
// is byte-identical afterwards.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

const dir = tempDir('mm-sec-empty-');
const db = path.join(dir, 'case.sqlite');
const dataDir = path.join(dir, 'data');
const env = { MICROMOMENT_DATA_DIR: dataDir, MICROMOMENT_DB: '' };
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const listing = () => fs.readdirSync(dir).sort();
const dataListing = () => (fs.existsSync(dataDir) ? (fs.readdirSync(dataDir, { recursive: true }) as string[]).sort() : []);

beforeAll(async () => {
  // The folder the commands run in holds a recording, which `scan ""` used to find and add.
  fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), path.join(dir, 'interview.mp4'));
  const imported = await runCli(['import', path.join(dir, 'interview.mp4'), '--db', db], { env });
  expect(imported.code, imported.stderr).toBe(0);
  fs.writeFileSync(path.join(dir, 'candidates.json'), '{"frames":10,"candidates":[]}');
});

const commands: [string, string[]][] = [
  ['scan ""', ['scan', '', '--db', db]],
  ['scan with spaces among real paths', ['scan', dir, '   ', '--db', db]],
  ['import ""', ['import', '', '--db', db]],
  ['analyze ""', ['analyze', '']],
  ['analyze --out ""', ['analyze', path.join(dir, 'interview.mp4'), '--out', '']],
  ['spot " "', ['spot', ' ']],
  ['report ""', ['report', '', '--out', path.join(dir, 'r.json'), '--db', db]],
  ['report --out ""', ['report', '1', '--out', '', '--format', 'json', '--db', db]],
  ['evaluate --truth ""', ['evaluate', '--truth', '', '--candidates', path.join(dir, 'candidates.json')]],
  ['evaluate --candidates ""', ['evaluate', '--truth', path.join(dir, 'candidates.json'), '--candidates', '']],
  ['proxy ""', ['proxy', '', '--db', db]],
  ['verify --db ""', ['verify', '--db', '']],
  ['serve --db=""', ['serve', '--db=', '--port', '0']],
];

describe('an empty path on the command line', () => {
  it.each(commands)('%s: refused with exit 2 and one sentence; nothing scanned, read or written', async (_name, args) => {
    const before = { db: sha256(db), files: listing(), data: dataListing() };
    const run = await runCli(args, { cwd: dir, env, timeoutMs: 15_000 });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^micromoment \w+: an empty path was given as [^\n]+: [^\n]+\.\n$/);
    expect(run.stdout).toBe('');
    expect(sha256(db)).toBe(before.db);
    expect(listing()).toEqual(before.files);
    // No default case was made in the data folder (it holds only the case's anchor log).
    expect(fs.existsSync(path.join(dataDir, 'case.sqlite'))).toBe(false);
    expect(dataListing()).toEqual(before.data);
  });
});
