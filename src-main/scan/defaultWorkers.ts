import os from 'node:os';

/**
 * Memory one scan worker may need: its three ONNX sessions, a 1280x720 frame
 * ring, one chunk, and ffmpeg's decoder beside it (peak RSS of a one-worker
 * analysis at 720p measured about 200 MB; see the README's benchmarks).
 */
export const WORKER_MEMORY_BYTES = 400 * 1024 * 1024;

/**
 * How many files a scan works on at once, unless told: one per two cores,
 * because each file keeps two cores busy (the worker thread running the models
 * and the ffmpeg process decoding for it), and no more than the memory holds.
 * On the 2-core machine this project is measured on that is 1, which the scan
 * benchmark confirms is the faster choice there (README, Benchmarks).
 */
export function defaultWorkerCount(cores = os.availableParallelism(), memoryBytes = os.totalmem()): number {
  const byCores = Math.floor(cores / 2);
  const byMemory = Math.floor(memoryBytes / WORKER_MEMORY_BYTES);
  return Math.max(1, Math.min(byCores, byMemory));
}
