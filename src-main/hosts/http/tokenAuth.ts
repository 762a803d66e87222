import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function cookieName(port: number): string {
  // Cookies are shared by every port of a host: name ours after the port.
  return `mm_token_${port}`;
}

/**
 * Where a request carries the token. Only a header proves that the window's own
 * script made the request: the query parameter comes from the opened URL, and
 * the browser adds the cookie to any request to our address, whoever makes it.
 */
export type TokenCarrier = 'header' | 'query' | 'cookie';

export interface PresentedToken {
  token: string;
  via: TokenCarrier;
}

/** The token a request carries: X-Micromoment-Token or Bearer header, `?token=`, or our cookie (in that order). */
export function presentedToken(headers: IncomingHttpHeaders, query: URLSearchParams, port: number): PresentedToken | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'header' };
  const header = headers['x-micromoment-token'];
  if (typeof header === 'string') return { token: header, via: 'header' };
  const fromQuery = query.get('token');
  if (fromQuery) return { token: fromQuery, via: 'query' };
  const name = cookieName(port);
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return { token: v.join('='), via: 'cookie' };
  }
  return null;
}

export function tokensMatch(presented: string | null | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
