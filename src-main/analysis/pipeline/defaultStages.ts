import { createFaceStage } from '../face/faceStage.js';
import { createThreadedExpressionStage } from '../expression/expressionThread.js';
import { modelEntry, readManifest } from '../models/manifest.js';
import type { AnalysisStageSet, StageFactory } from './stages.js';

/**
 * The production stages: BlazeFace + face mesh (tracking one subject) on the
 * calling thread, then the expression classifier, action units and quality on
 * a worker thread of their own (expressionThread.ts). Each model file is checked
 * against the manifest's SHA-256 when it is loaded, so the hashes recorded here
 * are the hashes of what ran.
 */
export const createDefaultStages: StageFactory = async (options) => {
  const threads = options.intraOpNumThreads ?? 1;
  const face = await createFaceStage({ intraOpNumThreads: threads });
  let expression;
  try {
    expression = await createThreadedExpressionStage({
      intraOpNumThreads: threads,
      sourcePixelsPerFramePixel: options.sourcePixelsPerFramePixel ?? 1,
    });
  } catch (err) {
    await face.close();
    throw err;
  }
  const manifest = readManifest();
  const set: AnalysisStageSet = {
    face,
    expression,
    parameters: { face: { ...face.parameters }, expression: expression.parameters() },
    models: {
      blazeface: modelEntry(manifest, 'blazeface').onnx.sha256,
      facemesh: modelEntry(manifest, 'facemesh').onnx.sha256,
      emotion: modelEntry(manifest, 'emotion').onnx.sha256,
    },
    async close() {
      await Promise.all([face.close(), expression.close()]);
    },
  };
  return set;
};
