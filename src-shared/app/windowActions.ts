import type { MenuCommand } from '../api/contract.js';
import { PLAYBACK_SPEEDS, type Speed } from '../review/speeds.js';

/**
 * What the window does for a command of the desktop shell (menus, drops, a
 * second launch). The shell only reports what the analyst asked; the window
 * carries it out through the API, so both hosts behave alike.
 */
export type WindowAction =
  /** Import these files (library.import), shown in the library. */
  | { kind: 'import-recordings'; paths: string[] }
  /** Scan this folder (batch.start), shown in the batch view. */
  | { kind: 'scan-folder'; folder: string }
  /** Open the export dialog: for the recording under review, else the analyst chooses. */
  | { kind: 'export-report'; recordingId: number | null }
  | { kind: 'set-speed'; speed: Speed }
  | { kind: 'show-shortcuts' };

/** `reviewing`: the id of the recording open in the review window, or null. */
export function actionForMenuCommand(command: MenuCommand, reviewing: number | null): WindowAction {
  switch (command.command) {
    case 'open-recordings':
      return { kind: 'import-recordings', paths: [...command.paths] };
    case 'import-folder':
      return { kind: 'scan-folder', folder: command.folder };
    case 'export-report':
      return { kind: 'export-report', recordingId: reviewing };
    case 'set-speed':
      return { kind: 'set-speed', speed: nearestSpeed(command.speed) };
    case 'show-shortcuts':
      return { kind: 'show-shortcuts' };
  }
}

/**
 * The player's speed closest to the one asked for (by ratio, so 1/7 goes to
 * 1/6 or 1/8, not by difference): the menu's speeds are the player's, but a
 * number sent over a boundary is not trusted to match one exactly.
 */
export function nearestSpeed(speed: number): Speed {
  let best: number = PLAYBACK_SPEEDS[0];
  for (const s of PLAYBACK_SPEEDS) if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(best / speed))) best = s;
  return best;
}
