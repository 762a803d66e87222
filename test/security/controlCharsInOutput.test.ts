// Attack: a file in the seized folder is named so that, printed raw, it fakes
// a line of the CLI's output ("x.mp4⏎OK       audit log: … chain intact"), or
// reads as something else through an invisible right-to-left override.
// Promise: every human-readable line the CLI prints shows a name or other
// outside text with its control characters, line and paragraph separators and
// bidirectional controls escaped (src-main/cli/printable.ts): one name stays on
// one line, visibly. The --json outputs keep every name exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

const FAKE_LINE = 'OK       audit log: 99 entries, chain intact';
// eslint-disable-next-line no-control-regex -- the controls are what is checked for
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028-\u202E\u2066-\u2069]/;

function hostileFolder() {
  const dir = tempDir('mm-sec-names-');
  const evidence = path.join(dir, 'evidence');
  fs.mkdirSync(evidence);
  const forged = path.join(evidence, `x.mp4\n${FAKE_LINE}`);
  const reversed = path.join(evidence, 'interview\u202E4pm.exe');
  fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), forged);
  fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), reversed);
  return { dir, evidence, forged, reversed, db: path.join(dir, 'case.sqlite'), env: { MICROMOMENT_DATA_DIR: path.join(dir, 'data') } };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const shownForged = (forged: string) => `"${forged.replace('\n', '\\n')}"`;

describe('names with control characters in the CLI output', () => {
  it('scan, verify and import print each hostile name on its own line, escaped; the JSON keeps it exact', async () => {
    const c = hostileFolder();

    const scan = await runCli(['scan', c.evidence, '--db', c.db, '--workers', '1'], { env: c.env });
    expect(scan.code, scan.stderr).toBe(0);
    for (const line of lines(scan.stdout)) expect(line).toMatch(/^(done|skipped) +#\d+ |^Scanned /);
    expect(scan.stdout).toContain(shownForged(c.forged));
    expect(scan.stdout).toContain(`"${c.reversed.replace('\u202E', '\\u202E')}"`);
    expect(scan.stdout + scan.stderr).not.toMatch(UNSAFE);

    const verify = await runCli(['verify', '--db', c.db], { env: c.env });
    expect(verify.code, verify.stderr).toBe(0);
    const verifyLines = lines(verify.stdout);
    expect(verifyLines.filter((l) => l.startsWith('OK       audit log:'))).toEqual([expect.not.stringContaining('99 entries')]);
    expect(verifyLines.filter((l) => l.startsWith('OK       recording #'))).toHaveLength(2);
    expect(verifyLines.filter((l) => l.endsWith(` ${shownForged(c.forged)}`))).toEqual([expect.stringMatching(/^OK {7}recording #\d+ "/)]);
    expect(verify.stdout).not.toMatch(UNSAFE);

    const imported = await runCli(['import', c.forged, '--db', path.join(c.dir, 'other.sqlite')], { env: c.env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(lines(imported.stdout)).toEqual([
      expect.stringMatching(/^imported {2}#1 "[^\n]*\\nOK {7}audit log: 99 entries, chain intact" {2}765 frames/),
    ]);

    const json = await runCli(['verify', '--db', c.db, '--json'], { env: c.env });
    const report = JSON.parse(json.stdout) as { recordings: { locations: { path: string }[] }[] };
    expect(report.recordings.flatMap((r) => r.locations.map((l) => l.path)).sort()).toEqual([c.forged, c.reversed].sort());
  });

  it('an error that quotes a hostile name stays on one line', async () => {
    const c = hostileFolder();
    const missing = path.join(c.evidence, `gone.mp4\n${FAKE_LINE}`);
    const run = await runCli(['analyze', missing], { env: c.env });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^micromoment analyze: "[^\n]*gone\.mp4\\nOK {7}audit log: 99 entries, chain intact": /),
    ]);
  });
});
