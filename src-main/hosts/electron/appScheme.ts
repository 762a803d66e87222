import type { Protocol } from 'electron';

/**
 * Our pages and our media are served from one privileged custom scheme, never
 * from file:// or the network: `micromoment://app/index.html` for the renderer,
 * `micromoment://app/media/...` for media by id. Media share the app's origin,
 * so the renderer uses the same relative URLs (`./media/original/<id>`) as under
 * the loopback host, and the CSP needs no other source.
 */
export const APP_SCHEME = 'micromoment';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before the app is ready. standard: URLs resolve like http (relative
 * paths, an origin); secure: a secure context; supportFetchAPI: fetch() works;
 * stream: <video> can stream byte ranges. No bypassCSP, no service workers.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** True for a URL of our own origin (compared by parts: URL.origin is "null" for custom schemes outside Electron). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
