import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { API_CHANNEL, API_EVENT_CHANNEL, type EventName, type EventPayload } from '../../../src-shared/api/contract.js';
import type { Dispatch, DispatchOutcome } from '../../api/dispatcher.js';

/**
 * The Electron host of the API contract: one IPC channel, routed generically to
 * the same dispatcher the loopback host uses (which validates method and
 * arguments). Calls from any frame other than our own window's are refused.
 */
export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, args: unknown): Promise<DispatchOutcome> => {
    if (!isTrustedSender(event))
      return { ok: false, error: { code: 'unauthorized', message: 'Calls are accepted only from the Micromoment window.' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown-method', message: 'The method name must be a string.' } };
    return dispatch(method, args);
  });
  return () => ipcMain.removeHandler(API_CHANNEL);
}

/** Sends a contract event to the window. */
export function sendApiEvent<E extends EventName>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  event: E,
  payload: EventPayload<E>,
): void {
  if (!contents.isDestroyed()) contents.send(API_EVENT_CHANNEL, { event, payload });
}

/** A sender is trusted when it is the main frame of our window, showing our own pages. */
export function isOwnWindowFrame(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  windowContents: () => WebContents | undefined,
  appOrigin: string,
): boolean {
  const frame = event.senderFrame;
  const contents = windowContents();
  if (!frame || !contents) return false;
  if (frame !== contents.mainFrame) return false;
  // Compare scheme and host ourselves: URL.origin is "null" for custom schemes outside Electron.
  try {
    const url = new URL(frame.url);
    const expected = new URL(appOrigin);
    return url.protocol === expected.protocol && url.host === expected.host;
  } catch {
    return false;
  }
}
