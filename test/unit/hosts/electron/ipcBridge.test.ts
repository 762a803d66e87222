import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { isOwnWindowFrame, registerApiHandlers, sendApiEvent } from '../../../../src-main/hosts/electron/ipcBridge.js';
import { API_CHANNEL, API_EVENT_CHANNEL } from '../../../../src-shared/api/contract.js';
import type { Dispatch } from '../../../../src-main/api/dispatcher.js';

// Electron is faked here: what is under test is our wiring around it.
type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => {
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      handlers.delete(channel);
    },
  };
}

describe('Electron IPC bridge', () => {
  const dispatched: unknown[] = [];
  const dispatch: Dispatch = async (method, args) => {
    dispatched.push([method, args]);
    return { ok: true, result: 'r' };
  };

  it('routes every call on the one channel to the generic dispatcher', async () => {
    const ipc = fakeIpcMain();
    registerApiHandlers(ipc as never, dispatch, () => true);
    const handler = ipc.handlers.get(API_CHANNEL)!;
    expect(await handler({} as IpcMainInvokeEvent, 'library.get', { id: 1 })).toEqual({ ok: true, result: 'r' });
    expect(dispatched).toContainEqual(['library.get', { id: 1 }]);
  });

  it('refuses calls from untrusted senders without dispatching', async () => {
    const ipc = fakeIpcMain();
    const before = dispatched.length;
    registerApiHandlers(ipc as never, dispatch, () => false);
    const outcome = await ipc.handlers.get(API_CHANNEL)!({} as IpcMainInvokeEvent, 'library.list', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(dispatched.length).toBe(before);
  });

  it('refuses a method name that is not a string', async () => {
    const ipc = fakeIpcMain();
    registerApiHandlers(ipc as never, dispatch, () => true);
    expect(await ipc.handlers.get(API_CHANNEL)!({} as IpcMainInvokeEvent, { toString: () => 'x' }, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
  });

  it('can be unregistered', () => {
    const ipc = fakeIpcMain();
    const unregister = registerApiHandlers(ipc as never, dispatch, () => true);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('trusts only the main frame of our window on our origin', () => {
    const mainFrame = { url: 'micromoment://app/index.html' } as WebFrameMain;
    const contents = { mainFrame } as unknown as WebContents;
    const origin = 'micromoment://app';
    expect(isOwnWindowFrame({ senderFrame: mainFrame } as IpcMainInvokeEvent, () => contents, origin)).toBe(true);
    const subFrame = { url: 'micromoment://app/index.html' } as WebFrameMain;
    expect(isOwnWindowFrame({ senderFrame: subFrame } as IpcMainInvokeEvent, () => contents, origin)).toBe(false);
    const navigatedAway = { mainFrame: { url: 'https://evil.example/' } } as unknown as WebContents;
    expect(isOwnWindowFrame({ senderFrame: navigatedAway.mainFrame } as IpcMainInvokeEvent, () => navigatedAway, origin)).toBe(false);
    expect(isOwnWindowFrame({ senderFrame: null } as unknown as IpcMainInvokeEvent, () => contents, origin)).toBe(false);
    expect(isOwnWindowFrame({ senderFrame: mainFrame } as IpcMainInvokeEvent, () => undefined, origin)).toBe(false);
  });

  it("refuses our window's main frame when it shows anything but our origin", () => {
    // The request filter and navigation guards keep other content out of the window; this is the check behind them.
    const origin = 'micromoment://app';
    for (const url of [
      'micromoment://evil/index.html',
      'micromoment://app.evil/index.html',
      'http://127.0.0.1:4000/',
      'file:///index.html',
      'about:blank',
      'data:text/html,x',
      'not a url',
      '',
    ]) {
      const mainFrame = { url } as WebFrameMain;
      expect(
        isOwnWindowFrame({ senderFrame: mainFrame } as IpcMainInvokeEvent, () => ({ mainFrame }) as unknown as WebContents, origin),
        url,
      ).toBe(false);
    }
  });

  it('sends events on the event channel, never to a destroyed window', () => {
    const sent: unknown[] = [];
    sendApiEvent({ send: (...a: unknown[]) => sent.push(a), isDestroyed: () => false } as never, 'import.progress', {
      path: 'p',
      phase: 'hashing',
      done: 1,
      total: 2,
    });
    sendApiEvent({ send: (...a: unknown[]) => sent.push(a), isDestroyed: () => true } as never, 'import.progress', {
      path: 'p',
      phase: 'hashing',
      done: 1,
      total: 2,
    });
    expect(sent).toEqual([[API_EVENT_CHANNEL, { event: 'import.progress', payload: { path: 'p', phase: 'hashing', done: 1, total: 2 } }]]);
  });
});
