/**
 * Proxies that must not be used: the original vanishing or changing while the
 * proxy is made, a proxy whose frames do not match, an original that is gone,
 * and a job the app stops. Each ends cleanly: nothing half-written left, the
 * failure recorded with its reason, the original served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../src-shared/api/contract.js';
import { createContext, type AppContext } from '../../../src-main/app/context.js';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { INTERRUPTED_PREFIX, makeProxy } from '../../../src-main/proxy/makeProxy.js';
import { proxyFolder } from '../../../src-main/proxy/proxyFiles.js';
import { proxyQueueFor, startBackgroundProxies } from '../../../src-main/proxy/proxyQueue.js';
import { recordingEntry } from '../../../src-main/proxy/proxyState.js';
import { storeMediaLookup } from '../../../src-main/usecases/mediaLookup.js';
import { listAudit, verifyAuditChain } from '../../../src-main/store/auditLog.js';
import { latestProxy } from '../../../src-main/store/proxiesRepo.js';
import { getRecording } from '../../../src-main/store/recordingsRepo.js';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../../fixtures/generate.js';
import { fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { tempDir } from '../../helpers/paths.js';
import { fingerprint } from './proxyChecks.js';

/** One temporary folder for the whole file (each tempDir registers an exit hook), a fresh subfolder per use. */
const base = tempDir('mm-proxyfail-');
const freshDir = (prefix: string) => fs.mkdtempSync(path.join(base, prefix));

let fixtures: Record<FixtureName, FixtureInfo>;
/** 20 s of 640x360 MPEG-2 in MPEG-PS: a few seconds to encode, so it can be disturbed midway. */
let longClip: string;

beforeAll(async () => {
  fixtures = await ensureFixtures();
  longClip = path.join(freshDir('long-'), 'long.mpg');
  await runFfmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360:rate=25:duration=20',
    '-c:v',
    'mpeg2video',
    '-q:v',
    '4',
    '-g',
    '12',
    '-bf',
    '2',
    '-f',
    'mpeg',
    fileArg(longClip),
  ]);
});

type Seen = { event: EventName; payload: unknown }[];

/** A case with its own data folder that records events and can react to them. */
function eventCase(
  dir = freshDir('case-'),
  onEvent?: (event: EventName, payload: unknown) => void,
): AppContext & { dataDir: string; dir: string; seen: Seen } {
  const seen: Seen = [];
  const ctx = createContext({
    dbPath: path.join(dir, 'case.sqlite'),
    analyst: 'proxy-test',
    emit: (event, payload) => {
      seen.push({ event, payload });
      onEvent?.(event, payload);
    },
  });
  return Object.assign(ctx, { dataDir: path.join(dir, 'data'), dir, seen });
}

function copyOf(file: string): string {
  const copy = path.join(freshDir('orig-'), path.basename(file));
  fs.copyFileSync(file, copy);
  return copy;
}

/** What must hold after any failed attempt. */
function expectCleanFailure(ctx: AppContext & { dataDir: string }, id: number, reason: RegExp): void {
  const row = latestProxy(ctx.db, id)!;
  expect(row.status).toBe('failed');
  expect(row.error).toMatch(reason);
  expect(row.relPath).toBeNull();
  const folder = proxyFolder(ctx.dataDir);
  expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
  const audit = listAudit(ctx.db).filter((e) => e.target === `recording:${id}`);
  expect(audit.map((e) => e.action).slice(-2)).toEqual(['proxy.started', 'proxy.failed']);
  expect((audit[audit.length - 1]!.after as { error: string }).error).toBe(row.error);
  expect(verifyAuditChain(ctx.db).problems).toEqual([]);
  // Nothing to serve as a proxy; the window is told to play the original.
  expect(storeMediaLookup(ctx.db, ctx.dataDir)('proxy', id)).toBeUndefined();
  const entry = recordingEntry(ctx, getRecording(ctx.db, id)!);
  expect(entry.proxy).toMatchObject({ status: 'failed', error: row.error });
  expect(entry.playback).toMatchObject({ source: 'original', isProxy: false, path: `/media/original/${id}` });
}

const firstEncodingProgress = (event: EventName, payload: unknown) =>
  event === 'proxy.progress' &&
  (payload as EventPayload<'proxy.progress'>).phase === 'encoding' &&
  (payload as EventPayload<'proxy.progress'>).done > 0;

describe('a proxy that must not be used', () => {
  it('the original is deleted while it is being encoded: clean failure', async () => {
    const original = copyOf(longClip);
    let deletedAtFrame = -1;
    const ctx = eventCase(undefined, (event, payload) => {
      if (deletedAtFrame < 0 && firstEncodingProgress(event, payload)) {
        deletedAtFrame = (payload as EventPayload<'proxy.progress'>).done;
        fs.rmSync(original);
      }
    });
    const { id } = await importRecording(ctx, original);
    const outcome = await makeProxy(ctx, id!, { dataDir: ctx.dataDir });
    expect(deletedAtFrame).toBeGreaterThan(0);
    expect(deletedAtFrame).toBeLessThan(getRecording(ctx.db, id!)!.frames);
    expect(outcome).toMatchObject({ status: 'failed' });
    expectCleanFailure(ctx, id!, /the original disappeared while the proxy was being made/);
    expect(ctx.seen.filter((e) => e.event === 'proxy.state').map((e) => (e.payload as { status: string }).status)).toEqual([
      'making',
      'failed',
    ]);
    ctx.close();
  });

  it('the original is cut short while it is being encoded: clean failure', async () => {
    const original = copyOf(longClip);
    let truncated = false;
    const ctx = eventCase(undefined, (event, payload) => {
      if (!truncated && firstEncodingProgress(event, payload)) {
        truncated = true;
        fs.truncateSync(original, Math.floor(fs.statSync(original).size / 3));
      }
    });
    const { id } = await importRecording(ctx, original);
    const outcome = await makeProxy(ctx, id!, { dataDir: ctx.dataDir });
    expect(truncated).toBe(true);
    expect(outcome).toMatchObject({ status: 'failed' });
    expectCleanFailure(ctx, id!, /the original changed while the proxy was being made|verification failed/);
    ctx.close();
  });

  it("a proxy whose frame table differs from the original's is deleted and the difference recorded", async () => {
    const ctx = eventCase();
    const before = fingerprint(fixtures.mpeg2.path);
    const { id } = await importRecording(ctx, fixtures.mpeg2.path);
    // Move frame 3 of the stored table by one tick: the encode is right, the table it must match is not.
    const row = ctx.db.prepare('SELECT pts_ticks FROM frame_tables WHERE recording_id = ?').get(id) as { pts_ticks: Buffer };
    const ticks = Buffer.from(row.pts_ticks);
    ticks.writeBigInt64LE(ticks.readBigInt64LE(3 * 8) + 1n, 3 * 8);
    ctx.db.prepare('UPDATE frame_tables SET pts_ticks = ? WHERE recording_id = ?').run(ticks, id);
    const outcome = await makeProxy(ctx, id!, { dataDir: ctx.dataDir });
    expect(outcome).toMatchObject({ status: 'failed' });
    expectCleanFailure(
      ctx,
      id!,
      /^verification failed: its frame table differs from the original's: frame 3 is at 0\.120000 s in the proxy but 0\.120011 s after frame 0/,
    );
    expect(fingerprint(fixtures.mpeg2.path)).toEqual(before);
    ctx.close();
  });

  it('an original that is gone before it starts: clean failure that says what to do', async () => {
    const original = copyOf(fixtures.mjpeg.path);
    const ctx = eventCase();
    const { id } = await importRecording(ctx, original);
    fs.rmSync(original);
    const outcome = await makeProxy(ctx, id!, { dataDir: ctx.dataDir });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/reconnect the evidence drive/) });
    expectCleanFailure(ctx, id!, /not at any of its known locations/);
    ctx.close();
  });

  it('a job stopped by the app is recorded as interrupted, and the next start makes it again', async () => {
    const dir = freshDir('resume-');
    const original = copyOf(longClip);
    const first = eventCase(dir, (event, payload) => {
      if (firstEncodingProgress(event, payload)) void proxyQueueFor(first, first.dataDir).close();
    });
    const { id } = await importRecording(first, original);
    const outcome = await proxyQueueFor(first, first.dataDir).enqueue(id!);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining(INTERRUPTED_PREFIX) });
    expectCleanFailure(first, id!, /^interrupted: /);
    first.close();

    // The host starts again on the same case: the interrupted proxy is queued on its own.
    const second = eventCase(dir);
    const queue = startBackgroundProxies(second, second.dataDir);
    expect(queue.statusOf(id!)).toMatch(/queued|making/);
    await queue.idle();
    expect(latestProxy(second.db, id!)).toMatchObject({ status: 'ready', error: null });
    expect(recordingEntry(second, getRecording(second.db, id!)!).playback).toMatchObject({
      source: 'proxy',
      isProxy: true,
      path: `/media/proxy/${id}`,
      firstFrameMediaTimeS: 0,
    });
    second.close();
  });

  it('a proxy deleted from the data folder is no longer served, and the next start makes it again', async () => {
    const dir = freshDir('gone-');
    const ctx = eventCase(dir);
    const { id } = await importRecording(ctx, fixtures.mpeg2.path);
    const made = await makeProxy(ctx, id!, { dataDir: ctx.dataDir });
    expect(made.status).toBe('ready');
    fs.rmSync(proxyFolder(ctx.dataDir), { recursive: true });
    const entry = recordingEntry(ctx, getRecording(ctx.db, id!)!);
    expect(entry.proxy).toMatchObject({ status: 'needed', error: expect.stringMatching(/no longer in the data folder/) });
    expect(entry.playback).toMatchObject({ source: 'original', playable: false });
    ctx.close();
    const again = eventCase(dir);
    const queue = startBackgroundProxies(again, again.dataDir);
    await queue.idle();
    expect(recordingEntry(again, getRecording(again.db, id!)!).proxy.status).toBe('ready');
    again.close();
  });
});
