import fs from 'node:fs';
import path from 'node:path';
import type { WebContents } from 'electron';
import { MenuCommandSchema, type MenuCommand } from '../../../src-shared/api/contract.js';
import { sendApiEvent } from './ipcBridge.js';

/**
 * Sends a command to the window as the contract's `menu.command` event. It is
 * checked against the contract first: the renderer can rely on its shape.
 */
export function sendMenuCommand(contents: Pick<WebContents, 'send' | 'isDestroyed'> | undefined, command: MenuCommand): void {
  if (contents) sendApiEvent(contents, 'menu.command', MenuCommandSchema.parse(command));
}

/**
 * What dropped or passed paths ask for: files are opened (imported) together,
 * each folder is scanned. Whether a file is a recording is for the import to say.
 */
export function commandsForPaths(paths: readonly string[], isFolder: (p: string) => boolean = isDirectory): MenuCommand[] {
  const files = paths.filter((p) => !isFolder(p));
  const folders = paths.filter((p) => isFolder(p));
  const commands: MenuCommand[] = folders.map((folder) => ({ command: 'import-folder', folder }));
  if (files.length > 0) commands.unshift({ command: 'open-recordings', paths: files });
  return commands;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * File paths given to a second launch (a file manager's "Open with"): the
 * arguments after the executable that are not Chromium switches, minus the app
 * folder an unpackaged run is started with.
 */
export function pathsFromArgv(argv: readonly string[], cwd: string, appPath: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => arg.length > 0 && !arg.startsWith('-'))
    .map((arg) => path.resolve(cwd, arg))
    .filter((p) => p !== path.resolve(appPath));
}
