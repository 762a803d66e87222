// The Electron main process, kept thin: it wires Electron to parts that each do
// one job (scheme and protocol, guards, window and its placement, menus and
// dialogs, single instance, the IPC bridge) and forwards every API call to the
// backend process, where the handlers run. Nothing here knows a recording.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, protocol, screen, session, utilityProcess, type BrowserWindow } from 'electron';
import { createMediaHandler } from '../../media/mediaHandler.js';
import { storeMediaLookup } from '../../usecases/mediaLookup.js';
import { openStore, type Db } from '../../store/openStore.js';
import { dataDir, packageRoot, resolveDbPath } from '../../config/paths.js';
import { APP_SCHEME, APP_START_URL, APP_ORIGIN, registerAppScheme } from './appScheme.js';
import { createAppProtocolHandler } from './appProtocol.js';
import { createBackendClient } from './backend/backendClient.js';
import { forkBackend } from './backend/forkBackend.js';
import { registerDropHandler } from './dropBridge.js';
import { isOwnWindowFrame, registerApiHandlers, sendApiEvent } from './ipcBridge.js';
import { createMainWindow } from './mainWindow.js';
import { buildMenuTemplate } from './menu.js';
import { createMenuActions } from './menuActions.js';
import { commandsForPaths, pathsFromArgv, sendMenuCommand } from './sendMenuCommand.js';
import { bringToFront, claimSingleInstance } from './singleInstance.js';
import { guardWebContents, hardenSession } from './webGuards.js';
import { chooseSavePath } from './saveDownload.js';
import { refuseProtectedOutput } from '../../usecases/outputGuard.js';
import { allLocationPaths } from '../../store/recordingsRepo.js';
import { placeWindow } from './windowPlacement.js';
import { loadWindowPlacement, trackWindowPlacement } from './windowState.js';
import type { EventName, EventPayload } from '../../../src-shared/api/contract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | undefined;

// Before the app is ready: every renderer sandboxed, our scheme privileged, and
// Electron's own files (window placement, Chromium's caches) in the data folder.
app.enableSandbox();
registerAppScheme(protocol);
app.setPath('userData', path.join(dataDir(), 'electron'));
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (!claimSingleInstance(app, onSecondLaunch)) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Micromoment cannot start', (error as Error).message);
      app.exit(1);
    });
}

function onSecondLaunch(argv: string[], cwd: string): void {
  bringToFront(mainWindow);
  for (const command of commandsForPaths(pathsFromArgv(argv, cwd, app.getAppPath()))) sendMenuCommand(mainWindow?.webContents, command);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, (name) =>
    chooseSavePath(name, {
      dialog,
      window: () => mainWindow,
      refuse: (file) => refuseProtectedOutput(file, { dataDir: dataDir(), caseDb: resolveDbPath(undefined), originals: caseOriginals() }),
    }),
  );
  const send = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (mainWindow) sendApiEvent(mainWindow.webContents, event, payload);
  };
  const backend = createBackendClient(
    () => forkBackend(utilityProcess, path.join(here, 'backend', 'backendProcess.js')),
    (event, payload) => send(event as EventName, payload as never),
  );
  await backend.ready();

  // Media are served from here (protocol handlers live in the main process) by a
  // read-only connection: a lookup by id is one indexed query, and files stream.
  const mediaDb: Db = openStore(resolveDbPath(undefined), { readonly: true });
  const media = createMediaHandler(storeMediaLookup(mediaDb));
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: path.join(packageRoot(), 'dist', 'renderer'), media }));

  const isTrusted = (event: Parameters<typeof isOwnWindowFrame>[0]) => isOwnWindowFrame(event, () => mainWindow?.webContents, APP_ORIGIN);
  registerApiHandlers(ipcMain, backend.dispatch, isTrusted);
  registerDropHandler(ipcMain, isTrusted, (paths) => {
    for (const command of commandsForPaths(paths)) sendMenuCommand(mainWindow?.webContents, command);
  });

  const placementFile = path.join(app.getPath('userData'), 'window-placement.json');
  const placement = placeWindow(loadWindowPlacement(placementFile), workAreas());
  const devTools = !app.isPackaged;
  mainWindow = createMainWindow(path.join(here, 'preload.cjs'), placement, devTools);
  trackWindowPlacement(mainWindow, placementFile);

  const actions = createMenuActions({
    dialog,
    window: () => mainWindow,
    send: (command) => sendMenuCommand(mainWindow?.webContents, command),
    appInfo: () => backend.dispatch('app.info', {}),
    versions: process.versions,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions, { platform: process.platform, devTools })));

  app.on('window-all-closed', () => {
    backend.stop();
    mediaDb.close();
    app.quit();
  });
  await mainWindow.loadURL(APP_START_URL);
}

/** Every known location of the case's originals, read when the analyst saves a download. */
function caseOriginals(): string[] {
  const db = openStore(resolveDbPath(undefined), { readonly: true });
  try {
    return allLocationPaths(db);
  } finally {
    db.close();
  }
}

/** The displays' work areas, the primary first. */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}
