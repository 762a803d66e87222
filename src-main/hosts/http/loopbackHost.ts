import fs from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../../../src-shared/api/contract.js';
import type { Dispatch } from '../../api/dispatcher.js';
import type { MediaHandler } from '../../media/mediaHandler.js';
import { cookieName, newToken } from './tokenAuth.js';
import { resolveStatic } from './staticFiles.js';
import { parseTarget, type Route } from './requestTarget.js';
import { requestPolicy } from './requestPolicy.js';
import { withTokenMeta } from './pageToken.js';

export interface LoopbackHostOptions {
  dispatch: Dispatch;
  media: MediaHandler;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 or absent: a random free port. */
  port?: number;
  token?: string;
}

export interface LoopbackHost {
  port: number;
  token: string;
  /** The URL to open in a browser: it carries the token once, then a cookie does. */
  url: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * The API contract and the renderer over HTTP on 127.0.0.1 only. Every request,
 * to any path, must carry the token generated at start (without it: 401), and
 * must not come from another site's page (requestPolicy.ts says what is
 * accepted from whom). It is a generic adapter: methods are routed to the
 * dispatcher by name.
 */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = options.token ?? newToken();
  const subscribers = new Set<http.ServerResponse>();
  const staticRoot = fs.realpathSync(options.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'failed', message: (err as Error).message } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // Belt and braces for browsers that send no Sec-Fetch-Site: no other origin may embed
    // our responses (<video>, <img>, <script>) nor keep a handle on our window.
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');

    const target = parseTarget(req.url, `http://127.0.0.1:${port}`);
    if (!target.ok) return sendText(res, target.status, target.reason);
    const { url, route } = target;
    const verdict = requestPolicy(
      { method: req.method ?? '', route: route.kind, headers: req.headers, query: url.searchParams },
      { port, token },
    );
    if (!verdict.allowed) return refuse(res, route, verdict.status, verdict.reason);

    if (url.searchParams.has('token')) {
      res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    if (route.kind === 'api-call') return callMethod(req, res, route.method);
    if (route.kind === 'events') return subscribe(req, res);
    if (route.kind === 'media') return serveMedia(req, res, url);
    return serveStatic(res, url.pathname);
  }

  /** A refusal at the gate: JSON for API calls (the window shows the message), plain text elsewhere. */
  function refuse(res: http.ServerResponse, route: Route, status: number, message: string): void {
    if (route.kind !== 'api-call') return sendText(res, status, message);
    return sendJson(res, status, { error: { code: status === 401 || status === 403 ? 'unauthorized' : 'invalid-arguments', message } });
  }

  async function callMethod(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { error: { code: 'invalid-arguments', message: 'Request body too large.' } });
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, { error: { code: 'invalid-arguments', message: 'The request body is not JSON.' } });
    }
    const outcome = await options.dispatch(method, args);
    if (outcome.ok) return sendJson(res, 200, { result: outcome.result });
    const status = { 'invalid-arguments': 400, 'unknown-method': 404, 'not-found': 404, unauthorized: 401, failed: 500 }[
      outcome.error.code
    ];
    return sendJson(res, status, { error: outcome.error });
  }

  function subscribe(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    subscribers.add(res);
    req.on('close', () => subscribers.delete(res));
  }

  async function serveMedia(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const headers = new Headers();
    if (typeof req.headers.range === 'string') headers.set('range', req.headers.range);
    const response = await options.media(new Request(url, { method: req.method ?? 'GET', headers }));
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    if (!response.body) return void res.end();
    const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
    res.on('close', () => body.destroy());
    body.pipe(res);
  }

  async function serveStatic(res: http.ServerResponse, pathname: string): Promise<void> {
    const found = resolveStatic(staticRoot, pathname);
    if (!found) return sendText(res, 404, 'Not found.');
    if (found.type.startsWith('text/html')) {
      // The window's page, with the token its script sends back on API calls; never cached.
      const page = withTokenMeta(await fs.promises.readFile(found.file, 'utf8'), token);
      res.writeHead(200, { 'Content-Type': found.type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(page) });
      return void res.end(page);
    }
    res.writeHead(200, { 'Content-Type': found.type, 'Cache-Control': 'no-store' });
    fs.createReadStream(found.file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    emit(event, payload) {
      const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
      for (const res of subscribers) res.write(frame);
    },
    close() {
      for (const res of subscribers) res.end();
      subscribers.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}
