// Worker thread: the emotion model, one crop at a time, in the order received.
// onnxruntime-node runs inference synchronously on the thread that calls it, so
// on this thread it runs beside the face mesh instead of after it.
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisWorkerThreadPriority } from '../helperPriority.js';
import { createEmotionClassifier, type EmotionModelOptions } from './emotionClassifier.js';
import type { EmotionThreadReply, EmotionThreadRequest } from './emotionThreadProtocol.js';

const port = parentPort!;
// A few frames of slack: the analysis thread's face mesh goes first (helperPriority.ts).
lowerThisWorkerThreadPriority();
const post = (reply: EmotionThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

try {
  const classifier = await createEmotionClassifier(workerData as EmotionModelOptions);
  post({ type: 'ready', file: classifier.file, sha256: classifier.sha256, labels: [...classifier.labels] });
  port.on('message', (request: EmotionThreadRequest) => {
    if (request.type === 'close') {
      void classifier.close().finally(() => port.close());
      return;
    }
    classifier.run(request.crop).then(
      (probabilities) => {
        const copy = Float32Array.from(probabilities);
        post({ type: 'result', id: request.id, probabilities: copy }, [copy.buffer]);
      },
      (error: unknown) => post({ type: 'failed', id: request.id, message: (error as Error).message }),
    );
  });
} catch (error) {
  post({ type: 'load-failed', message: (error as Error).message, name: (error as Error).name });
}
