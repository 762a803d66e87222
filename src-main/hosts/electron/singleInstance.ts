import type { App, BrowserWindow } from 'electron';

/**
 * One Micromoment per user: two would write the same case store and fight over
 * the same window state. A second launch brings the first window forward and
 * hands over its arguments (files to open), then quits.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  onSecondLaunch: (argv: string[], cwd: string) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, cwd) => onSecondLaunch(argv, cwd));
  return true;
}

export function bringToFront(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'> | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
