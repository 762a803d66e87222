import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, PLAYBACK_SPEEDS, type MenuActions } from '../../../../src-main/hosts/electron/menu.js';
import { createMenuActions } from '../../../../src-main/hosts/electron/menuActions.js';
import { MenuCommandSchema, type MenuCommand } from '../../../../src-shared/api/contract.js';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function recordingActions() {
  const called: string[] = [];
  const actions: MenuActions = {
    openRecordings: () => called.push('openRecordings'),
    importFolder: () => called.push('importFolder'),
    exportReport: () => called.push('exportReport'),
    setSpeed: (s) => called.push(`setSpeed ${s}`),
    showShortcuts: () => called.push('showShortcuts'),
    showAbout: () => called.push('showAbout'),
  };
  return { actions, called };
}

describe('the application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has File, View and Help items bound to their actions on ${platform}`, () => {
      const { actions, called } = recordingActions();
      const all = items(buildMenuTemplate(actions, { platform, devTools: false }));
      const byId = new Map(all.filter((i) => i.id).map((i) => [i.id!, i]));
      expect(byId.get('file.open-recordings')).toMatchObject({ label: 'Open recording…', accelerator: 'CmdOrCtrl+O' });
      expect(byId.get('file.import-folder')).toMatchObject({ label: 'Import folder…' });
      expect(byId.get('file.export-report')).toMatchObject({ label: 'Export report…' });
      for (const id of byId.keys()) (byId.get(id)!.click as () => void)();
      const expected = [
        'openRecordings',
        'importFolder',
        'exportReport',
        ...PLAYBACK_SPEEDS.map((s) => `setSpeed ${s.speed}`),
        'showShortcuts',
        'showAbout',
      ];
      expect([...called].sort()).toEqual(expected.sort());
      // Devtools only when asked for (unpackaged runs).
      expect(all.some((i) => i.role === 'toggleDevTools')).toBe(false);
      expect(items(buildMenuTemplate(actions, { platform, devTools: true })).some((i) => i.role === 'toggleDevTools')).toBe(true);
    });
  }

  it('puts About in the app menu on macOS and in Help elsewhere', () => {
    const { actions } = recordingActions();
    const mac = buildMenuTemplate(actions, { platform: 'darwin', devTools: false });
    expect((mac[0]!.submenu as MenuItemConstructorOptions[])[0]!.id).toBe('help.about');
    const linux = buildMenuTemplate(actions, { platform: 'linux', devTools: false });
    expect((linux.at(-1)!.submenu as MenuItemConstructorOptions[]).at(-1)!.id).toBe('help.about');
    expect(linux[0]!.label).toBe('&File');
  });

  it("offers speeds the contract accepts, Haggard and Isaacs' 1/6 among them", () => {
    expect(PLAYBACK_SPEEDS.map((s) => s.speed)).toContain(1 / 6);
    for (const { speed } of PLAYBACK_SPEEDS) expect(MenuCommandSchema.safeParse({ command: 'set-speed', speed }).success).toBe(true);
  });
});

describe('menu actions', () => {
  function deps(openResult: { canceled: boolean; filePaths: string[] }) {
    const sent: MenuCommand[] = [];
    const errors: string[] = [];
    const dialogs: unknown[] = [];
    const boxes: unknown[] = [];
    const d = {
      dialog: {
        showOpenDialog: vi.fn(async (_w: unknown, options: unknown) => {
          dialogs.push(options);
          return openResult;
        }),
        showMessageBox: vi.fn(async (_w: unknown, options: unknown) => {
          boxes.push(options);
          return { response: 0, checkboxChecked: false };
        }),
        showErrorBox: (_t: string, message: string) => {
          errors.push(message);
        },
      },
      window: () => ({}) as BrowserWindow,
      send: (c: MenuCommand) => sent.push(c),
      appInfo: async () => ({
        ok: false as const,
        error: { code: 'failed' as const, message: 'The backend process stopped unexpectedly (exit code 9).' },
      }),
      versions: { electron: '41.7.1' },
    };
    return { d, sent, errors, dialogs, boxes };
  }

  it('sends nothing when a dialog is cancelled', async () => {
    const { d, sent, dialogs } = deps({ canceled: true, filePaths: [] });
    const actions = createMenuActions(d as never);
    actions.openRecordings();
    actions.importFolder();
    await vi.waitFor(() => expect(dialogs).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual([]);
    expect(dialogs[0]).toMatchObject({ properties: expect.arrayContaining(['openFile', 'multiSelections']) });
    expect(dialogs[1]).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
  });

  it('says plainly when About cannot get the versions', async () => {
    const { d, errors, boxes } = deps({ canceled: true, filePaths: [] });
    createMenuActions(d as never).showAbout();
    await vi.waitFor(() => expect(errors).toEqual(['Cannot read the versions: The backend process stopped unexpectedly (exit code 9).']));
    expect(boxes).toEqual([]);
  });

  it('does nothing without a window', () => {
    const { d, dialogs } = deps({ canceled: false, filePaths: ['/x.mp4'] });
    createMenuActions({ ...d, window: () => undefined } as never).openRecordings();
    expect(dialogs).toEqual([]);
  });
});
