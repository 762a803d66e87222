import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchFile, BatchProgress } from '../../../src-shared/domain/batch.js';
import { createContext, type AppContext } from '../../../src-main/app/context.js';
import { ScanBatch } from '../../../src-main/scan/scanBatch.js';
import type { ScanFileOutcome } from '../../../src-main/scan/scanFile.js';
import { tempDir } from '../../helpers/paths.js';
import { FakeWorker } from '../../helpers/fakeScanWorker.js';

// The coordinator is under test here, with workers faked at the message
// protocol (test/integration/scan/ runs the real worker threads).
const done = (name: string): ScanFileOutcome => ({
  status: 'done',
  sha256: name.padEnd(64, '0').slice(0, 64),
  recordingId: 1,
  frames: 10,
  candidates: 2,
  warning: null,
});
const open: AppContext[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.close();
});

function setUp(names: string[]) {
  const dir = tempDir('mm-batch-');
  for (const n of names) fs.writeFileSync(path.join(dir, n), `bytes of ${n}`);
  const events: { event: string; payload: unknown }[] = [];
  const ctx = createContext({
    dbPath: path.join(dir, 'case.sqlite'),
    analyst: 'tester',
    emit: (event, payload) => events.push({ event, payload }),
  });
  open.push(ctx);
  const fileEvents = () => events.filter((e) => e.event === 'batch.file').map((e) => (e.payload as { file: BatchFile }).file);
  return { dir, ctx, events, fileEvents };
}

const statusesOf = (files: BatchFile[]) => Object.fromEntries(files.map((f) => [path.basename(f.path), f.status]));
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 2));
};

describe('scan batch coordinator', () => {
  it('lets a failing file fail alone, with its reason, and finishes the rest', async () => {
    const { dir, ctx, events } = setUp(['a.mp4', 'b.mp4', 'c.mp4']);
    const batch = new ScanBatch(ctx, {
      roots: [dir],
      workers: 2,
      spawnWorker: () =>
        new FakeWorker(async ({ name }) =>
          name === 'b.mp4'
            ? { status: 'failed', sha256: null, recordingId: null, error: 'not a recording ffmpeg can read (moov atom not found)' }
            : done(name),
        ),
    });
    const status = await batch.start();
    expect(status.state).toBe('finished');
    expect(statusesOf(status.files)).toEqual({ 'a.mp4': 'done', 'b.mp4': 'failed', 'c.mp4': 'done' });
    expect(status.files[1]!.error).toBe('not a recording ffmpeg can read (moov atom not found)');
    expect(status.counts).toMatchObject({ files: 3, done: 2, failed: 1, queued: 0, running: 0 });
    expect(status.ignored).toContainEqual({ path: path.join(dir, 'case.sqlite'), reason: 'the case database this scan writes to' });
    const last = events.filter((e) => e.event === 'batch.progress').at(-1)!.payload as BatchProgress;
    expect(last).toMatchObject({ state: 'finished', fraction: 1, running: [] });
  });

  it('fails the file of a worker that dies, starts another worker, and goes on', async () => {
    const { dir, ctx } = setUp(['a.mp4', 'b.mp4', 'c.mp4']);
    const spawned: FakeWorker[] = [];
    const batch = new ScanBatch(ctx, {
      roots: [dir],
      workers: 1,
      spawnWorker: () => {
        const w = new FakeWorker(async ({ name }) => (name === 'b.mp4' ? 'die' : done(name)));
        spawned.push(w);
        return w;
      },
    });
    const status = await batch.start();
    expect(statusesOf(status.files)).toEqual({ 'a.mp4': 'done', 'b.mp4': 'failed', 'c.mp4': 'done' });
    expect(status.files[1]!.error).toBe('the scan worker stopped unexpectedly (worker crashed on b.mp4); the file was not finished');
    expect(spawned).toHaveLength(2);
    expect(status.state).toBe('finished');
  });

  it('stops, saying why, when its workers cannot start', async () => {
    const { dir, ctx } = setUp(['a.mp4', 'b.mp4']);
    const batch = new ScanBatch(ctx, { roots: [dir], workers: 2, spawnWorker: () => new FakeWorker(async () => 'die', true) });
    const status = await batch.start();
    expect(status.state).toBe('stopped');
    expect(status.error).toBe('The scan stopped: scan workers cannot start: Cannot find module onnxruntime-node');
    expect(status.files.every((f) => f.status === 'cancelled')).toBe(true);
  });

  it('pauses (nothing new starts), resumes, and cancels (running files told, queued ones not started)', async () => {
    const { dir, ctx, fileEvents } = setUp(['a.mp4', 'b.mp4', 'c.mp4']);
    const release = new Map<string, () => void>();
    let worker!: FakeWorker;
    const batch = new ScanBatch(ctx, {
      roots: [dir],
      workers: 1,
      spawnWorker: () =>
        (worker = new FakeWorker(
          ({ name, signal }) =>
            new Promise((resolve) => {
              release.set(name, () => resolve(done(name)));
              signal.addEventListener('abort', () =>
                resolve({
                  status: 'cancelled',
                  sha256: null,
                  recordingId: null,
                  error: 'cancelled before it was finished: scan again to finish it',
                }),
              );
            }),
        )),
    });
    const finished = batch.start();
    await until(() => release.has('a.mp4'));
    batch.pause();
    expect(batch.state).toBe('paused');
    expect(worker.received.map((m) => m.t)).toContain('pause');
    release.get('a.mp4')!();
    await until(() => fileEvents().some((f) => f.status === 'done'));
    await new Promise((r) => setTimeout(r, 20));
    expect(statusesOf(batch.status().files)).toEqual({ 'a.mp4': 'done', 'b.mp4': 'queued', 'c.mp4': 'queued' });
    batch.resume();
    await until(() => release.has('b.mp4'));
    batch.cancel();
    const status = await finished;
    expect(status.state).toBe('cancelled');
    expect(statusesOf(status.files)).toEqual({ 'a.mp4': 'done', 'b.mp4': 'cancelled', 'c.mp4': 'cancelled' });
    expect(status.files[2]!.error).toBe('cancelled before it started: scan again to do it');
    expect(worker.received.filter((m) => m.t === 'cancel')).toEqual([{ t: 'cancel', jobId: 1 }]);
  });

  it('processes two paths with the same bytes one after the other', async () => {
    const { dir, ctx } = setUp(['a.mp4', 'b.mp4']);
    const log: string[] = [];
    const batch = new ScanBatch(ctx, {
      roots: [dir],
      workers: 2,
      spawnWorker: () =>
        new FakeWorker(async ({ name, call }) => {
          await call('claim', 'f'.repeat(64), path.join(dir, name), { size: 1, mtimeMs: 1 });
          log.push(`${name} claimed`);
          await new Promise((r) => setTimeout(r, 30));
          log.push(`${name} finished`);
          return done(name);
        }),
    });
    await batch.start();
    expect(log).toHaveLength(4);
    expect(log[1]).toBe(log[0]!.replace('claimed', 'finished'));
  });
});
