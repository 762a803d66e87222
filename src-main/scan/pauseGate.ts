import type { Hold } from '../media/stepControl.js';

/**
 * Where a running scan job stops while the batch is paused: between steps,
 * while hashing (before the next chunk), while indexing (ffprobe's output is
 * left unread) and during an analysis before each frame; ffprobe and ffmpeg
 * then block on their full pipes, so a paused scan uses no CPU.
 */
export class PauseGate implements Hold {
  #paused = false;
  #waiters: (() => void)[] = [];

  get paused(): boolean {
    return this.#paused;
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    const waiting = this.#waiters;
    this.#waiters = [];
    for (const wake of waiting) wake();
  }

  /** Resolves at once when not paused, else on resume; rejects when `signal` aborts meanwhile. */
  wait(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!this.#paused) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.#waiters = this.#waiters.filter((w) => w !== wake);
        reject(abortReason(signal!));
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.#waiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}
