import path from 'node:path';
import type { BatchFile, BatchProgress, BatchState, BatchStatus, IgnoredPath } from '../../src-shared/domain/batch.js';
import type { AppContext } from '../app/context.js';
import { discover } from './discover.js';
import { countStatuses, etaSeconds, fileFraction, overallFraction, RateWindow } from './scanProgress.js';
import type { ScanFileOutcome } from './scanFile.js';
import type { ScanStore } from './scanStore.js';
import { createScanWriter, type ScanWriter } from './scanWriter.js';
import { describeStoreFatal } from './storeErrors.js';
import { spawnScanWorker } from './workerPool.js';
import { transferables, type FromWorker, type WorkerInit, type WorkerLike } from './workerProtocol.js';

export interface ScanBatchOptions {
  roots: readonly string[];
  workers: number;
  /** How a worker is started; a real worker thread unless a test stands in another. */
  spawnWorker?: (init: WorkerInit) => WorkerLike;
}

interface Slot {
  worker: WorkerLike;
  ready: boolean;
  jobId: number | null;
  /** Frames the slot's current file has analysed so far (for frames/s). */
  analysedFrames: number;
  lastError: string | null;
}

const PROGRESS_EVERY_MS = 250;
let batchSerial = 0;

/**
 * One batch scan: walks the roots, then hands the files one at a time to
 * worker threads and commits what they compute through one writer (see
 * scanWriter.ts for why). The same object serves `micromoment scan` and the
 * API's batch.* methods; it reports through the context's events
 * (`batch.progress`, at most four a second, and `batch.file` at each change
 * of a file's status).
 *
 * A file fails alone: its reason is its outcome and the others go on. A worker
 * that dies fails the file it had and is replaced. A store error that every
 * later file would meet too (a full disk) stops the batch: running files are
 * cancelled, queued ones are not started, and the state is `stopped` with a
 * sentence saying what to do.
 */
export class ScanBatch {
  readonly id = ++batchSerial;
  readonly #ctx: AppContext;
  readonly #options: ScanBatchOptions;
  readonly #init: WorkerInit;
  readonly #writer: ScanWriter;
  readonly #discovery = new AbortController();
  readonly #rate = new RateWindow();
  #startedAt = new Date();
  #finishedAt: Date | null = null;
  #state: BatchState = 'discovering';
  #files: BatchFile[] = [];
  #claims: boolean[] = [];
  #ignored: IgnoredPath[] = [];
  #slots: Slot[] = [];
  #error: string | null = null;
  #pauseRequested = false;
  #stopping = false;
  #finalizing = false;
  #activeMs = 0;
  #resumedAt: number | null = performance.now();
  #framesFinished = 0;
  #lastProgressAt = 0;
  #progressTimer: NodeJS.Timeout | null = null;
  #stores = new Map<number, ScanStore>();
  #resolve!: (status: BatchStatus) => void;
  readonly done: Promise<BatchStatus>;

  /** Locates ffmpeg and ffprobe at once: a scan that cannot run says so before it starts. */
  constructor(ctx: AppContext, options: ScanBatchOptions) {
    this.#ctx = ctx;
    this.#options = { ...options, workers: Math.max(1, Math.floor(options.workers)) };
    this.#init = { ffmpeg: ctx.tools().ffmpeg, ffprobeCandidates: ctx.ffprobeCandidates() };
    this.#writer = createScanWriter(ctx, (err) => this.#stop(err));
    this.done = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** Starts the scan; `done` resolves with the final status (it never rejects). */
  start(): Promise<BatchStatus> {
    this.#startedAt = new Date();
    this.#resumedAt = performance.now();
    void this.#run();
    return this.done;
  }

  get state(): BatchState {
    return this.#state;
  }

  pause(): void {
    if (this.#state === 'discovering') this.#pauseRequested = true;
    if (this.#state !== 'running') return;
    this.#setState('paused');
    this.#stopClock();
    for (const slot of this.#slots) slot.worker.postMessage({ t: 'pause' });
  }

  resume(): void {
    this.#pauseRequested = false;
    if (this.#state !== 'paused') return;
    this.#resumedAt = performance.now();
    this.#setState('running');
    for (const slot of this.#slots) slot.worker.postMessage({ t: 'resume' });
    this.#dispatch();
  }

  cancel(): void {
    if (this.#isOver() || this.#stopping) return;
    this.#stopping = true;
    this.#discovery.abort();
    if (this.#state === 'discovering') return;
    this.#windDown('cancelled before it started: scan again to do it');
  }

  progress(): BatchProgress {
    const now = performance.now();
    this.#rate.add(now / 1000, this.#framesSoFar());
    const fraction = overallFraction(this.#files);
    return {
      batchId: this.id,
      state: this.#state,
      workers: this.#options.workers,
      counts: countStatuses(this.#files),
      fraction: this.#state === 'finished' ? 1 : fraction,
      framesPerSecond: this.#state === 'running' ? Math.round(this.#rate.rate() * 10) / 10 : 0,
      etaS: this.#state === 'running' ? roundOrNull(etaSeconds(fraction, this.#activeSeconds(now))) : null,
      running: this.#files.filter((f) => f.status === 'running').map((f) => ({ ...f })),
      error: this.#error,
    };
  }

  status(): BatchStatus {
    return {
      ...this.progress(),
      roots: this.#options.roots.map((r) => path.resolve(r)),
      startedAt: this.#startedAt.toISOString(),
      finishedAt: this.#finishedAt?.toISOString() ?? null,
      files: this.#files.map((f) => ({ ...f })),
      ignored: [...this.#ignored],
    };
  }

  async #run(): Promise<void> {
    this.#emitProgress(true);
    try {
      const db = path.resolve(this.#ctx.dbPath);
      const exclude = new Map(['', '-wal', '-shm', '-journal'].map((suffix) => [db + suffix, 'the case database this scan writes to']));
      const found = await discover(this.#options.roots, { signal: this.#discovery.signal, exclude });
      const entries = [
        ...found.files.map((f) => ({ path: f.path, size: f.sizeBytes, claims: f.claimsVideo, error: null as string | null })),
        ...found.failed.map((f) => ({ path: f.path, size: 0, claims: true, error: f.error })),
      ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      this.#files = entries.map((e) => newFile(e.path, e.size, e.error));
      this.#claims = entries.map((e) => e.claims);
      this.#ignored = found.ignored;
    } catch (err) {
      if (!this.#discovery.signal.aborted) this.#error = `The folders could not be walked: ${(err as Error).message}`;
    }
    if (this.#stopping || this.#error) {
      this.#finish();
      return;
    }
    for (const file of this.#files) if (file.status === 'failed') this.#ctx.emit('batch.file', { batchId: this.id, file: { ...file } });
    this.#setState(this.#pauseRequested ? 'paused' : 'running');
    if (this.#pauseRequested) this.#stopClock();
    const queued = this.#files.filter((f) => f.status === 'queued').length;
    for (let i = 0; i < Math.min(this.#options.workers, queued); i++) this.#spawn();
    this.#maybeFinish();
  }

  #spawn(): void {
    const slot: Slot = {
      worker: (this.#options.spawnWorker ?? spawnScanWorker)(this.#init),
      ready: false,
      jobId: null,
      analysedFrames: 0,
      lastError: null,
    };
    this.#slots.push(slot);
    slot.worker.on('message', (message: FromWorker) => this.#onMessage(slot, message));
    slot.worker.on('error', (err: Error) => {
      slot.lastError = err.message;
    });
    slot.worker.on('exit', (code: number) => this.#onExit(slot, code));
    if (this.#state === 'paused') slot.worker.postMessage({ t: 'pause' });
  }

  #onMessage(slot: Slot, message: FromWorker): void {
    switch (message.t) {
      case 'ready':
        slot.ready = true;
        this.#dispatch();
        break;
      case 'progress': {
        const file = this.#files[message.jobId];
        if (!file || file.status !== 'running') break;
        file.phase = message.phase;
        file.phaseDone = message.done;
        file.phaseTotal = message.total;
        file.fraction = fileFraction(message.phase, message.done, message.total);
        if (message.phase === 'analysing') slot.analysedFrames = message.done;
        this.#emitProgress(false);
        break;
      }
      case 'call':
        this.#answer(slot, message);
        break;
      case 'result':
        this.#finishJob(slot, message.jobId, message.outcome);
        break;
    }
  }

  #answer(slot: Slot, message: Extract<FromWorker, { t: 'call' }>): void {
    let store = this.#stores.get(message.jobId);
    if (!store) this.#stores.set(message.jobId, (store = this.#writer.storeFor(message.jobId)));
    const op = store[message.op] as (...args: unknown[]) => Promise<unknown>;
    Promise.resolve()
      .then(() => op(...message.args))
      .then(
        (result) => slot.worker.postMessage({ t: 'reply', callId: message.callId, ok: true, result }, transferables(result)),
        (err: unknown) => {
          const code = (err as { code?: unknown } | null)?.code;
          slot.worker.postMessage({
            t: 'reply',
            callId: message.callId,
            ok: false,
            error: { message: err instanceof Error ? err.message : String(err), ...(typeof code === 'string' ? { code } : {}) },
          });
        },
      )
      .catch(() => undefined); // the worker is gone: nobody waits for the reply
  }

  #finishJob(slot: Slot, jobId: number, outcome: ScanFileOutcome): void {
    const file = this.#files[jobId];
    slot.jobId = null;
    this.#framesFinished += slot.analysedFrames;
    slot.analysedFrames = 0;
    this.#stores.delete(jobId);
    if (!file) return;
    this.#writer.endJob(
      jobId,
      outcome.status === 'cancelled'
        ? 'cancelled before it finished'
        : `the scan of the file ended without closing it (${'error' in outcome ? outcome.error : outcome.status})`,
    );
    Object.assign(file, {
      status: outcome.status,
      phase: null,
      fraction: 1,
      sha256: outcome.sha256,
      recordingId: outcome.recordingId,
      frames: 'frames' in outcome ? outcome.frames : null,
      candidates: 'candidates' in outcome ? outcome.candidates : null,
      error: 'error' in outcome ? outcome.error : null,
      warning: 'warning' in outcome ? outcome.warning : null,
    } satisfies Partial<BatchFile>);
    this.#ctx.emit('batch.file', { batchId: this.id, file: { ...file } });
    this.#emitProgress(false);
    this.#dispatch();
    this.#maybeFinish();
  }

  #onExit(slot: Slot, code: number): void {
    this.#slots = this.#slots.filter((s) => s !== slot);
    if (this.#finalizing) return;
    const why = `the scan worker stopped unexpectedly (${slot.lastError ?? `exit code ${code}`})`;
    if (slot.jobId !== null) {
      const jobId = slot.jobId;
      slot.jobId = null;
      this.#writer.endJob(jobId, why);
      this.#stores.delete(jobId);
      const file = this.#files[jobId];
      if (file) {
        Object.assign(file, {
          status: 'failed',
          phase: null,
          fraction: 1,
          error: `${why}; the file was not finished`,
        } satisfies Partial<BatchFile>);
        this.#ctx.emit('batch.file', { batchId: this.id, file: { ...file } });
      }
    }
    const workLeft = this.#files.some((f) => f.status === 'queued');
    if (!slot.ready) {
      // A worker that cannot even start will not start next time either.
      this.#stop(new Error(`scan workers cannot start: ${slot.lastError ?? `exit code ${code}`}`), false);
    } else if (workLeft && !this.#stopping) {
      this.#spawn();
    }
    this.#maybeFinish();
  }

  #dispatch(): void {
    if (this.#state !== 'running') return;
    for (const slot of this.#slots) {
      if (!slot.ready || slot.jobId !== null) continue;
      const jobId = this.#files.findIndex((f) => f.status === 'queued');
      if (jobId === -1) return;
      const file = this.#files[jobId]!;
      Object.assign(file, { status: 'running', phase: 'probing', phaseDone: 0, phaseTotal: 1, fraction: 0 } satisfies Partial<BatchFile>);
      slot.jobId = jobId;
      slot.worker.postMessage({ t: 'job', jobId, path: file.path, claimsVideo: this.#claims[jobId] ?? true });
      this.#ctx.emit('batch.file', { batchId: this.id, file: { ...file } });
    }
  }

  /** A store error every later file would meet (a full disk), or workers that cannot start: stop the batch. */
  #stop(err: unknown, storeError = true): void {
    if (this.#error) return;
    const { cause, message } = storeError
      ? describeStoreFatal(err, this.#ctx.dbPath)
      : { cause: (err as Error).message, message: `The scan stopped: ${(err as Error).message}` };
    this.#error = message;
    this.#stopping = true;
    this.#windDown(`not scanned: the scan stopped (${cause}); run it again once that is fixed`);
  }

  /** Cancels what runs, marks what waits, and lets #maybeFinish end the batch once the workers are done. */
  #windDown(reasonForQueued: string): void {
    if (this.#state === 'running' || this.#state === 'paused') {
      if (this.#state === 'running') this.#stopClock();
      this.#setState('cancelling');
    }
    for (const file of this.#files) {
      if (file.status !== 'queued') continue;
      Object.assign(file, { status: 'cancelled', error: reasonForQueued } satisfies Partial<BatchFile>);
      this.#ctx.emit('batch.file', { batchId: this.id, file: { ...file } });
    }
    for (const slot of this.#slots) {
      if (slot.jobId !== null) slot.worker.postMessage({ t: 'cancel', jobId: slot.jobId });
    }
    this.#maybeFinish();
  }

  #maybeFinish(): void {
    if (this.#state === 'discovering' || this.#isOver()) return;
    const busy = this.#files.some((f) => f.status === 'running');
    const waiting = !this.#stopping && this.#files.some((f) => f.status === 'queued');
    if (busy || waiting) return;
    this.#finish();
  }

  #finish(): void {
    if (this.#isOver()) return;
    this.#finalizing = true;
    if (this.#state === 'running') this.#stopClock();
    for (const slot of this.#slots) void slot.worker.terminate();
    this.#slots = [];
    this.#finishedAt = new Date();
    this.#setState(this.#error ? 'stopped' : this.#stopping ? 'cancelled' : 'finished');
    if (this.#progressTimer) clearTimeout(this.#progressTimer);
    this.#resolve(this.status());
  }

  #isOver(): boolean {
    return this.#state === 'finished' || this.#state === 'cancelled' || this.#state === 'stopped';
  }

  #setState(state: BatchState): void {
    this.#state = state;
    this.#emitProgress(true);
  }

  #stopClock(): void {
    if (this.#resumedAt !== null) this.#activeMs += performance.now() - this.#resumedAt;
    this.#resumedAt = null;
  }

  #activeSeconds(now: number): number {
    return (this.#activeMs + (this.#resumedAt !== null ? now - this.#resumedAt : 0)) / 1000;
  }

  #framesSoFar(): number {
    return this.#framesFinished + this.#slots.reduce((sum, s) => sum + s.analysedFrames, 0);
  }

  /** Emits now when forced (a change of state) or when the last one is old enough; otherwise once, a little later. */
  #emitProgress(force: boolean): void {
    const now = performance.now();
    if (force || now - this.#lastProgressAt >= PROGRESS_EVERY_MS) {
      if (this.#progressTimer) clearTimeout(this.#progressTimer);
      this.#progressTimer = null;
      this.#lastProgressAt = now;
      this.#ctx.emit('batch.progress', this.progress());
      return;
    }
    if (this.#progressTimer) return;
    this.#progressTimer = setTimeout(
      () => {
        this.#progressTimer = null;
        if (!this.#isOver()) this.#emitProgress(true);
      },
      PROGRESS_EVERY_MS - (now - this.#lastProgressAt),
    );
    this.#progressTimer.unref();
  }
}

function newFile(filePath: string, sizeBytes: number, error: string | null): BatchFile {
  return {
    path: filePath,
    sizeBytes,
    status: error ? 'failed' : 'queued',
    phase: null,
    phaseDone: 0,
    phaseTotal: 0,
    fraction: error ? 1 : 0,
    sha256: null,
    recordingId: null,
    frames: null,
    candidates: null,
    error,
    warning: null,
  };
}

function roundOrNull(v: number | null): number | null {
  return v === null ? null : Math.round(v);
}
