// The emotion model on its own worker thread. The analysis thread hands over
// each frame's crop and goes on with the next frame's face mesh; answers come
// back in the order asked. Same model file (checked against the manifest on
// that thread), same inputs, same onnxruntime: the same numbers as on the
// calling thread (tested).
import { Worker } from 'node:worker_threads';
import { workerScriptPath } from '../../config/workerScript.js';
import { ModelIntegrityError } from '../models/loadModel.js';
import { EMOTION_INPUT_SIZE, type EmotionClassifier, type EmotionModelOptions } from './emotionClassifier.js';
import type { EmotionThreadReply, EmotionThreadRequest } from './emotionThreadProtocol.js';

interface Pending {
  resolve(probabilities: Float32Array): void;
  reject(error: Error): void;
}

export async function createThreadedEmotionClassifier(options: EmotionModelOptions): Promise<EmotionClassifier> {
  const script = workerScriptPath(import.meta.url, 'analysis/expression/emotionWorker.js', (built) => new Error(`the emotion worker is missing (${built}): run "npm run build"`));
  const worker = new Worker(script, { workerData: { ...options } });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | null = null;
  const send = (request: EmotionThreadRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(request, transfer);

  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };

  const ready = new Promise<Extract<EmotionThreadReply, { type: 'ready' }>>((resolve, reject) => {
    worker.on('message', (reply: EmotionThreadReply) => {
      switch (reply.type) {
        case 'ready':
          return resolve(reply);
        case 'load-failed': {
          const error = reply.name === 'ModelIntegrityError' ? new ModelIntegrityError(reply.message) : new Error(reply.message);
          failAll(error);
          return reject(error);
        }
        case 'result':
          pending.get(reply.id)?.resolve(reply.probabilities);
          pending.delete(reply.id);
          return;
        case 'failed':
          pending.get(reply.id)?.reject(new Error(reply.message));
          pending.delete(reply.id);
          return;
      }
    });
    worker.on('error', (error) => {
      failAll(new Error(`The emotion model's thread failed: ${error.message}`));
      reject(failure);
    });
    worker.on('exit', (code) => {
      failAll(new Error(`The emotion model's thread stopped (exit code ${code})`));
      reject(failure);
    });
  });

  let info: Awaited<typeof ready>;
  try {
    info = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closed = false;
  return {
    file: info.file,
    sha256: info.sha256,
    labels: info.labels,
    run(crop) {
      if (crop.length !== EMOTION_INPUT_SIZE * EMOTION_INPUT_SIZE) return Promise.reject(new RangeError(`the emotion model takes ${EMOTION_INPUT_SIZE}x${EMOTION_INPUT_SIZE} values, got ${crop.length}`));
      if (failure) return Promise.reject(failure);
      if (closed) return Promise.reject(new Error('The emotion classifier is closed'));
      const id = nextId++;
      return new Promise<Float32Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: 'run', id, crop }, [crop.buffer as ArrayBuffer]);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      failAll(new Error('The emotion classifier was closed while frames were in flight'));
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      send({ type: 'close' });
      // The worker releases the session and closes its port; terminate is the backstop.
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
