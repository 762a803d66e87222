import type { BatchCounts, BatchFile, BatchFileStatus, BatchPhase } from '../../src-shared/domain/batch.js';

/**
 * Progress arithmetic of a scan (pure). A file's work is split across its
 * steps by what they cost on a typical recording: hashing reads the file once,
 * indexing decodes it once in ffprobe, analysis decodes it again and runs three
 * models on every frame (by far the most), spotting is a pass over stored rows.
 */
export const PHASE_SPAN: Readonly<Record<BatchPhase, readonly [number, number]>> = {
  probing: [0, 0],
  hashing: [0, 0.05],
  waiting: [0.05, 0.05],
  indexing: [0.05, 0.2],
  analysing: [0.2, 0.97],
  spotting: [0.97, 1],
};

/** Share (0–1) of a running file's work done, at `done` of `total` in `phase`. */
export function fileFraction(phase: BatchPhase, done: number, total: number): number {
  const [from, to] = PHASE_SPAN[phase];
  const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return from + (to - from) * within;
}

const FINISHED: ReadonlySet<BatchFileStatus> = new Set(['done', 'failed', 'cancelled']);
const WEIGHTLESS: ReadonlySet<BatchFileStatus> = new Set(['skipped', 'ignored']);

/**
 * Share of the scan's work done. Files weigh their size (a long recording
 * costs more than a short one); skipped and ignored files weigh nothing, since
 * they cost next to nothing. When nothing weighs anything (all skipped, or
 * empty files), the share of files with an outcome.
 */
export function overallFraction(files: readonly Pick<BatchFile, 'sizeBytes' | 'status' | 'fraction'>[]): number {
  let total = 0;
  let done = 0;
  let outcomes = 0;
  for (const f of files) {
    if (f.status !== 'queued' && f.status !== 'running') outcomes += 1;
    if (WEIGHTLESS.has(f.status)) continue;
    const weight = Math.max(1, f.sizeBytes);
    total += weight;
    done += weight * (FINISHED.has(f.status) ? 1 : f.status === 'running' ? Math.min(1, Math.max(0, f.fraction)) : 0);
  }
  if (total === 0) return files.length === 0 ? 1 : outcomes / files.length;
  return Math.min(1, done / total);
}

/**
 * Seconds left at the pace so far: active (unpaused) time × what is left /
 * what is done. Null until 2 % of the work and 3 seconds are behind us, when
 * the guess would be noise.
 */
export function etaSeconds(fraction: number, activeSeconds: number): number | null {
  if (!(fraction >= 0.02) || !(activeSeconds >= 3)) return null;
  if (fraction >= 1) return 0;
  return (activeSeconds * (1 - fraction)) / fraction;
}

export function countStatuses(files: readonly Pick<BatchFile, 'status'>[]): BatchCounts {
  const counts: BatchCounts = { files: files.length, queued: 0, running: 0, done: 0, skipped: 0, failed: 0, ignored: 0, cancelled: 0 };
  for (const f of files) counts[f.status] += 1;
  return counts;
}

/**
 * Frames per second over a sliding window of samples of a growing count
 * (frames analysed by all workers together). Samples older than the window
 * are dropped; the rate is the count's growth over the time the samples span.
 */
export class RateWindow {
  readonly #samples: { t: number; count: number }[] = [];
  constructor(readonly windowS = 10) {}

  add(tSeconds: number, count: number): void {
    this.#samples.push({ t: tSeconds, count });
    while (this.#samples.length > 2 && tSeconds - this.#samples[1]!.t >= this.windowS) this.#samples.shift();
  }

  rate(): number {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    if (!first || !last || last.t <= first.t) return 0;
    return Math.max(0, (last.count - first.count) / (last.t - first.t));
  }
}
