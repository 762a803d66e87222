// The Electron shell, kept thin: a window, a media scheme and the API over IPC.
// Everything it shows comes from the same dispatcher and media handler as the
// loopback host, so it is tested there; this file only wires them to Electron.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, net } from 'electron';
import { createContext } from '../../app/context.js';
import { createDispatcher } from '../../api/dispatcher.js';
import { handlers } from '../../api/handlers.js';
import { createMediaHandler } from '../../media/mediaHandler.js';
import { storeMediaLookup } from '../../library/mediaLookup.js';
import { packageRoot, resolveAnalyst, resolveDbPath } from '../../config/paths.js';
import { isOwnWindowFrame, registerApiHandlers, sendApiEvent } from './ipcBridge.js';
import { windowOptions, APP_SCHEME, MEDIA_SCHEME } from './windowOptions.js';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const root = packageRoot();
  const ctx = createContext({
    dbPath: resolveDbPath(undefined),
    analyst: resolveAnalyst(undefined),
    emit: (event, payload) => { if (mainWindow) sendApiEvent(mainWindow.webContents, event, payload); },
  });
  const dispatch = createDispatcher(ctx, handlers);
  const appOrigin = `${APP_SCHEME}://app`;
  registerApiHandlers(ipcMain, dispatch, (event) => isOwnWindowFrame(event, () => mainWindow?.webContents, appOrigin));

  const media = createMediaHandler(storeMediaLookup(ctx.db));
  protocol.handle(MEDIA_SCHEME, (request) => media(request));
  const rendererDir = path.join(root, 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => {
    const { pathname } = new URL(request.url);
    const file = path.join(rendererDir, path.posix.normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    return net.fetch(`file://${file}`);
  });

  mainWindow = new BrowserWindow(windowOptions(path.join(root, 'dist', 'src-main', 'hosts', 'electron', 'preload.cjs')));
  mainWindow.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  mainWindow.webContents.on('will-navigate', (event, url) => { if (!url.startsWith(appOrigin)) event.preventDefault(); });
  mainWindow.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  await mainWindow.loadURL(`${appOrigin}/index.html`);
  app.on('window-all-closed', () => {
    ctx.close();
    app.quit();
  });
}
