import { BrowserWindow } from 'electron';
import { MIN_SIZE, type WindowPlacement } from './windowPlacement.js';

/**
 * The one window. Its web preferences are written out here, literally, so that
 * a reader (and electronegativity) sees every one at the place the window is made:
 * the page runs isolated from the preload, sandboxed, without Node, with web
 * security, and may not drag itself to a dropped file, open <webview>s or turn
 * on experimental or insecure features. Devtools exist only in unpackaged runs.
 * Spellcheck is off: Chromium would download dictionaries.
 */
export function createMainWindow(preload: string, placement: WindowPlacement, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#111418',
    title: 'Micromoment',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in new windows (refused anyway by webGuards).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools,
    },
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  return window;
}
