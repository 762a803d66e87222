// Attack: writes from another site on the same machine. Any page open in the
// analyst's browser (say one served from http://127.0.0.1:<another port>) can send
// requests to the loopback host, and the browser adds the host's cookie to them:
// ports do not separate sites, so SameSite=Strict does not stop it. A no-cors
// fetch or an HTML form post of JSON as text/plain once planted an accepted
// annotation under a made-up analyst name.
//
// Promise: the host accepts an API call only from its own window or from a
// program that is not a browser page: never with a foreign or "null" Origin,
// never with Sec-Fetch-Site same-site or cross-site, only as application/json
// and only with the token in a header (X-Micromoment-Token or Bearer), which no
// form and no no-cors request can send. A refused call writes nothing: the
// store, audit log included, is unchanged to the row. Every header combination
// is sent here exactly as a browser or a program would send it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-shared/domain/audit.js';
import { dumpStore } from '../helpers/caseStore.js';
import { startLoopbackCase, type LoopbackCase } from '../helpers/loopbackCase.js';
import { rawRequest } from '../helpers/rawHttp.js';

let app: LoopbackCase;
let cookie: string;

beforeAll(async () => {
  app = await startLoopbackCase();
  // The analyst's browser opens the printed URL once and keeps the cookie it gets.
  const opened = await rawRequest(app.host.port, { path: `/?token=${app.host.token}` });
  cookie = String(opened.headers['set-cookie']).split(';')[0]!;
  expect(cookie).toMatch(/^mm_token_\d+=/);
});
afterAll(() => app?.close());

const own = () => `http://127.0.0.1:${app.host.port}`;
const foreign = () => `http://127.0.0.1:${app.host.port === 65535 ? 65534 : app.host.port + 1}`;

/** A made-up analyst's accepted annotation: the write the attack planted. */
const write = () =>
  JSON.stringify({
    recordingId: app.recordingId,
    analyst: 'Made-up Analyst',
    change: {
      kind: 'manual',
      set: { onsetFrame: 10, apexFrame: 12, offsetFrame: 14, emotion: 'fear', verdict: 'accepted', note: 'planted' },
    },
  });

type Headers = Record<string, string | string[]>;

/** What the window's own client sends (src-renderer/api/client.ts), as Chromium adds to it. */
const fromWindow = (): Headers => ({
  Origin: own(),
  'Sec-Fetch-Site': 'same-origin',
  'Sec-Fetch-Mode': 'cors',
  'Sec-Fetch-Dest': 'empty',
  'Content-Type': 'application/json',
  Cookie: cookie,
  'X-Micromoment-Token': app.host.token,
});
/** What a program sends: no browser headers at all. */
const fromProgram = (): Headers => ({ 'Content-Type': 'application/json', 'X-Micromoment-Token': app.host.token });
/** Another page's fetch(url, { mode: 'no-cors', credentials: 'include', body: JSON }) as Chromium sends it. */
const noCorsFetch = (): Headers => ({
  Origin: foreign(),
  'Sec-Fetch-Site': 'same-site',
  'Sec-Fetch-Mode': 'no-cors',
  'Sec-Fetch-Dest': 'empty',
  'Content-Type': 'text/plain;charset=UTF-8',
  Cookie: cookie,
});
/** Another page's auto-submitted <form method=post>, as Chromium sends it. */
const formPost = (enctype: string): Headers => ({
  Origin: foreign(),
  'Sec-Fetch-Site': 'same-site',
  'Sec-Fetch-Mode': 'navigate',
  'Sec-Fetch-Dest': 'document',
  'Content-Type': enctype,
  Cookie: cookie,
});
const without = (headers: Headers, ...names: string[]): Headers =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => !names.includes(k)));

interface Case {
  name: string;
  headers: () => Headers;
  path?: () => string;
  method?: string;
  status: number;
  message?: RegExp;
}

const accepted: Case[] = [
  { name: 'the window: own Origin, Sec-Fetch-Site same-origin, JSON, token header and cookie', headers: fromWindow, status: 200 },
  { name: 'a program: no Origin, no Sec-Fetch-*, JSON, X-Micromoment-Token', headers: fromProgram, status: 200 },
  {
    name: 'a program with the token as Bearer',
    headers: () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${app.host.token}` }),
    status: 200,
  },
  {
    name: 'a browser without fetch metadata: own Origin, JSON, token header',
    headers: () => without(fromWindow(), 'Sec-Fetch-Site', 'Sec-Fetch-Mode', 'Sec-Fetch-Dest'),
    status: 200,
  },
  {
    name: 'Sec-Fetch-Site none (no page made it), JSON, token header',
    headers: () => ({ ...fromProgram(), 'Sec-Fetch-Site': 'none' }),
    status: 200,
  },
  {
    name: 'application/json; charset=utf-8',
    headers: () => ({ ...fromWindow(), 'Content-Type': 'application/json; charset=utf-8' }),
    status: 200,
  },
];

const refused: Case[] = [
  // Who sent it.
  {
    name: 'a foreign Origin (another port of 127.0.0.1), all else as the window',
    headers: () => ({ ...fromWindow(), Origin: foreign() }),
    status: 403,
    message: /Refused: .*a page of http:\/\/127\.0\.0\.1:\d+/,
  },
  {
    name: 'Origin localhost:<port> (another origin of this host)',
    headers: () => ({ ...fromWindow(), Origin: `http://localhost:${app.host.port}` }),
    status: 403,
  },
  {
    name: 'Origin: null (a sandboxed frame, a file: or data: page)',
    headers: () => ({ ...fromWindow(), Origin: 'null' }),
    status: 403,
    message: /opaque origin/,
  },
  { name: 'Origin sent twice (ours and a foreign one)', headers: () => ({ ...fromWindow(), Origin: [own(), foreign()] }), status: 403 },
  {
    name: 'Sec-Fetch-Site same-site without Origin',
    headers: () => ({ ...without(fromWindow(), 'Origin'), 'Sec-Fetch-Site': 'same-site' }),
    status: 403,
    message: /another site's page \(Sec-Fetch-Site: same-site\)/,
  },
  {
    name: 'Sec-Fetch-Site cross-site without Origin',
    headers: () => ({ ...without(fromWindow(), 'Origin'), 'Sec-Fetch-Site': 'cross-site' }),
    status: 403,
  },
  { name: 'own Origin but Sec-Fetch-Site cross-site', headers: () => ({ ...fromWindow(), 'Sec-Fetch-Site': 'cross-site' }), status: 403 },
  { name: 'an unknown Sec-Fetch-Site value', headers: () => ({ ...fromWindow(), 'Sec-Fetch-Site': 'bogus' }), status: 403 },
  // How it was sent.
  {
    name: 'Content-Type text/plain',
    headers: () => ({ ...fromWindow(), 'Content-Type': 'text/plain;charset=UTF-8' }),
    status: 415,
    message: /must be sent as application\/json/,
  },
  {
    name: 'Content-Type application/x-www-form-urlencoded',
    headers: () => ({ ...fromWindow(), 'Content-Type': 'application/x-www-form-urlencoded' }),
    status: 415,
  },
  {
    name: 'Content-Type multipart/form-data',
    headers: () => ({ ...fromWindow(), 'Content-Type': 'multipart/form-data; boundary=x' }),
    status: 415,
  },
  { name: 'no Content-Type', headers: () => without(fromWindow(), 'Content-Type'), status: 415, message: /without a Content-Type/ },
  { name: 'Content-Type text/json', headers: () => ({ ...fromWindow(), 'Content-Type': 'text/json' }), status: 415 },
  {
    name: "the cookie only: the window's headers without the token header",
    headers: () => without(fromWindow(), 'X-Micromoment-Token'),
    status: 403,
    message: /X-Micromoment-Token header/,
  },
  {
    name: 'the token in ?token= only, JSON',
    headers: () => without(fromProgram(), 'X-Micromoment-Token'),
    path: () => `/api/call/annotations.apply?token=${app.host.token}`,
    status: 403,
  },
  { name: 'GET with the token header', headers: fromProgram, method: 'GET', status: 405 },
  // The attacks as Chromium sends them.
  { name: "another page's no-cors fetch with credentials, JSON as text/plain", headers: noCorsFetch, status: 403 },
  {
    name: 'the same, had the browser sent no fetch metadata',
    headers: () => without(noCorsFetch(), 'Sec-Fetch-Site', 'Sec-Fetch-Mode', 'Sec-Fetch-Dest'),
    status: 403,
  },
  {
    name: 'the same, with neither Origin nor fetch metadata: the cookie alone',
    headers: () => without(noCorsFetch(), 'Origin', 'Sec-Fetch-Site', 'Sec-Fetch-Mode', 'Sec-Fetch-Dest'),
    status: 403,
  },
  { name: "another page's form post, enctype text/plain", headers: () => formPost('text/plain'), status: 403 },
  { name: "another page's form post, urlencoded", headers: () => formPost('application/x-www-form-urlencoded'), status: 403 },
  { name: "another page's form post, multipart", headers: () => formPost('multipart/form-data; boundary=x'), status: 403 },
  // The token.
  { name: 'no token at all, JSON', headers: () => ({ 'Content-Type': 'application/json' }), status: 401 },
  { name: 'a wrong token header with a valid cookie', headers: () => ({ ...fromWindow(), 'X-Micromoment-Token': 'wrong' }), status: 401 },
];

async function annotationCount(): Promise<number> {
  const outcome = await app.dispatch('annotations.list', { recordingId: app.recordingId, analyst: 'Auditor' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.result as { annotations: unknown[] }).annotations.length;
}

async function auditLog(): Promise<AuditEntry[]> {
  const outcome = await app.dispatch('audit.list', { limit: 10_000 });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as AuditEntry[];
}

function send(c: Case) {
  return rawRequest(app.host.port, {
    method: c.method ?? 'POST',
    path: c.path?.() ?? '/api/call/annotations.apply',
    headers: c.headers(),
    body: write(),
  });
}

describe('an API call that writes (annotations.apply), by where it comes from and how it is sent', () => {
  it.each(accepted)('is accepted from $name', async (c) => {
    const [annotations, audit] = [await annotationCount(), await auditLog()];
    const res = await send(c);
    expect(res.status, res.body).toBe(c.status);
    expect(await annotationCount()).toBe(annotations + 1);
    const added = (await auditLog()).slice(audit.length);
    expect(added.map((e) => e.actor)).toEqual(['Made-up Analyst']);
  });

  it.each(refused)('is refused, writing nothing, from $name', async (c) => {
    const [annotations, audit, store] = [await annotationCount(), await auditLog(), dumpStore(app.ctx)];
    const res = await send(c);
    expect(res.status, res.body).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { error } = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(error.message.length).toBeGreaterThan(20);
    if (c.message) expect(error.message).toMatch(c.message);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(await annotationCount()).toBe(annotations);
    expect(await auditLog()).toEqual(audit);
    expect(dumpStore(app.ctx)).toEqual(store);
  });
});
