// Attack: reads from another site on the same machine. A page open in the
// analyst's browser (say on http://127.0.0.1:<another port>, which is the same
// site, so the host's cookie goes along) points <video>/<img>/<script> at the
// evidence, opens an EventSource on the event stream (which carries recording
// names and progress), fetches the window's page to learn the API token, or
// frames the window.
//
// Promise: media, the event stream and the token are given only to the window
// itself. Any request another site's page makes (Sec-Fetch-Site same-site or
// cross-site, or a foreign or "null" Origin) is refused with 403, whatever
// cookie it carries; the one exception is a link followed to the window's page,
// a top-level GET whose result the linking page cannot read. No response ever
// allows another origin to read it (no Access-Control-Allow-Origin), none may be
// embedded by another origin (Cross-Origin-Resource-Policy: same-origin), and
// the page that holds the token is never cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackCase, type LoopbackCase } from '../helpers/loopbackCase.js';
import { rawRequest } from '../helpers/rawHttp.js';

let app: LoopbackCase;
let cookie: string;

beforeAll(async () => {
  app = await startLoopbackCase();
  const opened = await rawRequest(app.host.port, { path: `/?token=${app.host.token}` });
  cookie = String(opened.headers['set-cookie']).split(';')[0]!;
});
afterAll(() => app?.close());

const own = () => `http://127.0.0.1:${app.host.port}`;
const foreign = () => `http://127.0.0.1:${app.host.port === 65535 ? 65534 : app.host.port + 1}`;
const media = () => `/media/original/${app.recordingId}`;
const tokenMeta = () => `<meta name="micromoment-token" content="${app.host.token}" />`;

type Headers = Record<string, string>;
/** Fetch metadata as Chromium sends it. */
const meta = (site: string, mode: string, dest: string): Headers => ({
  'Sec-Fetch-Site': site,
  'Sec-Fetch-Mode': mode,
  'Sec-Fetch-Dest': dest,
});

interface Case {
  name: string;
  path: () => string;
  method?: string;
  headers: () => Headers;
  status: number;
}

const cases: Case[] = [
  // The event stream.
  {
    name: "the window's EventSource",
    path: () => '/api/events',
    headers: () => ({ ...meta('same-origin', 'cors', 'empty'), Cookie: cookie }),
    status: 200,
  },
  {
    name: 'a program reading the events with the token header',
    path: () => '/api/events',
    headers: () => ({ 'X-Micromoment-Token': app.host.token }),
    status: 200,
  },
  {
    name: "another page's EventSource with credentials",
    path: () => '/api/events',
    headers: () => ({ ...meta('same-site', 'cors', 'empty'), Origin: foreign(), Cookie: cookie }),
    status: 403,
  },
  {
    name: 'an EventSource from a cross-site page',
    path: () => '/api/events',
    headers: () => ({ ...meta('cross-site', 'cors', 'empty'), Cookie: cookie }),
    status: 403,
  },
  { name: 'an EventSource with Origin: null', path: () => '/api/events', headers: () => ({ Origin: 'null', Cookie: cookie }), status: 403 },
  {
    name: 'a link from another page to the event stream',
    path: () => '/api/events',
    headers: () => ({ ...meta('same-site', 'navigate', 'document'), Cookie: cookie }),
    status: 403,
  },
  {
    name: 'a POST to the event stream',
    path: () => '/api/events',
    method: 'POST',
    headers: () => ({ ...meta('same-origin', 'cors', 'empty'), Origin: own(), Cookie: cookie }),
    status: 405,
  },
  // Media.
  {
    name: "the window's <video>",
    path: media,
    headers: () => ({ ...meta('same-origin', 'no-cors', 'video'), Cookie: cookie, Range: 'bytes=0-99' }),
    status: 206,
  },
  {
    name: 'the analyst typing a media address',
    path: media,
    headers: () => ({ ...meta('none', 'navigate', 'document'), Cookie: cookie }),
    status: 200,
  },
  {
    name: "another page's <video>",
    path: media,
    headers: () => ({ ...meta('same-site', 'no-cors', 'video'), Cookie: cookie, Range: 'bytes=0-' }),
    status: 403,
  },
  {
    name: "a cross-site page's <img>",
    path: media,
    headers: () => ({ ...meta('cross-site', 'no-cors', 'image'), Cookie: cookie }),
    status: 403,
  },
  {
    name: "another page's fetch of media",
    path: media,
    headers: () => ({ ...meta('same-site', 'cors', 'empty'), Origin: foreign(), Cookie: cookie }),
    status: 403,
  },
  {
    name: 'a link from another page to media',
    path: media,
    headers: () => ({ ...meta('same-site', 'navigate', 'document'), Cookie: cookie }),
    status: 403,
  },
  // The page, which holds the token.
  {
    name: "another page's fetch of the window's page",
    path: () => '/',
    headers: () => ({ ...meta('same-site', 'cors', 'empty'), Origin: foreign(), Cookie: cookie }),
    status: 403,
  },
  {
    name: "another page's no-cors fetch or <script> of the window's page",
    path: () => '/',
    headers: () => ({ ...meta('same-site', 'no-cors', 'script'), Cookie: cookie }),
    status: 403,
  },
  {
    name: 'another page framing the window',
    path: () => '/',
    headers: () => ({ ...meta('same-site', 'navigate', 'iframe'), Cookie: cookie }),
    status: 403,
  },
  {
    name: "another page's form posted to the window's page",
    path: () => '/',
    method: 'POST',
    headers: () => ({ ...meta('same-site', 'navigate', 'document'), Origin: foreign(), Cookie: cookie, 'Content-Type': 'text/plain' }),
    status: 403,
  },
  {
    name: 'a CORS preflight from another page',
    path: () => '/api/call/audit.list',
    method: 'OPTIONS',
    headers: () => ({
      ...meta('same-site', 'cors', 'empty'),
      Origin: foreign(),
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,x-micromoment-token',
    }),
    status: 403,
  },
  {
    name: 'a link from another page to the window (it opens in its own tab)',
    path: () => '/',
    headers: () => ({ ...meta('same-site', 'navigate', 'document'), Cookie: cookie }),
    status: 200,
  },
  {
    name: 'a link from another site carrying the token',
    path: () => `/?token=${app.host.token}`,
    headers: () => meta('cross-site', 'navigate', 'document'),
    status: 200,
  },
  {
    name: 'the analyst opening the printed URL',
    path: () => `/?token=${app.host.token}`,
    headers: () => meta('none', 'navigate', 'document'),
    status: 200,
  },
];

describe('reads of the event stream, media and the page, by who asks', () => {
  it.each(cases)('$name → $status', async (c) => {
    const res = await rawRequest(app.host.port, { method: c.method ?? 'GET', path: c.path(), headers: c.headers() });
    expect(res.status, res.body.slice(0, 300)).toBe(c.status);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    if (c.status >= 400) {
      expect(res.body).not.toContain(app.host.token);
      expect(res.body.length).toBeGreaterThan(20);
    }
  });
});

describe('the token in the page', () => {
  it("is written into the window's page, which is never cached and cannot be framed", async () => {
    const page = await rawRequest(app.host.port, { path: '/', headers: { ...meta('none', 'navigate', 'document'), Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<head>${tokenMeta()}<title>`);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    // The single-page fallback (any unknown path) is the same page.
    expect((await rawRequest(app.host.port, { path: '/review/3', headers: { Cookie: cookie } })).body).toContain(tokenMeta());
  });

  it('is never sent without the token', async () => {
    const res = await rawRequest(app.host.port, { path: '/' });
    expect(res.status).toBe(401);
    expect(res.body).not.toContain(app.host.token);
  });
});
