import type { DecodedFrame, DecodeStats, FrameDecoderInfo } from './frameDecoder.js';
import type { FromDecodeWorker, ToDecodeWorker } from './playerDecodeProtocol.js';
import { sharedNow } from './sharedClock.js';

interface PendingRun {
  from: number;
  to: number;
  onFrame: (f: DecodedFrame) => void;
  resolve: (end: RunEnd) => void;
  reject: (err: Error) => void;
  postedAt: number;
  firstArrivedAt: number | null;
}

/** One run as both sides saw it, times on the shared clock (sharedClock.ts): for the benchmark's account of a seek. */
export interface RunAccount {
  from: number;
  to: number;
  cancelled: boolean;
  stats: DecodeStats;
  /** The window asked for the run. */
  postedAt: number;
  /** The worker got the request (it starts once the run before it has stopped). */
  receivedAt: number;
  /** The worker got the run's cancel (null: none came while it ran), and the run ended. */
  cancelReceivedAt: number | null;
  endedAt: number;
  /** The run's first frame reached the window (null: none did). */
  firstArrivedAt: number | null;
}

export interface RunEnd {
  cancelled: boolean;
  /** What the worker did (null when the player stopped waiting for its answer). */
  stats: DecodeStats | null;
}

/**
 * The player's side of the decode worker: the same runs as FrameDecoder, with
 * the decoding done in the worker and the bitmaps transferred back (no copy).
 * Aborting a run's signal tells the worker to stop it at once.
 */
export class WorkerFrameDecoder {
  private readonly runs = new Map<number, PendingRun>();
  private nextRun = 1;
  /** Pictures the table did not know (should stay 0), as the worker last reported. */
  unmatched = 0;
  /** Called with the account of every run the worker ended, aborted ones included. */
  onRunEnd: ((account: RunAccount) => void) | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly info: FrameDecoderInfo,
  ) {
    worker.onmessage = (event: MessageEvent<FromDecodeWorker>) => this.receive(event.data);
  }

  static open(url: string, ptsSeconds: Float64Array, maxSide: number): Promise<WorkerFrameDecoder> {
    const worker = new Worker(new URL('./playerDecodeWorker.ts', import.meta.url), { type: 'module', name: 'micromoment-decoder' });
    return new Promise((resolve, reject) => {
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(`the decoder could not start (${event.message || 'worker error'})`));
      };
      worker.onmessage = (event: MessageEvent<FromDecodeWorker>) => {
        const m = event.data;
        if (m.type === 'opened') resolve(new WorkerFrameDecoder(worker, m.info));
        else if (m.type === 'open-failed') {
          worker.terminate();
          reject(new Error(m.message));
        }
      };
      // The table is copied (not transferred): the player keeps its own.
      worker.postMessage({ type: 'open', url, pts: ptsSeconds, maxSide } satisfies ToDecodeWorker);
    });
  }

  /**
   * Decodes frames from…to in the worker; resolves after the last of its
   * frames was handed to `onFrame`, or at once when `signal` aborts it: the
   * player can then ask for its next run without waiting for the worker to
   * answer (the worker takes runs in order). Frames of an aborted run that were
   * already on their way still reach `onFrame`: they are right frames, only
   * no longer the most wanted.
   */
  decode(from: number, to: number, onFrame: (f: DecodedFrame) => void, signal: AbortSignal): Promise<RunEnd> {
    const run = this.nextRun++;
    return new Promise<RunEnd>((resolve, reject) => {
      this.runs.set(run, { from, to, onFrame, resolve, reject, postedAt: sharedNow(), firstArrivedAt: null });
      this.post({ type: 'decode', run, from, to });
      const cancel = () => {
        this.post({ type: 'cancel', run });
        resolve({ cancelled: true, stats: null });
      };
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
    });
  }

  close(): void {
    this.post({ type: 'close' });
    for (const r of this.runs.values()) r.reject(new Error('the recording was closed'));
    this.runs.clear();
    // The worker closes its input first; terminating it after a moment frees the decoder whatever happens.
    setTimeout(() => this.worker.terminate(), 1000);
  }

  private post(message: ToDecodeWorker): void {
    this.worker.postMessage(message);
  }

  private receive(m: FromDecodeWorker): void {
    if (m.type === 'opened' || m.type === 'open-failed') return;
    const pending = this.runs.get(m.run);
    if (!pending) {
      if (m.type === 'frame') m.bitmap.close();
      return;
    }
    if (m.type === 'frame') {
      pending.firstArrivedAt ??= sharedNow();
      return pending.onFrame({ frame: m.frame, bitmap: m.bitmap });
    }
    this.runs.delete(m.run);
    if (m.type === 'run-failed') return pending.reject(new Error(m.message));
    this.unmatched = m.unmatched;
    const { from, to, postedAt, firstArrivedAt } = pending;
    this.onRunEnd?.({
      from,
      to,
      cancelled: m.cancelled,
      stats: m.stats,
      postedAt,
      receivedAt: m.receivedAt,
      cancelReceivedAt: m.cancelReceivedAt,
      endedAt: m.endedAt,
      firstArrivedAt,
    });
    pending.resolve({ cancelled: m.cancelled, stats: m.stats });
  }
}
