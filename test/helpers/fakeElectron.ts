// A stand-in for the `electron` module, for unit tests of the shell's wiring
// (no Electron binary exists here). It records what the shell asks of Electron
// and lets a test play Electron's part: fire events, call registered handlers,
// click menu items. It is never used to claim that Electron itself works: the
// end-to-end test (test/e2e/electron.e2e.test.ts) does that where a binary exists.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export interface FakeBackendCall {
  method: string;
  args: unknown;
}

/** What the fake utility process answers: every call echoes its method, except app.info. */
function backendAnswer(method: string, args: unknown): unknown {
  if (method === 'app.info') {
    return {
      version: '0.1.0',
      dbPath: '/cases/case.sqlite',
      analyst: 'J. Doe',
      ffmpeg: { path: '/opt/ffmpeg', source: 'bundled', version: '4.1' },
      ffprobe: { path: '/usr/bin/ffprobe', source: 'path', version: '7.1' },
      models: {
        manifestSha256: 'ab'.repeat(32),
        models: [{ name: 'emotion', source: '@vladmandic/human@3.3.6', onnxSha256: 'cd'.repeat(32) }],
      },
    };
  }
  return { echo: method, args };
}

export class FakeWebContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  readonly mainFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export function createFakeElectron() {
  const appEvents = new EventEmitter();
  const calls = {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    ipcListeners: new Map<string, Listener>(),
    windows: [] as FakeBrowserWindow[],
    menus: [] as unknown[],
    backendCalls: [] as FakeBackendCall[],
    backendForks: [] as { modulePath: string; options: unknown; child: EventEmitter }[],
    errorBoxes: [] as [string, string][],
    openDialogs: [] as unknown[],
    saveDialogs: [] as unknown[],
    messageBoxesSync: [] as unknown[],
    messageBoxes: [] as unknown[],
    paths: new Map<string, string>(),
    sandboxEnabled: false,
    quit: 0,
  };
  // saveDialogAnswers: what each save dialog returns in turn ('' is Cancel, as in Electron).
  const state = {
    singleInstanceLock: true,
    openDialogResult: { canceled: true, filePaths: [] as string[] },
    saveDialogAnswers: [] as string[],
  };

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    maximized = false;
    minimized = false;
    focused = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.windows.push(this);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isFullScreen(): boolean {
      return false;
    }
    restore(): void {
      this.minimized = false;
    }
    show(): void {}
    focus(): void {
      this.focused += 1;
    }
    getNormalBounds() {
      const o = this.options as { x?: number; y?: number; width: number; height: number };
      return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height };
    }
  }

  const session = {
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    devicePermissionHandler: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    events: new EventEmitter(),
    setPermissionRequestHandler(h: Listener) {
      this.permissionRequestHandler = h;
    },
    setPermissionCheckHandler(h: Listener) {
      this.permissionCheckHandler = h;
    },
    setDevicePermissionHandler(h: Listener) {
      this.devicePermissionHandler = h;
    },
    webRequest: {
      onBeforeRequest: (h: Listener) => {
        session.beforeRequest = h;
      },
    },
    on(event: string, listener: Listener) {
      session.events.on(event, listener);
      return session;
    },
  };

  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => {
        calls.sandboxEnabled = true;
      },
      setPath: (name: string, value: string) => {
        calls.paths.set(name, value);
      },
      getPath: (name: string) => calls.paths.get(name) ?? `/fake/${name}`,
      getAppPath: () => '/fake/app',
      on: (event: string, listener: Listener) => {
        appEvents.on(event, listener);
        return electron.app;
      },
      requestSingleInstanceLock: () => state.singleInstanceLock,
      whenReady: () => ready,
      quit: () => {
        calls.quit += 1;
      },
      exit: () => {
        calls.quit += 1;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.protocolHandlers.set(scheme, handler);
      },
    },
    session: { defaultSession: session },
    ipcMain: {
      handle: (channel: string, handler: Listener) => {
        calls.ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => {
        calls.ipcHandlers.delete(channel);
      },
      on: (channel: string, listener: Listener) => {
        calls.ipcListeners.set(channel, listener);
      },
      removeAllListeners: (channel: string) => {
        calls.ipcListeners.delete(channel);
      },
    },
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        calls.menus.push(menu);
      },
    },
    dialog: {
      showOpenDialog: async (_window: unknown, options: unknown) => {
        calls.openDialogs.push(options);
        return state.openDialogResult;
      },
      showMessageBox: async (_window: unknown, options: unknown) => {
        calls.messageBoxes.push(options);
        return { response: 0 };
      },
      showSaveDialogSync: (...args: unknown[]) => {
        calls.saveDialogs.push(args.at(-1));
        return state.saveDialogAnswers.shift() ?? '';
      },
      showMessageBoxSync: (...args: unknown[]) => {
        calls.messageBoxesSync.push(args.at(-1));
        return 0;
      },
      showErrorBox: (title: string, content: string) => {
        calls.errorBoxes.push([title, content]);
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    utilityProcess: {
      fork(modulePath: string, _args: string[], options: unknown) {
        const child = new EventEmitter() as EventEmitter & { postMessage(m: unknown): void; kill(): boolean };
        calls.backendForks.push({ modulePath, options, child });
        child.postMessage = (message: unknown) => {
          const { id, method, args } = message as { id: number; method: string; args: unknown };
          calls.backendCalls.push({ method, args });
          setImmediate(() => child.emit('message', { type: 'result', id, outcome: { ok: true, result: backendAnswer(method, args) } }));
        };
        child.kill = () => {
          setImmediate(() => child.emit('exit', 0));
          return true;
        };
        setImmediate(() => child.emit('message', { type: 'ready' }));
        return child;
      },
    },
  };

  return {
    electron,
    calls,
    state,
    session,
    appEvents,
    /** Plays Electron's 'ready'. */
    makeReady: () => resolveReady(),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * The one fake per test file, shared by vi.mock('electron') and the test:
 * `vi.mock('electron', () => import('../helpers/fakeElectron.js').then((m) => m.fakeElectronModule()))`.
 */
let shared: FakeElectron | undefined;
export function sharedFakeElectron(): FakeElectron {
  shared ??= createFakeElectron();
  return shared;
}
export function fakeElectronModule() {
  const { electron } = sharedFakeElectron();
  return { ...electron, default: electron };
}
