import type { DispatchOutcome } from '../../../api/dispatcher.js';

/**
 * Messages between the Electron main process and the backend process that runs
 * the API's handlers (import, analysis, spotting, batch scans). Plain data:
 * they cross a process boundary by structured clone.
 */
export type ToBackend = { type: 'call'; id: number; method: string; args: unknown };

export type FromBackend =
  | { type: 'ready' }
  /** The backend cannot start (e.g. the case database cannot be opened); it exits after this. */
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; outcome: DispatchOutcome }
  | { type: 'event'; event: string; payload: unknown };

/** One end of the pipe, whatever carries it (Electron's utility process, or Node's fork in tests). */
export interface BackendChannel {
  post(message: ToBackend): void;
  onMessage(listener: (message: FromBackend) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}
