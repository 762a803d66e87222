import type { BrowserWindowConstructorOptions } from 'electron';

/** The scheme our own pages are served from, and the one for media by id. */
export const APP_SCHEME = 'micromoment';
export const MEDIA_SCHEME = 'micromoment-media';

/** The window's options: isolated, sandboxed, no Node in the page. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    show: true,
    backgroundColor: '#111418',
    title: 'Micromoment',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
