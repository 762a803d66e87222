import crypto from 'node:crypto';
import type http from 'node:http';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function cookieName(port: number): string {
  // Cookies are shared by every port of a host: name ours after the port.
  return `mm_token_${port}`;
}

/** The token a request carries: header, query parameter or our cookie. */
export function presentedToken(req: http.IncomingMessage, url: URL, port: number): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-micromoment-token'];
  if (typeof header === 'string') return header;
  const query = url.searchParams.get('token');
  if (query) return query;
  const cookies = req.headers.cookie ?? '';
  const name = cookieName(port);
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

export function tokensMatch(presented: string | null, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
