import type { BrowserWindow, Dialog } from 'electron';
import { OutputRefused } from '../../usecases/outputGuard.js';

export interface SaveDownloadDeps {
  dialog: Pick<Dialog, 'showSaveDialogSync' | 'showMessageBoxSync'>;
  window: () => BrowserWindow | undefined;
  /** Throws OutputRefused for a file that must never be written (outputGuard.ts). */
  refuse: (file: string) => void;
}

/**
 * Where the download the window allowed (an exported report) is saved. We ask,
 * rather than let Electron's own dialog do it, because the file must be checked
 * before anything is written: a report saved over the case database, its
 * journal or a file of the data folder would destroy the case. A refused file
 * is explained and the analyst asked again. Null when the analyst cancels.
 * Synchronous, as Electron takes the save path only during 'will-download'.
 */
export function chooseSavePath(suggestedName: string, deps: SaveDownloadDeps): string | null {
  const window = deps.window();
  for (;;) {
    const options = {
      title: 'Save report',
      defaultPath: suggestedName,
      properties: ['showOverwriteConfirmation' as const, 'dontAddToRecent' as const],
    };
    const chosen = window ? deps.dialog.showSaveDialogSync(window, options) : deps.dialog.showSaveDialogSync(options);
    if (!chosen) return null;
    try {
      deps.refuse(chosen);
      return chosen;
    } catch (err) {
      if (!(err instanceof OutputRefused)) throw err;
      const box = {
        type: 'warning' as const,
        title: 'Choose another file',
        message: 'The report cannot be saved there.',
        detail: err.message,
        buttons: ['Choose another file'],
        noLink: true,
      };
      if (window) deps.dialog.showMessageBoxSync(window, box);
      else deps.dialog.showMessageBoxSync(box);
    }
  }
}
