import type { MenuItemConstructorOptions } from 'electron';

/** What the menus do; main.ts binds each to a dialog or a `menu.command` event. */
export interface MenuActions {
  openRecordings(): void;
  importFolder(): void;
  exportReport(): void;
  setSpeed(speed: number): void;
  showShortcuts(): void;
  showAbout(): void;
}

/**
 * Replay speeds for micro expressions: 1/6 is Haggard and Isaacs' classic, slower
 * ones approach frame by frame. No accelerators: keys during review belong to
 * the window's own shortcuts (Help > Keyboard shortcuts).
 */
export const PLAYBACK_SPEEDS: readonly { label: string; speed: number }[] = [
  { label: 'Real time (1×)', speed: 1 },
  { label: '1/2×', speed: 1 / 2 },
  { label: '1/4×', speed: 1 / 4 },
  { label: '1/6×', speed: 1 / 6 },
  { label: '1/8×', speed: 1 / 8 },
  { label: '1/10×', speed: 1 / 10 },
];

/** The application menu, as a template (built into a Menu by main.ts). Every item of ours has an id. */
export function buildMenuTemplate(
  actions: MenuActions,
  options: { platform: NodeJS.Platform; devTools: boolean },
): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: 'help.about', label: 'About Micromoment', click: () => actions.showAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Micromoment',
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { id: 'file.open-recordings', label: 'Open recording…', accelerator: 'CmdOrCtrl+O', click: () => actions.openRecordings() },
        { id: 'file.import-folder', label: 'Import folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
        { type: 'separator' },
        { id: 'file.export-report', label: 'Export report…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...PLAYBACK_SPEEDS.map(({ label, speed }): MenuItemConstructorOptions => ({
          id: `view.speed.${speed}`,
          label: `Speed ${label}`,
          click: () => actions.setSpeed(speed),
        })),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
  );
  if (mac) template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    label: '&Help',
    submenu: [
      { id: 'help.shortcuts', label: 'Keyboard shortcuts', accelerator: 'F1', click: () => actions.showShortcuts() },
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  });
  return template;
}
