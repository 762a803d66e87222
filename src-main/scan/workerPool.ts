import { Worker } from 'node:worker_threads';
import type { WorkerInit, WorkerLike } from './workerProtocol.js';

/**
 * Starts a real scan worker thread (dist/src-main/scan/scanWorker.js, next to
 * this module once built). Worker threads rather than child processes: the
 * workers die with the process whatever kills it (kill -9 included), so no
 * orphan goes on writing, and typed arrays move to the writer without copies.
 */
export function spawnScanWorker(init: WorkerInit): WorkerLike {
  return new Worker(new URL('./scanWorker.js', import.meta.url), { workerData: init }) as unknown as WorkerLike;
}
