import { beforeAll, describe, it } from 'vitest';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { loadModel, type LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import { expectMatchesReference } from './compareToReference.js';
import { cropsRgb } from './decodeImage.js';
import { ensureModels } from './ensureModels.js';
import { handDrawnFaceBoxes, squareCrop } from './media.js';
import { facemeshBatch, seededUniform } from './tensors.js';
import { loadReference } from './tfjsReference.js';

const SIZE = 192;
let model: LoadedModel;
let reference: GraphModel;

beforeAll(async () => {
  ensureModels();
  model = await loadModel('facemesh', { intraOpNumThreads: 2 });
  reference = await loadReference(model.entry);
});

describe('facemesh.onnx against the TF.js original', () => {
  it('matches on every hand-boxed face of the photos, as one batch', async () => {
    // Facemesh expects a generous box around the face (the app enlarges detections 1.4-1.5x).
    const crops = await cropsRgb(
      handDrawnFaceBoxes().map((box) => ({ file: box.file, crop: squareCrop(box, 1.5) })),
      SIZE,
    );
    await expectMatchesReference(model, reference, facemeshBatch(crops, SIZE), `${crops.length} face crops`);
  });

  it('matches on a random batch of 2', async () => {
    await expectMatchesReference(model, reference, seededUniform([2, SIZE, SIZE, 3], 0, 1, 13), 'random');
  });
});
