import type { UtilityProcess } from 'electron';
import type { BackendChannel, FromBackend } from './backendMessages.js';

/** Starts backendProcess.js as an Electron utility process: a Node process of its own, with no window. */
export function forkBackend(
  utilityProcess: { fork: (modulePath: string, args?: string[], options?: { serviceName?: string; stdio?: 'inherit' }) => UtilityProcess },
  modulePath: string,
): BackendChannel {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Micromoment backend', stdio: 'inherit' });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromBackend) => listener(message)),
    onExit: (listener) => child.on('exit', (code: number) => listener(code)),
    kill: () => child.kill(),
  };
}
