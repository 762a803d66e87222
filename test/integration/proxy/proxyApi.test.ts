/**
 * Proxies through the API and the media route, as a host runs them: imports
 * queue what they need in the background, events report it, library.get says
 * what the player should load, and /media/proxy/<id> serves byte ranges.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, MethodResult } from '../../../src-shared/api/contract.js';
import { createContext } from '../../../src-main/app/context.js';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { handlers } from '../../../src-main/api/handlers.js';
import { createMediaHandler } from '../../../src-main/media/mediaHandler.js';
import { storeMediaLookup } from '../../../src-main/usecases/mediaLookup.js';
import { resolveProxyPath } from '../../../src-main/proxy/proxyFiles.js';
import { proxyQueueFor, startBackgroundProxies } from '../../../src-main/proxy/proxyQueue.js';
import { latestReadyProxy } from '../../../src-main/store/proxiesRepo.js';
import { startLoopbackHost, type LoopbackHost } from '../../../src-main/hosts/http/loopbackHost.js';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../../fixtures/generate.js';
import { tempDir } from '../../helpers/paths.js';

const dir = tempDir('mm-proxyapi-');
const dataDir = path.join(dir, 'data');
const seen: { event: EventName; payload: Record<string, unknown> }[] = [];
const ctx = createContext({
  dbPath: path.join(dir, 'case.sqlite'),
  analyst: 'api-test',
  emit: (event, payload) => seen.push({ event, payload: payload as Record<string, unknown> }),
});
const dispatch = createDispatcher(ctx, handlers);
let fixtures: Record<FixtureName, FixtureInfo>;
let host: LoopbackHost;

async function call<T>(method: string, args: unknown): Promise<T> {
  const outcome = await dispatch(method, args);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as T;
}
type Entry = MethodResult<'library.get'>;

beforeAll(async () => {
  fixtures = await ensureFixtures();
  const staticDir = tempDir('mm-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
  host = await startLoopbackHost({ dispatch, media: createMediaHandler(storeMediaLookup(ctx.db, dataDir)), staticDir });
  startBackgroundProxies(ctx, dataDir);
});
afterAll(async () => {
  await proxyQueueFor(ctx).close();
  await host.close();
  ctx.close();
});

const media = (p: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${host.port}${p}`, { headers: { Authorization: `Bearer ${host.token}`, ...headers } });

describe('proxies through the API', () => {
  let mpeg2: number;
  let cfr25: number;

  it('an import through a host queues the proxies the new recordings need, and reports progress and state', async () => {
    const results = await call<{ id: number; status: string }[]>('library.import', { paths: [fixtures.mpeg2.path, fixtures.cfr25.path] });
    [mpeg2, cfr25] = results.map((r) => r.id) as [number, number];
    const waiting = await call<Entry>('library.get', { id: mpeg2 });
    expect(['queued', 'making', 'ready']).toContain(waiting.proxy.status);
    expect(waiting.proxy.reasons.map((r) => r.code)).toEqual(['container', 'codec']);
    await proxyQueueFor(ctx).idle();
    const states = seen.filter((e) => e.event === 'proxy.state' && e.payload.recordingId === mpeg2).map((e) => e.payload.status);
    expect(states).toEqual(['queued', 'making', 'ready']);
    const phases = new Set(seen.filter((e) => e.event === 'proxy.progress' && e.payload.recordingId === mpeg2).map((e) => e.payload.phase));
    expect(phases).toEqual(new Set(['encoding', 'checking-original', 'verifying']));
    expect(seen.some((e) => e.event.startsWith('proxy.') && e.payload.recordingId === cfr25)).toBe(false);
  });

  it('library.get and library.list tell the player what to load, and whether it is a proxy', async () => {
    const entry = await call<Entry>('library.get', { id: mpeg2 });
    expect(entry.proxy).toMatchObject({ status: 'ready', error: null });
    expect(entry.proxy.sizeBytes).toBeGreaterThan(0);
    expect(entry.playback).toEqual({
      source: 'proxy',
      isProxy: true,
      path: `/media/proxy/${mpeg2}`,
      contentType: 'video/mp4',
      firstFrameMediaTimeS: 0,
      playable: true,
    });
    const plain = await call<Entry>('library.get', { id: cfr25 });
    expect(plain.proxy).toEqual({ status: 'not-needed', reasons: [], error: null, sizeBytes: null, madeAt: null });
    expect(plain.playback).toEqual({
      source: 'original',
      isProxy: false,
      path: `/media/original/${cfr25}`,
      contentType: 'video/mp4',
      firstFrameMediaTimeS: 0,
      playable: true,
    });
    const list = await call<Entry[]>('library.list', {});
    expect(list.map((e) => [e.id, e.playback.source])).toEqual([
      [mpeg2, 'proxy'],
      [cfr25, 'original'],
    ]);
  });

  it('serves the proxy by id with byte ranges, read from the data folder', async () => {
    const file = resolveProxyPath(dataDir, latestReadyProxy(ctx.db, mpeg2)!.relPath!)!;
    const bytes = fs.readFileSync(file);
    const whole = await media(`/media/proxy/${mpeg2}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await media(`/media/proxy/${mpeg2}`, { Range: 'bytes=100-1099' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);
    const tail = await media(`/media/proxy/${mpeg2}`, { Range: 'bytes=-16' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 16))).toBe(true);
  });

  it('serves no proxy where none is ready, and never a path', async () => {
    expect((await media(`/media/proxy/${cfr25}`)).status).toBe(404);
    expect((await media('/media/proxy/999')).status).toBe(404);
    for (const p of [
      '/media/proxy/0',
      '/media/proxy/x',
      `/media/proxy/${mpeg2}/x`,
      `/media/proxy/${mpeg2}.mp4`,
      '/media/proxy/%2e%2e%2fcase.sqlite',
      `/media/proxies/${mpeg2}`,
    ]) {
      expect((await media(p)).status, p).toBe(404);
    }
  });

  it('proxy.make: nothing for a recording that plays well, one when forced; an unknown id is not found', async () => {
    expect(await call('proxy.make', { id: cfr25 })).toMatchObject({ status: 'not-needed' });
    expect(await call('proxy.make', { id: mpeg2 })).toMatchObject({ status: 'ready' });
    const queued = await call<{ status: string }>('proxy.make', { id: cfr25, force: true });
    expect(['queued', 'making']).toContain(queued.status);
    await proxyQueueFor(ctx).idle();
    expect((await call<Entry>('library.get', { id: cfr25 })).playback).toMatchObject({ source: 'proxy', isProxy: true });
    const missing = await dispatch('proxy.make', { id: 999 });
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: 'No recording with id 999 in this case.' } });
  });

  it('an MPEG-2 original waiting for its proxy is reported as not playable, at its own first timestamp', async () => {
    const fresh = createContext({ dbPath: path.join(tempDir('mm-proxyapi2-'), 'case.sqlite'), analyst: 'api-test' });
    const freshDispatch = createDispatcher(fresh, handlers);
    const [imported] = ((await freshDispatch('library.import', { paths: [fixtures.mpeg2.path] })) as { ok: true; result: { id: number }[] })
      .result;
    // No host started background proxies here: nothing is queued on its own.
    const entry = ((await freshDispatch('library.get', { id: imported!.id })) as { ok: true; result: Entry }).result;
    expect(entry.proxy.status).toBe('needed');
    expect(entry.playback).toEqual({
      source: 'original',
      isProxy: false,
      path: `/media/original/${imported!.id}`,
      contentType: 'video/mpeg',
      firstFrameMediaTimeS: 0.54,
      playable: false,
    });
    fresh.close();
  });
});
