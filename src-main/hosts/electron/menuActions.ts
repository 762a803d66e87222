import type { BrowserWindow, Dialog } from 'electron';
import type { MenuCommand, MethodResult } from '../../../src-shared/api/contract.js';
import type { DispatchOutcome } from '../../api/dispatcher.js';
import { aboutText, chooseFolder, chooseRecordings, showAbout } from './dialogs.js';
import type { MenuActions } from './menu.js';

export interface MenuActionDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'>;
  window(): BrowserWindow | undefined;
  /** Sends a `menu.command` event to the window. */
  send(command: MenuCommand): void;
  /** app.info through the backend (it knows which ffmpeg and models analyses use). */
  appInfo(): Promise<DispatchOutcome>;
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
}

/**
 * What each menu item does. The shell only shows native dialogs and passes the
 * analyst's choice on: importing, scanning, exporting, speeds and the shortcut
 * sheet are the window's (through the API), never done here.
 */
export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const withWindow = (act: (window: BrowserWindow) => Promise<void>) => () => {
    const window = deps.window();
    if (window) act(window).catch((error: unknown) => deps.dialog.showErrorBox('Micromoment', (error as Error).message));
  };
  return {
    openRecordings: withWindow(async (window) => {
      const paths = await chooseRecordings(deps.dialog, window);
      if (paths.length > 0) deps.send({ command: 'open-recordings', paths });
    }),
    importFolder: withWindow(async (window) => {
      const folder = await chooseFolder(deps.dialog, window);
      if (folder) deps.send({ command: 'import-folder', folder });
    }),
    exportReport: () => deps.send({ command: 'export-report' }),
    setSpeed: (speed) => deps.send({ command: 'set-speed', speed }),
    showShortcuts: () => deps.send({ command: 'show-shortcuts' }),
    showAbout: withWindow(async (window) => {
      const outcome = await deps.appInfo();
      if (!outcome.ok) throw new Error(`Cannot read the versions: ${outcome.error.message}`);
      await showAbout(deps.dialog, window, aboutText(outcome.result as MethodResult<'app.info'>, deps.versions));
    }),
  };
}
