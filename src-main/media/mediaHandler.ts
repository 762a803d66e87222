import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parseByteRange } from './byteRange.js';

/** What the store says about a media item: only registered items are ever served. */
export interface RegisteredMedia {
  path: string;
  sizeBytes: number;
  contentType: string;
}

/** What a media URL can name: a recording's original, or its verified review proxy. */
export type MediaKind = 'original' | 'proxy';

export type MediaLookup = (kind: MediaKind, id: number) => RegisteredMedia | undefined;

export type MediaHandler = (request: Request) => Promise<Response>;

const ROUTE = /^\/media\/(original|proxy)\/([1-9]\d{0,15})$/;

const GONE: Record<MediaKind, string> = {
  original: 'The recording is no longer at its registered location.',
  proxy: 'The review proxy is no longer in the data folder: make it again.',
};
const CHANGED: Record<MediaKind, string> = {
  original: 'The recording on disk differs in size from what was imported: run micromoment verify.',
  proxy: 'The review proxy on disk differs in size from the one verified: make it again.',
};

/**
 * One handler for media, used as Electron's protocol handler and as the loopback
 * host's route alike. It serves only what the store registered, looked up by id:
 * the window never names a path, so there is nothing to traverse.
 */
export function createMediaHandler(lookup: MediaLookup): MediaHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Only GET and HEAD are served.');
    const route = ROUTE.exec(new URL(request.url).pathname);
    if (!route) return text(404, 'No such media.');
    const kind = route[1] as MediaKind;
    const media = lookup(kind, Number(route[2]));
    if (!media) return text(404, 'No such media.');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(media.path);
    } catch {
      return text(410, GONE[kind]);
    }
    if (stat.size !== media.sizeBytes) return text(409, CHANGED[kind]);

    const base: Record<string, string> = {
      'Content-Type': media.contentType,
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    const range = parseByteRange(request.headers.get('range'), stat.size);
    if (range.kind === 'unsatisfiable') {
      return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${stat.size}` } });
    }
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : stat.size - 1;
    const headers = { ...base, 'Content-Length': String(end - start + 1) };
    if (range.kind === 'partial') Object.assign(headers, { 'Content-Range': `bytes ${start}-${end}/${stat.size}` });
    const status = range.kind === 'partial' ? 206 : 200;
    if (request.method === 'HEAD' || stat.size === 0) return new Response(null, { status, headers });
    // Evidence (and a proxy) is opened read-only ('r'), as everywhere else.
    const body = Readable.toWeb(fs.createReadStream(media.path, { flags: 'r', start, end })) as ReadableStream<Uint8Array>;
    return new Response(body, { status, headers });
  };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

const CONTENT_TYPES: [RegExp, string][] = [
  [/mp4|mov|m4a|3gp/, 'video/mp4'],
  [/webm|matroska/, 'video/webm'],
  [/avi/, 'video/x-msvideo'],
  [/mpeg|mpegts/, 'video/mpeg'],
];

/** A Content-Type from ffprobe's container name. */
export function contentTypeForContainer(container: string): string {
  for (const [pattern, type] of CONTENT_TYPES) if (pattern.test(container)) return type;
  return 'application/octet-stream';
}
