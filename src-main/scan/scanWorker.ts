// A scan worker thread: runs one file at a time (scanFile) with its own
// onnxruntime sessions and ffmpeg processes, and asks the coordinator for every
// read and write of the case store. Started by workerPool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchPhase } from '../../src-shared/domain/batch.js';
import { createDefaultStages } from '../analysis/pipeline/defaultStages.js';
import { PauseGate } from './pauseGate.js';
import { scanFile } from './scanFile.js';
import type { ScanStore, ScanStoreOp } from './scanStore.js';
import { SCAN_STORE_OPS } from './scanStore.js';
import { transferables, type FromWorker, type ToWorker, type WorkerInit } from './workerProtocol.js';

if (!parentPort) throw new Error('scanWorker.js runs as a worker thread of a scan');
const port = parentPort;
const init = workerData as WorkerInit;
const gate = new PauseGate();
const running = new Map<number, AbortController>();
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextCallId = 1;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function storeFor(jobId: number): ScanStore {
  const call = (op: ScanStoreOp, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const callId = nextCallId++;
      pending.set(callId, { resolve, reject });
      post({ t: 'call', callId, jobId, op, args }, transferables(args));
    });
  return Object.fromEntries(SCAN_STORE_OPS.map((op) => [op, (...args: unknown[]) => call(op, args)])) as unknown as ScanStore;
}

/** At most a few progress messages a second, but every change of phase and every end of one. */
function progressFor(jobId: number) {
  let lastPhase: BatchPhase | null = null;
  let lastAt = 0;
  return (phase: BatchPhase, done: number, total: number) => {
    const now = performance.now();
    if (phase === lastPhase && now - lastAt < 200 && done < total) return;
    lastPhase = phase;
    lastAt = now;
    post({ t: 'progress', jobId, phase, done, total });
  };
}

async function runJob(jobId: number, file: string, claimsVideo: boolean): Promise<void> {
  const controller = new AbortController();
  running.set(jobId, controller);
  try {
    const outcome = await scanFile(file, claimsVideo, {
      store: storeFor(jobId),
      createStages: createDefaultStages,
      ffmpeg: init.ffmpeg,
      ffprobeCandidates: init.ffprobeCandidates,
      signal: controller.signal,
      gate,
      progress: progressFor(jobId),
    });
    post({ t: 'result', jobId, outcome });
  } finally {
    running.delete(jobId);
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.t) {
    case 'job':
      void runJob(message.jobId, message.path, message.claimsVideo);
      break;
    case 'cancel':
      running.get(message.jobId)?.abort();
      break;
    case 'pause':
      gate.pause();
      break;
    case 'resume':
      gate.resume();
      break;
    case 'reply': {
      const waiting = pending.get(message.callId);
      pending.delete(message.callId);
      if (!waiting) break;
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(Object.assign(new Error(message.error.message), message.error.code ? { code: message.error.code } : {}));
      break;
    }
  }
});

post({ t: 'ready' });
