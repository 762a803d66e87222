import type { BatchStatus } from '../../src-shared/domain/batch.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import type { AppContext } from '../app/context.js';
import { defaultWorkerCount } from './defaultWorkers.js';
import { ScanBatch, type ScanBatchOptions } from './scanBatch.js';

/**
 * The API's batch: one per case context at a time (one writer per case is the
 * point of the design), kept after it ends so its outcome can still be read.
 */
const batches = new WeakMap<AppContext, ScanBatch>();

export function startBatch(
  ctx: AppContext,
  paths: readonly string[],
  workers?: number,
  spawnWorker?: ScanBatchOptions['spawnWorker'],
): BatchStatus {
  const running = batches.get(ctx);
  if (running && !isOver(running))
    throw new ApiError('failed', 'A scan is already running in this case: wait for it to finish, or cancel it, before starting another.');
  const batch = new ScanBatch(ctx, { roots: paths, workers: workers ?? defaultWorkerCount(), ...(spawnWorker ? { spawnWorker } : {}) });
  batches.set(ctx, batch);
  void batch.start();
  return batch.status();
}

export function currentBatch(ctx: AppContext): ScanBatch | undefined {
  return batches.get(ctx);
}

export function requireBatch(ctx: AppContext): ScanBatch {
  const batch = batches.get(ctx);
  if (!batch) throw new ApiError('not-found', 'No scan has been started since Micromoment was opened.');
  return batch;
}

function isOver(batch: ScanBatch): boolean {
  return batch.state === 'finished' || batch.state === 'cancelled' || batch.state === 'stopped';
}
