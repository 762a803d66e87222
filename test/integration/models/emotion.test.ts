import { beforeAll, describe, it } from 'vitest';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { loadModel, type LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import { expectMatchesReference } from './compareToReference.js';
import { cropsRgb } from './decodeImage.js';
import { ensureModels } from './ensureModels.js';
import { handDrawnFaceBoxes, squareCrop } from './media.js';
import { emotionBatch, seededUniform } from './tensors.js';
import { loadReference } from './tfjsReference.js';

const SIZE = 64;
let model: LoadedModel;
let reference: GraphModel;

beforeAll(async () => {
  ensureModels();
  model = await loadModel('emotion', { intraOpNumThreads: 2 });
  reference = await loadReference(model.entry);
});

describe('emotion.onnx against the TF.js original', () => {
  it('matches on every hand-boxed face of the photos, as one batch', async () => {
    const crops = await cropsRgb(
      handDrawnFaceBoxes().map((box) => ({ file: box.file, crop: squareCrop(box, 1.2) })),
      SIZE,
    );
    await expectMatchesReference(model, reference, emotionBatch(crops, SIZE), `${crops.length} face crops`);
  });

  it('matches on a random batch of 3', async () => {
    await expectMatchesReference(model, reference, seededUniform([3, SIZE, SIZE, 1], -1, 1, 11), 'random');
  });
});
