/**
 * What a long step over a file (hashing, indexing) obeys besides its own work:
 * a cancel (signal) and a pause (hold). A held step stops reading where it is,
 * so the process it drives blocks on its full pipe and uses no CPU, and goes on
 * from there when the hold is released. The scan's PauseGate is one.
 */
export interface Hold {
  readonly paused: boolean;
  /** Resolves when not paused (at once, or on resume); rejects when `signal` aborts meanwhile. */
  wait(signal?: AbortSignal): Promise<void>;
}

export interface StepControl {
  signal?: AbortSignal;
  hold?: Hold;
}
