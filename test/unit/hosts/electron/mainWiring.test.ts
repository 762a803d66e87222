// The Electron main process wired end to end, with the `electron` module faked:
// what main.ts registers, with which options, and what each registered handler
// does when Electron (played by the test) calls it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL, API_EVENT_CHANNEL, methods, type MethodName } from '../../../../src-shared/api/contract.js';
import { openStore } from '../../../../src-main/store/openStore.js';
import { sharedFakeElectron, type FakeWebContents } from '../../../helpers/fakeElectron.js';
import { repoRoot, tempDir } from '../../../helpers/paths.js';

vi.mock('electron', () => import('../../../helpers/fakeElectron.js').then((m) => m.fakeElectronModule()));

const fake = sharedFakeElectron();
const { calls } = fake;
const rendererIndex = path.join(repoRoot, 'dist', 'renderer', 'index.html');
let dataDir: string;

type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function window() {
  const w = calls.windows[0];
  if (!w) throw new Error('no window was created');
  return w;
}

function trustedEvent() {
  return { senderFrame: window().webContents.mainFrame };
}

function menuItem(id: string): { click: () => void } {
  const walk = (items: unknown[]): { click: () => void } | undefined => {
    for (const item of items as { id?: string; submenu?: unknown[]; click?: () => void }[]) {
      if (item.id === id) return item as { click: () => void };
      const found = item.submenu && walk(item.submenu);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(calls.menus[0] as unknown[]);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function menuCommandsSent(contents: FakeWebContents): unknown[] {
  return contents.sent
    .filter(([channel, message]) => channel === API_EVENT_CHANNEL && (message as { event: string }).event === 'menu.command')
    .map(([, message]) => (message as { payload: unknown }).payload);
}

beforeAll(async () => {
  if (!fs.existsSync(rendererIndex))
    throw new Error(`${rendererIndex} is missing: run \`npm run build\` first (the app scheme serves the built renderer).`);
  dataDir = tempDir('mm-shell-');
  process.env.MICROMOMENT_DATA_DIR = dataDir;
  process.env.MICROMOMENT_DB = path.join(dataDir, 'case.sqlite');
  // The backend (faked here) creates the store; the main process opens it read-only for media.
  openStore(process.env.MICROMOMENT_DB).close();

  await import('../../../../src-main/hosts/electron/main.js');
  // Before 'ready': sandbox for all, the privileged scheme, the data folder.
  expect(calls.sandboxEnabled).toBe(true);
  expect(calls.privilegedSchemes).toEqual([
    { scheme: 'micromoment', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
  expect(calls.paths.get('userData')).toBe(path.join(dataDir, 'electron'));
  expect(calls.windows).toHaveLength(0);

  fake.makeReady();
  await vi.waitFor(() => expect(window().loadedUrl).toBe('micromoment://app/index.html'));
});

describe('the main process wiring', () => {
  it('opens one window with isolated, sandboxed, Node-free web preferences and our preload', () => {
    expect(calls.windows).toHaveLength(1);
    const options = window().options as { webPreferences: Record<string, unknown>; width: number; height: number; show: boolean };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: true, // an unpackaged run (app.isPackaged is false in the fake)
    });
    expect(options.webPreferences.preload).toMatch(/hosts[\\/]electron[\\/]preload\.cjs$/);
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.show).toBe(false); // shown when ready, never a white flash
    expect([options.width, options.height]).toEqual([1400, 900]);
  });

  it('runs the API in a backend utility process, not in the main process', () => {
    expect(calls.backendForks).toHaveLength(1);
    expect(calls.backendForks[0]!.modulePath).toMatch(/hosts[\\/]electron[\\/]backend[\\/]backendProcess\.js$/);
    expect(calls.backendForks[0]!.options).toMatchObject({ serviceName: 'Micromoment backend' });
  });

  it('routes every contract method from our window to the backend and returns its outcome', async () => {
    const handler = calls.ipcHandlers.get(API_CHANNEL) as IpcHandler;
    expect(handler).toBeTypeOf('function');
    const names = Object.keys(methods) as MethodName[];
    expect(names.length).toBeGreaterThan(5);
    for (const method of names) {
      const before = calls.backendCalls.length;
      const outcome = await handler(trustedEvent(), method, { id: 7 });
      expect(calls.backendCalls.slice(before)).toEqual([{ method, args: { id: 7 } }]);
      expect(outcome).toMatchObject({ ok: true });
    }
  });

  it('refuses calls from a sub-frame, from a page navigated elsewhere, or without a frame, before they reach the backend', async () => {
    const handler = calls.ipcHandlers.get(API_CHANNEL) as IpcHandler;
    const before = calls.backendCalls.length;
    const subFrame = { url: 'micromoment://app/index.html' };
    expect(await handler({ senderFrame: subFrame }, 'library.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler({ senderFrame: null }, 'library.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    window().webContents.mainFrame.url = 'https://elsewhere.example/';
    try {
      expect(await handler(trustedEvent(), 'library.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    } finally {
      window().webContents.mainFrame.url = 'micromoment://app/index.html';
    }
    expect(calls.backendCalls.length).toBe(before);
  });

  it('forwards backend events to the window on the contract event channel', () => {
    const payload = { recordingId: 3, done: 10, total: 765 };
    calls.backendForks[0]!.child.emit('message', { type: 'event', event: 'analysis.progress', payload });
    expect(window().webContents.sent.at(-1)).toEqual([API_EVENT_CHANNEL, { event: 'analysis.progress', payload }]);
  });

  it('serves the built renderer with the CSP, and media only through the shared handler by registered id', async () => {
    const handle = calls.protocolHandlers.get('micromoment')!;
    const page = await handle(new Request('micromoment://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="root">');
    const unregistered = await handle(new Request('micromoment://app/media/original/1'));
    expect([unregistered.status, await unregistered.text()]).toEqual([404, 'No such media.']);
    expect((await handle(new Request('micromoment://app/media/..%2F..%2Fetc%2Fpasswd'))).status).toBe(404);
    expect((await handle(new Request('micromoment://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(new Request('micromoment://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('denies every permission, blocks requests that leave our origin, and refuses downloads', () => {
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb']) {
      fake.session.permissionRequestHandler!(window().webContents, permission, (ok: boolean) => granted.push(ok));
    }
    expect(granted).toEqual([false, false, false, false, false, false, false]);
    expect(fake.session.permissionCheckHandler!(window().webContents, 'media')).toBe(false);
    expect(fake.session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
    const verdicts: Record<string, boolean> = {};
    for (const url of ['micromoment://app/assets/index.js', 'https://example.com/x.js', 'file:///etc/passwd', 'http://127.0.0.1:8080/']) {
      fake.session.beforeRequest!({ url }, (response: { cancel: boolean }) => {
        verdicts[url] = response.cancel;
      });
    }
    expect(verdicts).toEqual({
      'micromoment://app/assets/index.js': false,
      'https://example.com/x.js': true,
      'file:///etc/passwd': true,
      'http://127.0.0.1:8080/': true,
    });
    const savedTo: string[] = [];
    const downloadPrevented = (url: string) => {
      let prevented = false;
      fake.session.events.emit(
        'will-download',
        {
          preventDefault: () => {
            prevented = true;
          },
        },
        { getURL: () => url, getFilename: () => 'interview.report.pdf', setSavePath: (p: string) => savedTo.push(p) },
      );
      return prevented;
    };
    // Only what the window made itself (an exported report) may be saved; we ask where, and refuse the case's own files.
    const report = 'blob:micromoment://app/5f0c1e2a-0000-4000-8000-000000000000';
    const elsewhere = path.join(tempDir('mm-save-'), 'interview.report.pdf');
    fake.state.saveDialogAnswers.push(path.join(dataDir, 'case.sqlite'), `${elsewhere}-wal`, elsewhere);
    const boxes = calls.messageBoxesSync.length;
    expect(downloadPrevented(report)).toBe(false);
    expect(savedTo).toEqual([elsewhere]);
    expect(calls.saveDialogs.at(-1)).toMatchObject({ defaultPath: 'interview.report.pdf' });
    expect(calls.messageBoxesSync.slice(boxes).map((b) => (b as { detail: string }).detail)).toEqual([
      expect.stringMatching(/^refusing to write .*case\.sqlite: it is the case database/),
      expect.stringMatching(/^refusing to write .*-wal: its name is that of a SQLite journal/),
    ]);
    expect(downloadPrevented(report)).toBe(true); // the analyst cancelled the dialog
    expect(downloadPrevented('https://example.com/evil.exe')).toBe(true);
    expect(downloadPrevented('micromoment://app/media/original/1')).toBe(true);
    expect(downloadPrevented('blob:https://example.com/x')).toBe(true);
  });

  it('guards every web contents created: no navigation away, no new windows, no webviews', () => {
    const contents = Object.assign(new (window().webContents.constructor as new () => FakeWebContents)(), {});
    fake.appEvents.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const outcome = (event: string, ...args: unknown[]) => {
      let prevented = false;
      const e = {
        preventDefault: () => {
          prevented = true;
        },
        url: args[0],
      };
      contents.emit(event, e, ...args);
      return prevented;
    };
    expect(outcome('will-navigate', 'https://example.com/')).toBe(true);
    expect(outcome('will-navigate', 'file:///home/analyst/evidence.mp4')).toBe(true);
    expect(outcome('will-navigate', 'micromoment://app/index.html')).toBe(false);
    expect(outcome('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(outcome('will-redirect', 'https://example.com/')).toBe(true);
    expect(outcome('will-attach-webview')).toBe(true);
  });

  it('installs the menu, whose commands reach the window as menu.command events', async () => {
    expect(calls.menus).toHaveLength(1);
    const contents = window().webContents;
    const before = menuCommandsSent(contents).length;
    menuItem('file.export-report').click();
    menuItem(`view.speed.${1 / 6}`).click();
    menuItem('help.shortcuts').click();
    fake.state.openDialogResult = { canceled: false, filePaths: ['/evidence/a.mp4', '/evidence/b.avi'] };
    menuItem('file.open-recordings').click();
    await vi.waitFor(() => expect(menuCommandsSent(contents).length).toBe(before + 4));
    fake.state.openDialogResult = { canceled: false, filePaths: ['/evidence'] };
    menuItem('file.import-folder').click();
    await vi.waitFor(() => expect(menuCommandsSent(contents).length).toBe(before + 5));
    expect(menuCommandsSent(contents).slice(before)).toEqual([
      { command: 'export-report' },
      { command: 'set-speed', speed: 1 / 6 },
      { command: 'show-shortcuts' },
      { command: 'open-recordings', paths: ['/evidence/a.mp4', '/evidence/b.avi'] },
      { command: 'import-folder', folder: '/evidence' },
    ]);
  });

  it('shows About with the versions of ffmpeg and the model manifest, asked of the backend', async () => {
    menuItem('help.about').click();
    await vi.waitFor(() => expect(calls.messageBoxes).toHaveLength(1));
    const box = calls.messageBoxes[0] as { message: string; detail: string };
    expect(box.message).toBe('Micromoment 0.1.0');
    expect(box.detail).toContain('ffmpeg 4.1 (bundled: /opt/ffmpeg)');
    expect(box.detail).toContain(`Model manifest SHA-256 ${'ab'.repeat(32)}`);
    expect(calls.backendCalls.at(-1)).toEqual({ method: 'app.info', args: {} });
  });

  it('turns dropped files and folders from our window into commands, and ignores other senders', () => {
    const drop = calls.ipcListeners.get('micromoment:dropped-paths')!;
    const contents = window().webContents;
    const before = menuCommandsSent(contents).length;
    drop({ senderFrame: { url: 'micromoment://app/index.html' } }, [dataDir]); // not our main frame
    drop(trustedEvent(), ['relative/path.mp4', 42]);
    expect(menuCommandsSent(contents).length).toBe(before);
    drop(trustedEvent(), [path.join(dataDir, 'a.mp4'), dataDir]);
    expect(menuCommandsSent(contents).slice(before)).toEqual([
      { command: 'open-recordings', paths: [path.join(dataDir, 'a.mp4')] },
      { command: 'import-folder', folder: dataDir },
    ]);
  });

  it('brings the window forward on a second launch and opens the files it was given', () => {
    const contents = window().webContents;
    const before = menuCommandsSent(contents).length;
    window().minimized = true;
    fake.appEvents.emit('second-instance', {}, ['/usr/bin/electron', '--some-switch', '/fake/app', 'clip.mp4'], '/evidence');
    expect(window().minimized).toBe(false);
    expect(window().focused).toBeGreaterThan(0);
    expect(menuCommandsSent(contents).slice(before)).toEqual([
      { command: 'open-recordings', paths: [path.resolve('/evidence', 'clip.mp4')] },
    ]);
  });

  it('remembers the window placement in the data folder when it closes', () => {
    window().emit('close');
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'electron', 'window-placement.json'), 'utf8')) as unknown;
    expect(saved).toMatchObject({ width: 1400, height: 900, maximized: false });
  });
});
