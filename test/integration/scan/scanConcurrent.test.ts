// Two scans of one case at the same time (two terminals; the app's batch and the
// command line): every file is analysed once, by whichever scan leases it first;
// the other waits and finds it complete. A lease dies with its process.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { cliBin } from '../../helpers/paths.js';
import { openStore } from '../../../src-main/store/openStore.js';
import { openFolder, parseScan, place, realClip, type Fixtures } from './scanFolder.js';

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

function readCase<T>(db: string, read: (store: Database.Database) => T): T {
  const store = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** Reads the case while a scan writes it; undefined until the table is there. */
function peek<T>(db: string, sql: string): T | undefined {
  if (!fs.existsSync(db)) return undefined;
  try {
    return readCase(db, (store) => store.prepare(sql).get() as T | undefined);
  } catch {
    return undefined;
  }
}

describe('two scans of the same case at the same time', () => {
  it('analyse every file once between them; both exit 0 and the case verifies', async () => {
    const root = openFolder('mm-two-scans-');
    const evidence = path.join(root, 'evidence');
    place(fixtures.cfr25.path, path.join(evidence, 'a.mp4'));
    place(realClip, path.join(evidence, 'b interview.mp4'));
    place(fixtures.vp9.path, path.join(evidence, 'c.webm'));
    place(fixtures.longgop.path, path.join(evidence, 'd.mp4'));
    const db = path.join(root, 'case.sqlite');

    const args = ['scan', evidence, '--db', db, '--json', '--workers', '1'];
    const [first, second] = await Promise.all([runCli(args), runCli(args)]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);

    // Each file is done by one scan and skipped as complete by the other.
    const one = parseScan(first).recordings;
    const two = parseScan(second).recordings;
    expect(one.map((r) => path.basename(r.path))).toEqual(['a.mp4', 'b interview.mp4', 'c.webm', 'd.mp4']);
    one.forEach((r, i) => {
      expect([r.status, two[i]!.status].sort()).toEqual(['done', 'skipped']);
      expect(two[i]!.frames).toBe(r.frames);
      expect(two[i]!.candidates).toBe(r.candidates);
    });

    readCase(db, (store) => {
      const started = store
        .prepare("SELECT target, COUNT(*) AS n FROM audit_log WHERE action = 'analysis.started' GROUP BY target ORDER BY target")
        .all();
      expect(started).toEqual([1, 2, 3, 4].map((id) => ({ target: `recording:${id}`, n: 1 })));
      expect(store.prepare('SELECT status, COUNT(*) AS n FROM analyses GROUP BY status').all()).toEqual([{ status: 'complete', n: 4 }]);
      expect(store.prepare('SELECT COUNT(*) AS n FROM spotting_runs').get()).toEqual({ n: 4 });
      expect(store.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'recording.imported'").get()).toEqual({ n: 4 });
      // Leases go with the jobs that took them.
      expect(store.prepare('SELECT COUNT(*) AS n FROM scan_leases').get()).toEqual({ n: 0 });
    });
    const verify = await runCli(['verify', '--db', db]);
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('takes over the lease of a scan killed with kill -9', async () => {
    const root = openFolder('mm-dead-lease-');
    const evidence = path.join(root, 'evidence');
    place(realClip, path.join(evidence, 'interview.mp4'));
    const db = path.join(root, 'case.sqlite');

    const child = spawn(process.execPath, [cliBin, 'scan', evidence, '--db', db, '--json'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !peek<{ id: number }>(db, "SELECT id FROM analyses WHERE status = 'running'"))
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The dead scan's lease is still in the case, in its name.
    expect(peek<{ owner: string }>(db, 'SELECT owner FROM scan_leases')?.owner).toMatch(new RegExp(`#${child.pid}$`));

    const again = await runCli(['scan', evidence, '--db', db, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(parseScan(again).recordings.map((r) => [path.basename(r.path), r.status, r.frames])).toEqual([['interview.mp4', 'done', 765]]);
    expect(peek<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM scan_leases')).toEqual({ n: 0 });
    expect((await runCli(['verify', '--db', db])).code).toBe(0);
  });

  it('does not take over a lease held on another computer, and says whose it is', async () => {
    const root = openFolder('mm-foreign-lease-');
    const evidence = path.join(root, 'evidence');
    const file = place(fixtures.cfr25.path, path.join(evidence, 'a.mp4'));
    const db = path.join(root, 'case.sqlite');
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const store = openStore(db);
    store
      .prepare('INSERT INTO scan_leases (sha256, owner, taken_at) VALUES (?, ?, ?)')
      .run(sha256, 'lab-pc-7#4242', new Date().toISOString());
    store.close();

    const run = await runCli(['scan', evidence, '--db', db, '--json']);
    expect(run.code).toBe(1);
    expect(parseScan(run).recordings.map((r) => [r.status, r.error])).toEqual([
      [
        'failed',
        'being scanned by another process (pid 4242 on host lab-pc-7), which this computer cannot check: scan again once that scan is over',
      ],
    ]);
    expect(peek<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM analyses')).toEqual({ n: 0 });
  });
});
