import fs from 'node:fs';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORED_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
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

/** Where two stored float32 blobs differ (frame, column, both values), bit for bit (NaN included): empty when identical. */
function differingValues(a: Buffer, b: Buffer): { frame: number; column: string; got: number; want: number }[] {
  if (a.equals(b)) return [];
  const x = new Float32Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
  const y = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  const bitsX = new Uint32Array(x.buffer);
  const bitsY = new Uint32Array(y.buffer);
  const out: { frame: number; column: string; got: number; want: number }[] = [];
  if (x.length !== y.length) return [{ frame: -1, column: 'length', got: x.length, want: y.length }];
  for (let i = 0; i < x.length && out.length < 20; i++) {
    if (bitsX[i] !== bitsY[i])
      out.push({
        frame: Math.floor(i / STORED_COLUMNS.length),
        column: STORED_COLUMNS[i % STORED_COLUMNS.length]!,
        got: x[i]!,
        want: y[i]!,
      });
  }
  return out;
}

describe('micromoment scan, killed and run again', () => {
  it(
    'skips what was complete, resumes the interrupted analysis from its last chunk ' +
      'with the rows of an uninterrupted run, and leaves a case that verifies',
    async () => {
      const root = openFolder('mm-resume-');
      const evidence = path.join(root, 'evidence');
      place(fixtures.cfr25.path, path.join(evidence, 'a first.mp4'));
      const long = await doubledClip(path.join(evidence, 'b long.mp4'));
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
      const before = killedAt
        .prepare(
          'SELECT a.status, a.frames_done AS done, r.first_path AS path FROM analyses a JOIN recordings r ON r.id = a.recording_id ORDER BY a.id',
        )
        .all() as { status: string; done: number; path: string }[];
      const firstChunkAtKill = killedAt
        .prepare('SELECT vals, landmarks FROM analysis_chunks WHERE analysis_id = 2 AND chunk_index = 0')
        .get() as { vals: Buffer; landmarks: Buffer };
      killedAt.close();
      expect(before.map((a) => [path.basename(a.path), a.status, a.done])).toEqual([
        ['a first.mp4', 'complete', 50],
        ['b long.mp4', 'running', 1024],
      ]);

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

      // The same file analysed once without interruption, in a case of its own.
      const referenceDb = path.join(root, 'reference.sqlite');
      const reference = await runCli(['scan', long, '--db', referenceDb, '--json']);
      expect(reference.code, reference.stderr).toBe(0);

      const store = new Database(db, { readonly: true });
      const uninterrupted = new Database(referenceDb, { readonly: true });
      try {
        const analyses = store
          .prepare('SELECT id, recording_id AS rec, status, frames_done AS done, error, summary_json FROM analyses ORDER BY id')
          .all() as { id: number; rec: number; status: string; done: number; error: string | null; summary_json: string }[];
        const resumed = analyses.filter((a) => a.rec === 2);
        // Not made afresh: the interrupted analysis itself went on and completed.
        expect(resumed.map((a) => [a.id, a.status, a.done, a.error])).toEqual([[2, 'complete', 1530, null]]);
        const summary = JSON.parse(resumed[0]!.summary_json) as {
          frames: number;
          framesAnalysed: number;
          resumedFromFrame?: number;
          faceFrames: number;
          missingFrames: number;
          framesWithDecodeIssues: number;
          decoderErrors: number;
        };
        // The second run analysed only the frames after the stored chunk.
        expect(summary.framesAnalysed).toBe(1530 - 1024);
        expect(summary.resumedFromFrame).toBe(1024);
        const chunks = store
          .prepare(
            'SELECT chunk_index AS i, first_frame AS first, frame_count AS n, vals, landmarks FROM analysis_chunks WHERE analysis_id = 2 ORDER BY chunk_index',
          )
          .all() as { i: number; first: number; n: number; vals: Buffer; landmarks: Buffer }[];
        expect(chunks.map((c) => [c.i, c.first, c.n])).toEqual([
          [0, 0, 1024],
          [1, 1024, 506],
        ]);
        // The chunk stored before the kill is kept as it was.
        expect(chunks[0]!.vals.equals(firstChunkAtKill.vals) && chunks[0]!.landmarks.equals(firstChunkAtKill.landmarks)).toBe(true);

        // Value for value (every float32 and every landmark bit), the rows of the uninterrupted analysis.
        const ref = uninterrupted.prepare('SELECT id, fingerprint, summary_json FROM analyses').get() as {
          id: number;
          fingerprint: string;
          summary_json: string;
        };
        expect(ref.fingerprint).toBe(
          (store.prepare('SELECT fingerprint FROM analyses WHERE id = 2').get() as { fingerprint: string }).fingerprint,
        );
        const refChunks = uninterrupted
          .prepare(
            'SELECT chunk_index AS i, first_frame AS first, frame_count AS n, vals, landmarks FROM analysis_chunks WHERE analysis_id = ? ORDER BY chunk_index',
          )
          .all(ref.id) as typeof chunks;
        expect(refChunks.map((c) => [c.i, c.first, c.n])).toEqual(chunks.map((c) => [c.i, c.first, c.n]));
        chunks.forEach((c, k) => {
          expect(differingValues(c.vals, refChunks[k]!.vals), `chunk ${k} values`).toEqual([]);
          expect(c.landmarks.equals(refChunks[k]!.landmarks), `chunk ${k} landmarks`).toBe(true);
        });
        const refSummary = JSON.parse(ref.summary_json) as typeof summary;
        expect(refSummary.framesAnalysed).toBe(1530);
        expect(refSummary.resumedFromFrame).toBeUndefined();
        for (const key of ['frames', 'faceFrames', 'missingFrames', 'framesWithDecodeIssues', 'decoderErrors'] as const)
          expect(summary[key], key).toBe(refSummary[key]);
        // The spotter, reading the whole series, finds the same candidates.
        expect(out.recordings[1]!.candidates).toBe(parseScan(reference).recordings[0]!.candidates);

        const actions = store.prepare('SELECT action, after_json FROM audit_log ORDER BY seq').all() as {
          action: string;
          after_json: string;
        }[];
        const resumedEntries = actions
          .filter((a) => a.action === 'analysis.resumed')
          .map((a) => JSON.parse(a.after_json) as { analysisId: number; fromFrame: number; interruptedRunner: string });
        expect(resumedEntries).toEqual([
          {
            analysisId: 2,
            fingerprint: ref.fingerprint,
            fromFrame: 1024,
            interruptedRunner: expect.stringMatching(new RegExp(`#${child.pid}$`)) as unknown,
          },
        ]);
        const completed = actions
          .filter((a) => a.action === 'analysis.completed')
          .map((a) => JSON.parse(a.after_json) as { analysisId: number; resumedFromFrame?: number; framesAnalysedThisRun?: number });
        expect(completed.find((c) => c.analysisId === 2)).toMatchObject({ resumedFromFrame: 1024, framesAnalysedThisRun: 506 });
        expect(actions.filter((a) => a.action === 'analysis.interrupted')).toHaveLength(0);
        expect(actions.filter((a) => a.action === 'analysis.started')).toHaveLength(3);
        expect(actions.filter((a) => a.action === 'recording.imported')).toHaveLength(3);
        expect(store.prepare('SELECT COUNT(*) AS n FROM spotting_runs').get()).toEqual({ n: 3 });
        // Nothing left to resume from once complete.
        expect(store.prepare('SELECT COUNT(*) AS n FROM analysis_resume_points').get()).toEqual({ n: 0 });
      } finally {
        store.close();
        uninterrupted.close();
      }
      const verify = await runCli(['verify', '--db', db]);
      expect(verify.stdout).toMatch(/OK\s+audit log: \d+ entries, chain intact/);
      expect(verify.code).toBe(0);
    },
  );

  it('cancels on Ctrl-C: exit 130, the unfinished file failed with why, its analysis closed, the case consistent', async () => {
    const root = openFolder('mm-sigint-');
    const evidence = path.join(root, 'evidence');
    place(realClip, path.join(evidence, 'interview.mp4'));
    place(fixtures.cfr25.path, path.join(evidence, 'later.mp4'));
    const db = path.join(root, 'case.sqlite');
    const child = spawn(process.execPath, [cliBin, 'scan', evidence, '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !peek<{ id: number }>(db, "SELECT id FROM analyses WHERE status = 'running'"))
      await new Promise((r) => setTimeout(r, 50));
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
      expect(store.prepare('SELECT status, error FROM analyses').all()).toEqual([
        { status: 'failed', error: 'cancelled before it finished' },
      ]);
    } finally {
      store.close();
    }
    expect((await runCli(['verify', '--db', db])).code).toBe(0);
  });
});
