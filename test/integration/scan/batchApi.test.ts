import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events as eventSchemas, methods } from '../../../src-shared/api/contract.js';
import type { BatchStatus } from '../../../src-shared/domain/batch.js';
import { ensureFixtures } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { startServe, type ServeProcess } from '../../helpers/serveProcess.js';
import { doubledClip, openFolder, place, type Fixtures } from './scanFolder.js';

let fixtures: Fixtures;
let serve: ServeProcess;
let token: string;
const received: { event: string; payload: unknown }[] = [];
const stream = new AbortController();
const root = openFolder('mm-batch-api-');
const db = path.join(root, 'case.sqlite');

beforeAll(async () => {
  fixtures = await ensureFixtures();
  serve = await startServe(['--db', db]);
  token = new URL(serve.url).searchParams.get('token')!;
  void listen();
});
afterAll(async () => {
  stream.abort();
  await serve?.stop();
});

/** The server-sent events, as the window receives them. */
async function listen(): Promise<void> {
  const res = await fetch(`${serve.origin}/api/events`, { headers: { Authorization: `Bearer ${token}` }, signal: stream.signal });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) received.push(JSON.parse(data.slice(6)) as { event: string; payload: unknown });
      }
    }
  } catch {
    // aborted at the end
  }
}

async function call<T = BatchStatus>(method: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${serve.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
  return body.result as T;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const analysedFrames = (s: BatchStatus) => s.running.find((f) => f.phase === 'analysing')?.phaseDone;

describe('batch scan through the API (micromoment serve)', () => {
  it('starts, reports progress as events, pauses, resumes and cancels; the app answers meanwhile', async () => {
    const evidence = path.join(root, 'evidence');
    await doubledClip(path.join(evidence, 'a long interview.mp4'));
    place(fixtures.cfr25.path, path.join(evidence, 'b.mp4'));
    place(fixtures.vp9.path, path.join(evidence, 'c.webm'));

    expect(await call('batch.status')).toBeNull();
    const started = await call('batch.start', { paths: [evidence], workers: 1 });
    expect(methods['batch.start'].result.parse(started)).toBeTruthy();
    expect(['discovering', 'running']).toContain(started.state);
    await expect(call('batch.start', { paths: [evidence] })).rejects.toThrow(
      'A scan is already running in this case: wait for it to finish, or cancel it, before starting another.',
    );

    // While a worker analyses, the API still answers: the scan runs beside it, not in its way.
    const analysing = await waitFor('the analysis to start', async () => {
      const s = await call('batch.status');
      return (analysedFrames(s) ?? 0) > 0 ? s : undefined;
    });
    const recordings = await call<unknown[]>('library.list');
    expect(recordings).toHaveLength(1);
    expect((await call('batch.status')).state).toBe('running');
    expect(analysing.files.map((f) => [path.basename(f.path), f.status])).toEqual([
      ['a long interview.mp4', 'running'],
      ['b.mp4', 'queued'],
      ['c.webm', 'queued'],
    ]);

    // Paused: the analysis stops where it is (two readings a second apart agree), and nothing new starts.
    const paused = await call('batch.pause');
    expect(paused.state).toBe('paused');
    const still = await waitFor(
      'the analysis to stand still',
      async () => {
        const first = analysedFrames(await call('batch.status'));
        await new Promise((r) => setTimeout(r, 1000));
        const second = await call('batch.status');
        return first !== undefined && analysedFrames(second) === first ? second : undefined;
      },
      20_000,
    );
    expect(still.counts).toMatchObject({ running: 1, queued: 2 });
    expect(still.framesPerSecond).toBe(0);
    expect(still.etaS).toBeNull();

    const resumed = await call('batch.resume');
    expect(resumed.state).toBe('running');
    await waitFor('the analysis to go on', async () =>
      (analysedFrames(await call('batch.status')) ?? 0) > analysedFrames(still)! ? true : undefined,
    );

    const cancelling = await call('batch.cancel');
    expect(['cancelling', 'cancelled']).toContain(cancelling.state);
    const cancelled = await waitFor('the batch to end', async () => {
      const s = await call('batch.status');
      return s.state === 'cancelled' ? s : undefined;
    });
    expect(cancelled.files.map((f) => [path.basename(f.path), f.status, f.error])).toEqual([
      ['a long interview.mp4', 'cancelled', 'cancelled before it was finished: scan again to finish it'],
      ['b.mp4', 'cancelled', 'cancelled before it started: scan again to do it'],
      ['c.webm', 'cancelled', 'cancelled before it started: scan again to do it'],
    ]);

    // Every event the window got is what the contract declares.
    const ours = received.filter((r) => r.event.startsWith('batch.'));
    expect(ours.some((r) => r.event === 'batch.progress')).toBe(true);
    expect(ours.some((r) => r.event === 'batch.file')).toBe(true);
    for (const r of ours) eventSchemas[r.event as 'batch.progress' | 'batch.file'].parse(r.payload);
    const states = ours.filter((r) => r.event === 'batch.progress').map((r) => (r.payload as { state: string }).state);
    expect(states).toEqual(expect.arrayContaining(['running', 'paused', 'cancelling', 'cancelled']));
    expect(
      ours
        .filter((r) => r.event === 'batch.progress')
        .some((r) => (r.payload as { running: { phase: string }[] }).running.some((f) => f.phase === 'analysing')),
    ).toBe(true);

    // A new batch finishes what was left; the cancelled analysis is closed as failed, not left running.
    await call('batch.start', { paths: [evidence] });
    const finished = await waitFor(
      'the second batch to finish',
      async () => {
        const s = await call('batch.status');
        return s.state === 'finished' ? s : undefined;
      },
      300_000,
    );
    expect(finished.files.map((f) => f.status)).toEqual(['done', 'done', 'done']);
    expect(finished.files[0]!.frames).toBe(1530);
    const store = new Database(db, { readonly: true });
    try {
      expect(store.prepare('SELECT status, error FROM analyses WHERE recording_id = 1 ORDER BY id').all()).toEqual([
        { status: 'failed', error: 'cancelled before it finished' },
        { status: 'complete', error: null },
      ]);
    } finally {
      store.close();
    }
    const verify = await runCli(['verify', '--db', db]);
    expect(verify.code).toBe(0);
  });

  it('refuses bad arguments before anything starts', async () => {
    await expect(call('batch.start', { paths: [] })).rejects.toThrow(/Invalid arguments for batch.start/);
    await expect(call('batch.start', { paths: ['/x'], workers: 0 })).rejects.toThrow(/Invalid arguments for batch.start: workers/);
  });
});
