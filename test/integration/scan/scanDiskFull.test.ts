import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../../src-main/app/context.js';
import { createDefaultStages } from '../../../src-main/analysis/pipeline/defaultStages.js';
import { PauseGate } from '../../../src-main/scan/pauseGate.js';
import { ScanBatch } from '../../../src-main/scan/scanBatch.js';
import { scanFile } from '../../../src-main/scan/scanFile.js';
import { SCAN_STORE_OPS, type ScanStore } from '../../../src-main/scan/scanStore.js';
import { verifyStore } from '../../../src-main/usecases/verifyStore.js';
import { ensureFixtures } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { FakeWorker } from '../../helpers/fakeScanWorker.js';
import { openFolder, parseScan, place, realClip, type Fixtures } from './scanFolder.js';

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

function evidenceFolder(root: string): string {
  const evidence = path.join(root, 'evidence');
  place(fixtures.cfr25.path, path.join(evidence, 'a.mp4'));
  place(fixtures.vfr.path, path.join(evidence, 'b.mkv'));
  place(realClip, path.join(evidence, 'c interview.mp4'));
  return evidence;
}

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
});

describe('a disk that fills up during a scan', () => {
  it('stops the scan with a clear error (exit 4), keeps the case consistent, and a later scan finishes the rest (real full tmpfs)', async (ctx) => {
    const root = openFolder('mm-diskfull-');
    const evidence = evidenceFolder(root);
    const mnt = path.join(root, 'small disk');
    fs.mkdirSync(mnt);
    // 512 KiB: room for the schema (nine migrations, written through the WAL) and the small recordings, not for the interview's analysis.
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0777', 'tmpfs', mnt], { encoding: 'utf8' });
    if (mount.status !== 0) {
      const why =
        `cannot mount a small tmpfs here (${(mount.stderr || mount.error?.message || '').trim() || `exit ${mount.status}`}; needs root and CAP_SYS_ADMIN): ` +
        `the full disk is covered by the injected SQLITE_FULL test below`;
      console.log(`scanDiskFull: ${why}`);
      ctx.skip(why);
    }
    mounted.push(mnt);
    const db = path.join(mnt, 'case.sqlite');

    const full = await runCli(['scan', evidence, '--db', db, '--json']);
    expect(full.code, full.stderr).toBe(4);
    expect(full.stderr).toContain(
      'micromoment scan: The scan stopped: the disk holding the case database is full (database or disk is full): ' +
        'free space on it, then run the same scan again.',
    );
    const out = parseScan(full);
    expect(out.summary).toMatchObject({ state: 'stopped' });
    expect(out.summary.error).toMatch(/^The scan stopped: the disk holding the case database is full/);
    const failed = out.recordings.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.error).toMatch(
        new RegExp(
          '^(' +
            [
              /(?:analysis|spotting) failed: the case database could not be written \(database or disk is full\)/.source,
              /the case database could not be written \(database or disk is full\)/.source,
              /not scanned: the scan stopped \(the disk holding the case database is full\); run it again once that is fixed/.source,
              /cancelled before it was finished: scan again to finish it/.source,
            ].join('|') +
            ')$',
        ),
      );
    }
    expect(out.recordings.find((r) => r.path.endsWith('c interview.mp4'))!.status).toBe('failed');

    // Consistent where it stands, on the full disk: every original verifies, the audit chain holds.
    const verify = await runCli(['verify', '--db', db]);
    expect(verify.stdout).toContain('All originals, the audit log and the case state verify.');
    expect(verify.code).toBe(0);

    // Room made: the same scan skips what was finished and does the rest.
    expect(spawnSync('mount', ['-o', 'remount,size=8m', mnt]).status).toBe(0);
    const again = await runCli(['scan', evidence, '--db', db, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const second = parseScan(again);
    for (const r of second.recordings) {
      const before = out.recordings.find((x) => x.path === r.path)!;
      expect(r.status, r.path).toBe(before.status === 'done' ? 'skipped' : 'done');
    }
    const verifyAgain = await runCli(['verify', '--db', db]);
    expect(verifyAgain.code).toBe(0);
  });

  it('says plainly that the disk is full when even the case cannot be made on it (real 64 KiB tmpfs)', async (ctx) => {
    const root = openFolder('mm-diskfull-new-');
    const evidence = evidenceFolder(root);
    const mnt = path.join(root, 'tiny disk');
    fs.mkdirSync(mnt);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0777', 'tmpfs', mnt], { encoding: 'utf8' });
    if (mount.status !== 0) {
      const why = 'cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)';
      console.log(`scanDiskFull: ${why}`);
      ctx.skip(why);
    }
    mounted.push(mnt);
    const run = await runCli(['scan', evidence, '--db', path.join(mnt, 'case.sqlite'), '--json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^micromoment: the disk holding the case database is full \(.*\): free space on it, then run the command again/,
    );
  });

  it("stops the scan on SQLITE_FULL injected through SQLite's page limit, the file that hit it failed with the reason, the case consistent", async () => {
    // Runs everywhere (no mount needed): the real per-file flow and the real writer, the
    // worker stood in by an in-thread one speaking the same protocol; after the first
    // file, SQLite is told the database may not grow (PRAGMA max_page_count), which
    // fails writes with SQLITE_FULL exactly as a full disk does.
    const root = openFolder('mm-diskfull-');
    const evidence = evidenceFolder(root);
    const ctx: AppContext = createContext({
      dbPath: path.join(root, 'case.sqlite'),
      analyst: 'tester',
      emit: (event, payload) => {
        if (event === 'batch.file' && (payload as { file: { status: string } }).file.status === 'done') {
          ctx.db.pragma(`max_page_count = ${ctx.db.pragma('page_count', { simple: true }) as number}`);
        }
      },
    });
    try {
      const tools = { ffmpeg: ctx.tools().ffmpeg, ffprobeCandidates: ctx.ffprobeCandidates() };
      const batch = new ScanBatch(ctx, {
        roots: [evidence],
        workers: 1,
        spawnWorker: () =>
          new FakeWorker(async (job) => {
            const store = Object.fromEntries(
              SCAN_STORE_OPS.map((op) => [op, (...args: unknown[]) => job.call(op, ...args)]),
            ) as unknown as ScanStore;
            const file = path.join(evidence, job.name);
            return scanFile(file, true, {
              store,
              createStages: createDefaultStages,
              ...tools,
              signal: job.signal,
              gate: new PauseGate(),
              progress: () => {},
            });
          }),
      });
      const status = await batch.start();
      expect(status.state).toBe('stopped');
      expect(status.error).toBe(
        `The scan stopped: the disk holding the case database is full (database or disk is full): free space on it, then run the same scan again. ` +
          `What was finished is kept and will be skipped; ${ctx.dbPath} is consistent (the failed write was rolled back).`,
      );
      expect(status.files.map((f) => [f.status, f.error])).toEqual([
        ['done', null],
        ['failed', 'analysis failed: the case database could not be written (database or disk is full)'],
        ['cancelled', 'not scanned: the scan stopped (the disk holding the case database is full); run it again once that is fixed'],
      ]);
      const report = await verifyStore(ctx.db);
      expect(report.audit.problems).toEqual([]);
      expect(report.holds).toBe(true);
      // Nothing half-written: the failed chunk is not there.
      expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM analysis_chunks WHERE analysis_id = 2').get()).toEqual({ n: 0 });
    } finally {
      ctx.close();
    }
  });
});
