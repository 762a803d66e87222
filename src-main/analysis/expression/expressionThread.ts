// The expression stage on its own worker thread, so that on a machine with
// two cores the face mesh of the next frames (the analysis thread's serial
// work) runs beside the crop and emotion model of this one. Same code, same
// model file (checked against the manifest on that thread), same order of
// frames: the same numbers as on the calling thread (tested).
//
// Frames are sent as views of the decoder's shared ring, without a copy; the
// caller keeps each frame intact until its promise settles (analyzeFrames
// holds the ring slot until then). Landmarks and pose are copied when
// process() is called.
import { Worker } from 'node:worker_threads';
import { workerScriptPath } from '../../config/workerScript.js';
import { ModelIntegrityError } from '../models/loadModel.js';
import type { ExpressionResult } from '../types.js';
import type { BaselineSource, BaselineState } from './neutralBaseline.js';
import type { ExpressionStageHandle } from './createExpressionStage.js';
import type { ExpressionThreadData, ExpressionThreadReply, ExpressionThreadRequest } from './expressionThreadProtocol.js';
import type { ExpressionStageOptions } from './options.js';

interface Pending {
  resolve(result: ExpressionResult): void;
  reject(error: Error): void;
}

interface PendingSnapshot {
  resolve(state: BaselineState): void;
  reject(error: Error): void;
}

export async function createThreadedExpressionStage(options: ExpressionStageOptions = {}): Promise<ExpressionStageHandle> {
  const script = workerScriptPath(
    import.meta.url,
    'analysis/expression/expressionWorker.js',
    (built) => new Error(`the expression worker is missing (${built}): run "npm run build"`),
  );
  const worker = new Worker(script, { workerData: { ...options } satisfies ExpressionThreadData });
  const pending = new Map<number, Pending>();
  /** Snapshots share the ids of frames: the replies come back in the order asked. */
  const snapshots = new Map<number, PendingSnapshot>();
  let nextId = 0;
  let failure: Error | null = null;
  let lastSource: BaselineSource = 'current';
  const send = (request: ExpressionThreadRequest) => worker.postMessage(request);

  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of [...pending.values(), ...snapshots.values()]) p.reject(failure);
    pending.clear();
    snapshots.clear();
  };

  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    worker.on('message', (reply: ExpressionThreadReply) => {
      switch (reply.type) {
        case 'ready':
          return resolve(reply.parameters);
        case 'load-failed': {
          const error = reply.name === 'ModelIntegrityError' ? new ModelIntegrityError(reply.message) : new Error(reply.message);
          failAll(error);
          return reject(error);
        }
        case 'result':
          lastSource = reply.baselineSource;
          pending.get(reply.id)?.resolve(reply.result);
          pending.delete(reply.id);
          return;
        case 'failed':
          (pending.get(reply.id) ?? snapshots.get(reply.id))?.reject(new Error(reply.message));
          pending.delete(reply.id);
          snapshots.delete(reply.id);
          return;
        case 'snapshot':
          snapshots.get(reply.id)?.resolve(reply.state);
          snapshots.delete(reply.id);
          return;
        case 'restore-failed':
          failAll(new Error(`The expression stage's baseline could not be put back: ${reply.message}`));
          return;
      }
    });
    worker.on('error', (error) => {
      failAll(new Error(`The expression stage's thread failed: ${error.message}`));
      reject(failure);
    });
    worker.on('exit', (code) => {
      failAll(new Error(`The expression stage's thread stopped (exit code ${code})`));
      reject(failure);
    });
  });

  let parameters: Record<string, unknown>;
  try {
    parameters = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closed = false;
  return {
    process(frame, face) {
      if (closed) return Promise.reject(new Error('The expression stage is closed'));
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<ExpressionResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: 'process', id, frame: { index: frame.index, width: frame.width, height: frame.height, data: frame.data }, face });
      });
    },
    parameters: () => parameters,
    baselineSource: () => lastSource,
    snapshot() {
      if (closed) return Promise.reject(new Error('The expression stage is closed'));
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<BaselineState>((resolve, reject) => {
        snapshots.set(id, { resolve, reject });
        send({ type: 'snapshot', id });
      });
    },
    restore(state) {
      // Ordered with the frames: sent before the first, it is in place when the first is judged.
      send({ type: 'restore', state });
    },
    reset() {
      // Ordered with the frames: those sent before are judged against the old baseline.
      send({ type: 'reset' });
      lastSource = 'current';
    },
    async close() {
      if (closed) return;
      closed = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      send({ type: 'close' });
      // The worker releases its model and closes its port; terminate is the backstop.
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
      failAll(new Error('The expression stage was closed while frames were in flight'));
    },
  };
}
