import fs from 'node:fs';
import type { MediaHandler } from '../../media/mediaHandler.js';
import { resolveStatic } from '../http/staticFiles.js';
import { APP_HOST } from './appScheme.js';
import { APP_CSP } from './contentSecurityPolicy.js';

/**
 * The handler of the app scheme: `/media/...` goes to the shared media handler
 * (byte ranges, registered ids only, never a path from the window); any other
 * path is a file of the built renderer, resolved so that it can never leave that
 * folder, and sent with the CSP. Only GET and HEAD; only our host.
 */
export function createAppProtocolHandler(options: { rendererDir: string; media: MediaHandler }): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Only GET and HEAD are served.');
    if (url.pathname.startsWith('/media/')) return options.media(request);
    const found = resolveStatic(options.rendererDir, url.pathname);
    if (!found) return text(404, 'Not found.');
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(found.file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': found.type,
        'Content-Security-Policy': APP_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      },
    });
  };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}
