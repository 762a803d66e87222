// Worker thread: the expression stage (crop, emotion model, baseline, action
// units) for one analysis, frames in the order received. It reads each frame
// from the decoder's shared ring, which the analysis thread keeps intact until
// this thread has answered for it.
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisWorkerThreadPriority } from '../helperPriority.js';
import { createExpressionStage } from './createExpressionStage.js';
import type { ExpressionThreadData, ExpressionThreadReply, ExpressionThreadRequest } from './expressionThreadProtocol.js';

const port = parentPort!;
const post = (reply: ExpressionThreadReply) => port.postMessage(reply);
// A few frames of slack: the analysis thread's face mesh goes first (helperPriority.ts).
lowerThisWorkerThreadPriority();

try {
  const stage = await createExpressionStage(workerData as ExpressionThreadData);
  post({ type: 'ready', parameters: stage.parameters() });
  port.on('message', (request: ExpressionThreadRequest) => {
    switch (request.type) {
      case 'process':
        stage.process(request.frame, request.face).then(
          (result) => post({ type: 'result', id: request.id, result, baselineSource: stage.baselineSource() }),
          (error: unknown) => post({ type: 'failed', id: request.id, message: (error as Error).message }),
        );
        return;
      case 'reset':
        stage.reset();
        return;
      case 'snapshot':
        stage.snapshot().then(
          (state) => post({ type: 'snapshot', id: request.id, state }),
          (error: unknown) => post({ type: 'failed', id: request.id, message: (error as Error).message }),
        );
        return;
      case 'restore':
        try {
          stage.restore(request.state);
        } catch (error) {
          post({ type: 'restore-failed', message: (error as Error).message });
        }
        return;
      case 'close':
        void stage.close().finally(() => port.close());
        return;
    }
  });
} catch (error) {
  post({ type: 'load-failed', name: (error as Error).name, message: (error as Error).message });
}
