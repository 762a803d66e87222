import fs from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../../../src-shared/api/contract.js';
import type { Dispatch } from '../../api/dispatcher.js';
import type { MediaHandler } from '../../media/mediaHandler.js';
import { cookieName, newToken, presentedToken, tokensMatch } from './tokenAuth.js';
import { resolveStatic } from './staticFiles.js';

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

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * The API contract and the renderer over HTTP on 127.0.0.1 only. Every request,
 * to any path, must carry the token generated at start; without it: 401.
 * It is a generic adapter: methods are routed to the dispatcher by name.
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
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // A page on another site could resolve its own name to 127.0.0.1 (DNS rebinding): accept only our names.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendText(res, 403, 'Wrong Host header.');
    if (!tokensMatch(presentedToken(req, url, port), token)) return sendText(res, 401, 'Unauthorized: open the URL printed by `micromoment serve` (it carries the token).');

    if (url.searchParams.has('token')) {
      res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');

    if (url.pathname.startsWith('/api/call/')) return callMethod(req, res, decodeURIComponent(url.pathname.slice('/api/call/'.length)));
    if (url.pathname === '/api/events') return subscribe(req, res);
    if (url.pathname.startsWith('/media/')) return serveMedia(req, res, url);
    return serveStatic(res, url.pathname);
  }

  async function callMethod(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'failed', message: 'API calls are POST requests.' } });
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
    const status = { 'invalid-arguments': 400, 'unknown-method': 404, 'not-found': 404, unauthorized: 401, failed: 500 }[outcome.error.code];
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

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const found = resolveStatic(staticRoot, pathname);
    if (!found) return sendText(res, 404, 'Not found.');
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
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}
