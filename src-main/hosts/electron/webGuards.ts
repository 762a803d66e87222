import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appScheme.js';

/**
 * The window may load our own origin and nothing else: no remote content, no
 * file://, no navigation away, no new windows, no <webview>, no downloads, and
 * no permission (camera, microphone, notifications, geolocation, HID, serial,
 * USB, clipboard reads, …) is ever granted. Evidence viewed in the window must
 * never be exposed to code that does not belong there. The one download allowed
 * is a file the window itself made in memory (a report it exported, a blob: of
 * our origin), saved where `saveTo` says (saveDownload.ts asks the analyst and
 * refuses a path that would destroy the case).
 */

/**
 * URLs a page of ours may request: our origin, in-memory data:/blob: made by the
 * page itself, and Chromium's own devtools:// (devtools exist only in unpackaged runs).
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith('data:') || url.startsWith('blob:micromoment://app/') || url.startsWith('devtools://');
}

/** A download the window may start: only bytes it made itself (blob: of our origin), such as an exported report. */
export function isAllowedDownloadUrl(url: string): boolean {
  return url.startsWith('blob:micromoment://app/');
}

/** Applied to every web contents the app creates (app 'web-contents-created'). */
export function guardWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

/** Applied to the session of the window before anything loads. `saveTo` gives an allowed download's path, or null to cancel it. */
export function hardenSession(session: GuardedSession, saveTo: (suggestedName: string) => string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  // The path must be set during this event, or Electron asks with its own dialog and writes unchecked.
  session.on('will-download', (event, item) => {
    if (!isAllowedDownloadUrl(item?.getURL?.() ?? '')) return event.preventDefault();
    const file = saveTo(item.getFilename());
    if (file) item.setSavePath(file);
    else event.preventDefault();
  });
}
