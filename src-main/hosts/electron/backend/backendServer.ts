import type { Dispatch } from '../../../api/dispatcher.js';
import type { FromBackend, ToBackend } from './backendMessages.js';

/** The backend's end of the pipe to the main process. */
export interface ParentChannel {
  post(message: FromBackend): void;
  onMessage(listener: (message: ToBackend) => void): void;
}

/**
 * Serves API calls from the main process with the generic dispatcher (which
 * validates method names and arguments against the contract). Calls run
 * concurrently, as they do under the loopback host; each answer carries its id.
 */
export function serveBackend(parent: ParentChannel, dispatch: Dispatch): void {
  parent.onMessage((message) => {
    if (message?.type !== 'call' || typeof message.id !== 'number') return;
    void dispatch(message.method, message.args).then((outcome) => parent.post({ type: 'result', id: message.id, outcome }));
  });
}

/**
 * The pipe to whoever started this process: Electron's utility process has
 * `process.parentPort`; Node's child_process.fork (the tests) has process.send.
 */
export function parentChannel(): ParentChannel {
  const parentPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ToBackend)),
    };
  }
  if (process.send) {
    return {
      post: (message) => process.send!(message),
      onMessage: (listener) => process.on('message', (message) => listener(message as ToBackend)),
    };
  }
  throw new Error('The backend process must be started by Micromoment (no parent to talk to).');
}

/** The part of Electron's ParentPort used here (Electron's types are not loaded in this Node-only file). */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
