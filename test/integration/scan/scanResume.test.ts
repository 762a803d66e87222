import fs from 'node:fs';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { cliBin } from '../../helpers/paths.js';
import { doubledClip, openFolder, parseScan, place, realClip, type Fixtures } from './scanFolder.js';

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

/** Reads the case while the scan writes it (WAL lets a reader in at any time). */
function peek<T>(db: string, sql: string): T | undefined {
  if (!fs.existsSync(db)) return undefined;
  const store = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return store.prepare(sql).get() as T | undefined;
  } catch {
    return undefined; // the schema is not there yet
  } finally {
    store.close();
  }
}

/** Processes (ffmpeg, ffprobe) still working on files of this folder. */
function workingOn(folder: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(folder) && !l.includes(' ps '));
}

describe('micromoment scan, killed and run again', () => {
  it('skips what was complete, redoes what was partial, and leaves a case that verifies', async () => {
    const root = openFolder('mm-resume-');
    const evidence = path.join(root, 'evidence');
    place(fixtures.cfr25.path, path.join(evidence, 'a first.mp4'));
    await doubledClip(path.join(evidence, 'b long.mp4'));
    place(fixtures.vp9.path, path.join(evidence, 'c last.webm'));
    const db = path.join(root, 'case.sqlite');

    // kill -9 once the long recording's analysis has committed its first chunk of 1024 frames.
    const child = spawn(process.execPath, [cliBin, 'scan', evidence, '--db', db, '--json', '--workers', '1'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const running = peek<{ done: number }>(db, "SELECT frames_done AS done FROM analyses WHERE status = 'running'");
      if (running && running.done >= 1024) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const killedAt = new Database(db, { readonly: true });
    const before = killedAt.prepare('SELECT a.status, a.frames_done AS done, r.first_path AS path FROM analyses a JOIN recordings r ON r.id = a.recording_id ORDER BY a.id').all() as { status: string; done: number; path: string }[];
    killedAt.close();
    expect(before.map((a) => [path.basename(a.path), a.status, a.done])).toEqual([['a first.mp4', 'complete', 50], ['b long.mp4', 'running', 1024]]);

    // The ffmpeg decoding for the killed scan does not go on writing to nobody.
    const until = Date.now() + 10_000;
    while (workingOn(evidence).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(workingOn(evidence)).toEqual([]);

    const again = await runCli(['scan', evidence, '--db', db, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const out = parseScan(again);
    expect(out.recordings.map((r) => [path.basename(r.path), r.status, r.frames])).toEqual([
      ['a first.mp4', 'skipped', 50],
      ['b long.mp4', 'done', 1530],
      ['c last.webm', 'done', fixtures.vp9.frames],
    ]);

    const store = new Database(db, { readonly: true });
    try {
      const analyses = store.prepare('SELECT id, recording_id AS rec, status, frames_done AS done, error FROM analyses ORDER BY id').all() as { id: number; rec: number; status: string; done: number; error: string | null }[];
      const long = analyses.filter((a) => a.rec === 2);
      expect(long.map((a) => a.status)).toEqual(['failed', 'complete']);
      expect(long[0]!.error).toMatch(/^interrupted: the process that ran it \(.+#\d+\) stopped before it finished; the analysis was made afresh$/);
      expect(long[1]!.done).toBe(1530);
      const chunks = store.prepare('SELECT first_frame AS first, frame_count AS n FROM analysis_chunks WHERE analysis_id = ? ORDER BY chunk_index').all(long[1]!.id);
      expect(chunks).toEqual([{ first: 0, n: 1024 }, { first: 1024, n: 506 }]);
      expect(store.prepare('SELECT COUNT(*) AS n FROM spotting_runs').get()).toEqual({ n: 3 });
      const actions = (store.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((a) => a.action);
      expect(actions.filter((a) => a === 'analysis.interrupted')).toHaveLength(1);
      expect(actions.filter((a) => a === 'recording.imported')).toHaveLength(3);
    } finally {
      store.close();
    }
    const verify = await runCli(['verify', '--db', db]);
    expect(verify.stdout).toMatch(/OK\s+audit log: \d+ entries, chain intact/);
    expect(verify.code).toBe(0);
  });

  it('cancels on Ctrl-C: exit 130, the unfinished file failed with why, its analysis closed, the case consistent', async () => {
    const root = openFolder('mm-sigint-');
    const evidence = path.join(root, 'evidence');
    place(realClip, path.join(evidence, 'interview.mp4'));
    place(fixtures.cfr25.path, path.join(evidence, 'later.mp4'));
    const db = path.join(root, 'case.sqlite');
    const child = spawn(process.execPath, [cliBin, 'scan', evidence, '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => { stdout += t; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !peek<{ id: number }>(db, "SELECT id FROM analyses WHERE status = 'running'")) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const out = parseScan({ code: 130, stdout, stderr: '' });
    expect(out.summary.state).toBe('cancelled');
    expect(out.recordings.map((r) => [path.basename(r.path), r.status, r.error])).toEqual([
      ['interview.mp4', 'failed', 'cancelled before it was finished: scan again to finish it'],
      ['later.mp4', 'failed', 'cancelled before it started: scan again to do it'],
    ]);
    const store = new Database(db, { readonly: true });
    try {
      expect(store.prepare('SELECT status, error FROM analyses').all()).toEqual([{ status: 'failed', error: 'cancelled before it finished' }]);
    } finally {
      store.close();
    }
    expect((await runCli(['verify', '--db', db])).code).toBe(0);
  });
});
