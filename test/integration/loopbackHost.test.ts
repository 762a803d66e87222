import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher.js';
import { handlers } from '../../src-main/api/handlers.js';
import { createMediaHandler } from '../../src-main/media/mediaHandler.js';
import { storeMediaLookup } from '../../src-main/usecases/mediaLookup.js';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { startLoopbackHost, type LoopbackHost } from '../../src-main/hosts/http/loopbackHost.js';
import { tempCase } from '../helpers/caseStore.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

const original = path.join(realMediaDir, 'cap13_edit2.mp4');
const bytes = fs.readFileSync(original);
let host: LoopbackHost;
let id: number;
const ctx = tempCase();

beforeAll(async () => {
  const result = await importRecording(ctx, original);
  expect(result.status).toBe('imported');
  id = result.id!;
  const staticDir = tempDir('mm-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
  host = await startLoopbackHost({
    dispatch: createDispatcher(ctx, handlers),
    media: createMediaHandler(storeMediaLookup(ctx.db)),
    staticDir,
  });
});
afterAll(async () => {
  await host.close();
  ctx.close();
});

const url = (p: string) => `http://127.0.0.1:${host.port}${p}`;
const auth = () => ({ Authorization: `Bearer ${host.token}` });
/** An API call as a program sends it: the token in a header, the arguments as JSON. */
const apiCall = () => ({ ...auth(), 'Content-Type': 'application/json' });

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers 401 to every path without the token, or with a wrong one', async () => {
    for (const p of ['/', '/index.html', '/api/call/app.info', '/api/events', `/media/original/${id}`, '/nope', '/../../etc/passwd']) {
      expect((await fetch(url(p), { method: p.startsWith('/api/call') ? 'POST' : 'GET' })).status, p).toBe(401);
      expect((await fetch(url(p), { headers: { Authorization: 'Bearer wrong' } })).status, p).toBe(401);
    }
    // One character off (a different one whatever the token ends with: 'x' alone matched 1 token in 64).
    const last = host.token.slice(-1) === 'x' ? 'y' : 'x';
    const offByOne = host.token.slice(0, -1) + last;
    expect(offByOne).not.toBe(host.token);
    expect((await fetch(url('/?token=' + offByOne))).status).toBe(401);
  });

  it('sets a cookie from the token in the URL, which then authorises', async () => {
    const first = await fetch(url(`/?token=${host.token}`));
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await fetch(url('/'), { headers: { Cookie: cookie.split(';')[0]! } });
    expect(again.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example:80', ...auth() } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
    });
    expect(status).toBe(403);
  });

  it('routes a real method through the contract, and validates its arguments', async () => {
    const ok = await fetch(url('/api/call/library.get'), { method: 'POST', headers: apiCall(), body: JSON.stringify({ id }) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { sha256: string } }).result.sha256).toHaveLength(64);
    const bad = await fetch(url('/api/call/library.get'), { method: 'POST', headers: apiCall(), body: JSON.stringify({ id: 'x' }) });
    expect(bad.status).toBe(400);
    const missing = await fetch(url('/api/call/library.get'), { method: 'POST', headers: apiCall(), body: JSON.stringify({ id: 999 }) });
    expect(missing.status).toBe(404);
    const unknown = await fetch(url('/api/call/fs.readFile'), { method: 'POST', headers: apiCall(), body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('serves a registered original with byte ranges', async () => {
    const whole = await fetch(url(`/media/original/${id}`), { headers: auth() });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await fetch(url(`/media/original/${id}`), { headers: { ...auth(), Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await fetch(url(`/media/original/${id}`), { headers: { ...auth(), Range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(true);

    const beyond = await fetch(url(`/media/original/${id}`), { headers: { ...auth(), Range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('serves nothing that is not registered: unknown ids and traversal attempts', async () => {
    const attempts = [
      '/media/original/999',
      '/media/original/0',
      `/media/original/0${id}`,
      '/media/original/-1',
      '/media/original/1.5',
      '/media/original/..%2F..%2F..%2Fetc%2Fpasswd',
      '/media/original/%2e%2e/%2e%2e/etc/passwd',
      `/media/original/${id}/../../../etc/passwd`,
      '/media/../../etc/passwd',
      '/media/proxy/1',
      '/media/original/' + encodeURIComponent(original),
    ];
    for (const p of attempts) {
      const res = await fetch(url(p), { headers: auth() });
      const body = await res.text();
      expect(body, p).not.toMatch(/root:/);
      expect(res.status === 404 || (res.status === 200 && body.includes('<title>ok</title>')), `${p} → ${res.status}`).toBe(true);
    }
  });

  it('keeps static files inside the renderer folder', async () => {
    for (const p of ['/..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/....//....//etc/passwd']) {
      const res = await fetch(url(p), { headers: auth() });
      expect(await res.text(), p).not.toMatch(/root:/);
    }
  });
});
