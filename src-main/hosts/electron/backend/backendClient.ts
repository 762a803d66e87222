import type { Dispatch, DispatchOutcome } from '../../../api/dispatcher.js';
import type { BackendChannel, FromBackend } from './backendMessages.js';

export interface BackendClient {
  /** Same shape as the in-process dispatcher: the IPC bridge cannot tell them apart. */
  dispatch: Dispatch;
  /** Resolves once the backend has opened the case store; rejects with its reason if it cannot. */
  ready(): Promise<void>;
  stop(): void;
}

/**
 * The main process's side of the backend: every API call is forwarded to a
 * separate process, so a long import, analysis or batch scan (onnxruntime runs
 * synchronously on its thread) never blocks the main process's event loop, and
 * with it the window, its media streams and its menus.
 *
 * The backend is started on first use and again after it exits: a crash fails
 * the calls in flight with a plain message (each change to the store is one
 * transaction, so nothing half-written remains) and the next call starts afresh.
 */
export function createBackendClient(start: () => BackendChannel, onEvent: (event: string, payload: unknown) => void): BackendClient {
  let channel: BackendChannel | undefined;
  let readiness: Promise<void> | undefined;
  let nextId = 1;
  const pending = new Map<number, (outcome: DispatchOutcome) => void>();

  function connect(): Promise<void> {
    if (channel && readiness) return readiness;
    const current = start();
    channel = current;
    let fatal: string | undefined;
    readiness = new Promise<void>((resolve, reject) => {
      current.onMessage((message: FromBackend) => {
        switch (message.type) {
          case 'ready':
            return resolve();
          case 'fatal':
            fatal = message.message;
            return reject(new Error(message.message));
          case 'result': {
            const settle = pending.get(message.id);
            pending.delete(message.id);
            return settle?.(message.outcome);
          }
          case 'event':
            return onEvent(message.event, message.payload);
        }
      });
      current.onExit((code) => {
        if (channel === current) {
          channel = undefined;
          readiness = undefined;
        }
        const reason = fatal ?? `The backend process stopped unexpectedly (exit code ${code}).`;
        reject(new Error(reason));
        const message = `${reason} The call was not completed; every finished change is safely in the case store. Try again.`;
        for (const settle of pending.values()) settle({ ok: false, error: { code: 'failed', message } });
        pending.clear();
      });
    });
    // A failed start is reported to the caller that awaits it; never an unhandled rejection.
    readiness.catch(() => {});
    return readiness;
  }

  async function dispatch(method: string, args: unknown): Promise<DispatchOutcome> {
    try {
      await connect();
    } catch (error) {
      return { ok: false, error: { code: 'failed', message: (error as Error).message } };
    }
    const current = channel;
    if (!current)
      return { ok: false, error: { code: 'failed', message: 'The backend process stopped before the call could be sent. Try again.' } };
    const id = nextId++;
    return new Promise<DispatchOutcome>((resolve) => {
      pending.set(id, resolve);
      current.post({ type: 'call', id, method, args });
    });
  }

  return {
    dispatch,
    ready: connect,
    stop() {
      channel?.kill();
      channel = undefined;
      readiness = undefined;
    },
  };
}
