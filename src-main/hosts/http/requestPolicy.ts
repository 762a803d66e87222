import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_HEADER } from '../../../src-shared/api/loopbackAuth.js';
import type { RouteKind } from './requestTarget.js';
import { presentedToken, tokensMatch } from './tokenAuth.js';

export interface PolicyRequest {
  /** The HTTP method. */
  method: string;
  route: RouteKind;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
}

/** What the host is: its port and the token it made at start. */
export interface HostIdentity {
  port: number;
  token: string;
}

export type PolicyVerdict = { allowed: true } | { allowed: false; status: 401 | 403 | 405 | 415; reason: string };

const ALLOWED: PolicyVerdict = { allowed: true };

/**
 * Who may ask what of the loopback host. Any page open in the analyst's browser
 * can send requests to 127.0.0.1, and the browser adds our cookie to them
 * (another port is the same site), so a request is accepted only when it comes
 * from our own window or from a program that is not a browser page:
 *
 * 1. Host header ours (a foreign name resolved to 127.0.0.1: DNS rebinding) → else 403.
 * 2. Not made by another site's page: Sec-Fetch-Site, when the browser sends it, is
 *    same-origin or none (typed, bookmarked); from another site (cross-site, or
 *    same-site: another port) only a top-level GET of a page is let through (a
 *    link to the window: the other page cannot read what opens). An Origin
 *    header, when present, is exactly ours (never "null") → else 403.
 * 3. The token, in a header, `?token=` or our cookie → else 401.
 * 4. API calls: POST, `application/json`, the token in a header (a cookie or query
 *    alone is refused): no form post nor no-cors fetch of another page can have
 *    both. The event stream: GET. Media and pages: GET or HEAD.
 *
 * Pure: the same request always gets the same verdict.
 */
export function requestPolicy(request: PolicyRequest, host: HostIdentity): PolicyVerdict {
  return checkHost(request, host) ?? checkSite(request) ?? checkToken(request, host) ?? checkShape(request, host) ?? ALLOWED;
}

type Refusal = PolicyVerdict | null;

function checkHost({ headers }: PolicyRequest, { port }: HostIdentity): Refusal {
  const hostHeader = headers.host ?? '';
  if (hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`) return null;
  return refuse(403, `Wrong Host header: this host answers only to 127.0.0.1:${port} and localhost:${port}.`);
}

function checkSite({ method, route, headers }: PolicyRequest): Refusal {
  const own = `http://${headers.host}`;
  const site = single(headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !isTopLevelPageLoad(method, route, headers)) {
    return refuse(
      403,
      `Refused: this request was made by another site's page (Sec-Fetch-Site: ${site}). ` +
        `Only the Micromoment window served from ${own} may use the API, the event stream and media; ` +
        `open the address \`micromoment serve\` printed.`,
    );
  }
  const origin = single(headers.origin);
  if (origin !== undefined && origin !== own) {
    const from = origin === 'null' ? 'a page with an opaque origin (Origin: null)' : `a page of ${origin}`;
    return refuse(403, `Refused: this request was made by ${from}, not by the Micromoment window served from ${own}.`);
  }
  return null;
}

/** A link followed to the window: a GET that loads a page in a tab of its own, which the linking page cannot read. */
function isTopLevelPageLoad(method: string, route: RouteKind, headers: IncomingHttpHeaders): boolean {
  const dest = single(headers['sec-fetch-dest']);
  return (
    route === 'page' &&
    (method === 'GET' || method === 'HEAD') &&
    single(headers['sec-fetch-mode']) === 'navigate' &&
    (dest === undefined || dest === 'document')
  );
}

function checkToken({ headers, query }: PolicyRequest, { port, token }: HostIdentity): Refusal {
  if (tokensMatch(presentedToken(headers, query, port)?.token, token)) return null;
  return refuse(401, 'Unauthorized: open the URL printed by `micromoment serve` (it carries the token).');
}

function checkShape({ method, route, headers, query }: PolicyRequest, { port }: HostIdentity): Refusal {
  switch (route) {
    case 'api-call': {
      if (method !== 'POST') return refuse(405, 'API calls are POST requests.');
      if (presentedToken(headers, query, port)?.via !== 'header') {
        return refuse(
          403,
          `API calls must carry the token in the ${TOKEN_HEADER} header, as the Micromoment window sends it; ` +
            `the cookie alone is accepted only for loading pages and media.`,
        );
      }
      const type = single(headers['content-type']);
      if (mediaType(type) !== 'application/json')
        return refuse(
          415,
          `API calls must be sent as application/json (this one was sent ${type ? `as ${type}` : 'without a Content-Type'}).`,
        );
      return null;
    }
    case 'events':
      return method === 'GET' ? null : refuse(405, 'The event stream is read with GET.');
    case 'media':
    case 'page':
      return method === 'GET' || method === 'HEAD'
        ? null
        : refuse(405, 'Only GET and HEAD are served here; API calls go to POST /api/call/<method>.');
  }
}

/** A header sent twice is joined by Node ("a, b"), which then matches no expected value: refused, as it should be. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]!.trim().toLowerCase();
}

function refuse(status: 401 | 403 | 405 | 415, reason: string): PolicyVerdict {
  return { allowed: false, status, reason };
}
