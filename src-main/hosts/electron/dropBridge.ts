import path from 'node:path';
import type { IpcMain, IpcMainEvent } from 'electron';

/** The preload's channel for paths of files and folders dropped on the window. */
export const DROP_CHANNEL = 'micromoment:dropped-paths';
const MAX_DROPPED = 10_000;

/**
 * Receives dropped paths from the preload, which alone can read them
 * (webUtils.getPathForFile); the page never sees this channel. Only our window's
 * main frame is heard, and only a list of absolute paths is accepted.
 */
export function registerDropHandler(
  ipcMain: Pick<IpcMain, 'on' | 'removeAllListeners'>,
  isTrustedSender: (event: IpcMainEvent) => boolean,
  onDropped: (paths: string[]) => void,
): () => void {
  ipcMain.on(DROP_CHANNEL, (event, paths: unknown) => {
    if (!isTrustedSender(event)) return;
    const accepted = droppedPaths(paths);
    if (accepted.length > 0) onDropped(accepted);
  });
  return () => ipcMain.removeAllListeners(DROP_CHANNEL);
}

/** The absolute, distinct paths of a drop; anything else in it is ignored. */
export function droppedPaths(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const paths = value
    .slice(0, MAX_DROPPED)
    .filter((p): p is string => typeof p === 'string' && p.length > 0 && !p.includes('\0') && path.isAbsolute(p));
  return [...new Set(paths)];
}
