// Attack: malformed requests to the loopback host: bad percent-encoding
// (`/api/call/%E0%A4%A` made decodeURIComponent throw, and the host answered
// 500), an absolute URL or `*` as the request target, method names that are
// properties of every object (`__proto__`, `constructor`), arguments that are
// not an object, HTTP methods the media route cannot take (TRACE made the
// Request constructor throw), oversized headers, an unparseable request line.
//
// Promise: a request the host cannot make sense of gets a 4xx with a plain
// message saying what is wrong, never a 500 (which would read as a fault of the
// host, and might carry an internal message), and it writes nothing.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpStore } from '../helpers/caseStore.js';
import { startLoopbackCase, type LoopbackCase } from '../helpers/loopbackCase.js';
import { rawRequest, type RawRequest } from '../helpers/rawHttp.js';

let app: LoopbackCase;
let store: ReturnType<typeof dumpStore>;

beforeAll(async () => {
  app = await startLoopbackCase();
  store = dumpStore(app.ctx);
});
afterAll(async () => {
  // Nothing below may have written anything.
  expect(dumpStore(app.ctx)).toEqual(store);
  await app?.close();
});

/** The window's API call headers: anything refused below is refused for what it is, not for who sent it. */
const apiHeaders = () => ({ 'Content-Type': 'application/json', 'X-Micromoment-Token': app.host.token });
const send = (request: RawRequest) => rawRequest(app.host.port, request);

describe('malformed requests get a 4xx with a plain message, never a 500', () => {
  it.each([
    '/api/call/%E0%A4%A',
    '/api/call/%',
    '/api/call/%zz',
    '/api/call/library.list%',
    '/media/%E0%A4%A',
    '/media/original/%C0%AF',
    '/%E0%A4%A',
    '/assets/%FF.js',
  ])('bad percent-encoding in %s → 400', async (path) => {
    const res = await send({ method: path.startsWith('/api/call/') ? 'POST' : 'GET', path, headers: apiHeaders(), body: '{}' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/malformed percent-encoding/);
  });

  it.each(['http://[/', 'http://evil.example/', '*'])('a request target that is not a path (%s) → 400', async (path) => {
    const res = await send({ method: path === '*' ? 'OPTIONS' : 'GET', path, headers: apiHeaders() });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/must name a path/);
  });

  it.each([
    ['__proto__'],
    ['constructor'],
    ['toString'],
    ['hasOwnProperty'],
    ['(empty)', ''],
    ['library.list/x'],
    ['%00'],
    ['2000 letters', 'a'.repeat(2000)],
  ])('a method name that is no method: %s → 404 unknown-method', async (label, name = label) => {
    const res = await send({ method: 'POST', path: `/api/call/${name}`, headers: apiHeaders(), body: '{}' });
    expect(res.status).toBe(404);
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('unknown-method');
  });

  it.each(['', 'null', '{}'])('arguments that are absent (%j) are the empty object', async (body) => {
    const res = await send({ method: 'POST', path: '/api/call/library.list', headers: apiHeaders(), body });
    expect(res.status, res.body).toBe(200);
  });

  it.each([
    ['"x"'],
    ['[]'],
    ['1e999'],
    ['true'],
    ['{"id":"1"}'],
    ['{"id":1e400}'],
    ['{"__proto__":{"id":1}}'],
    ['{'],
    ['not json'],
    ['bytes that are not UTF-8', '\u00ff\u00fe'],
    ['arrays nested 100 000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
  ])('arguments that are not valid: %s → 400', async (label, body = label) => {
    const res = await send({ method: 'POST', path: '/api/call/library.get', headers: apiHeaders(), body });
    expect(res.status, res.body.slice(0, 200)).toBe(400);
    expect((JSON.parse(res.body) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringMatching(/./),
    });
  });

  it.each([
    ['TRACE', '/media/original/<id>'],
    ['PUT', '/media/original/<id>'],
    ['DELETE', '/'],
    ['PATCH', '/index.html'],
    ['DELETE', '/api/events'],
    ['PUT', '/api/call/library.list'],
  ])('%s %s → 405', async (method, path) => {
    const res = await send({
      method,
      path: path.replace('<id>', String(app.recordingId)),
      headers: apiHeaders(),
      body: method === 'TRACE' ? undefined : '{}',
    });
    expect(res.status).toBe(405);
    expect(res.body).toMatch(/GET|POST/);
  });

  it('an oversized header → 431 from Node, before the host sees it', async () => {
    const res = await send({ path: '/', headers: { ...apiHeaders(), Cookie: `x=${'a'.repeat(64 * 1024)}` } });
    expect(res.status).toBe(431);
  });

  it('an unparseable request line → 400 from Node', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(app.host.port, '127.0.0.1', () => socket.write('GET /a b c\r\nHost: x\r\n\r\n'));
      let text = '';
      socket
        .setEncoding('utf8')
        .on('data', (t: string) => {
          text += t;
        })
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it('odd but harmless headers: a garbage Range serves the whole file, a malformed ?token= is simply no token', async () => {
    const whole = await send({ path: `/media/original/${app.recordingId}`, headers: { ...apiHeaders(), Range: 'bytes=%E0-zz' } });
    expect(whole.status).toBe(200);
    expect((await send({ path: '/?token=%E0%A4%A' })).status).toBe(401);
    expect(
      (await send({ path: '/api/call/library.list?token=%', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }))
        .status,
    ).toBe(401);
  });
});
