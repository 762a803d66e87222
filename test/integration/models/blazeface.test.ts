import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { loadModel, type LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import { expectMatchesReference } from './compareToReference.js';
import { letterboxRgb } from './decodeImage.js';
import { ensureModels } from './ensureModels.js';
import { facesDir } from './media.js';
import { blazefaceInput, seededUniform } from './tensors.js';
import { loadReference } from './tfjsReference.js';

const SIZE = 256;
let model: LoadedModel;
let reference: GraphModel;

beforeAll(async () => {
  ensureModels();
  model = await loadModel('blazeface', { intraOpNumThreads: 2 });
  reference = await loadReference(model.entry);
});

describe('blazeface.onnx against the TF.js original', () => {
  const photos = fs
    .readdirSync(facesDir)
    .filter((f) => /\.(jpg|png)$/.test(f))
    .sort();

  it.each(photos)('matches on %s, letterboxed to 256x256', async (photo) => {
    await expectMatchesReference(model, reference, blazefaceInput(await letterboxRgb(path.join(facesDir, photo), SIZE), SIZE), photo);
  });

  it('matches on a random input', async () => {
    await expectMatchesReference(model, reference, seededUniform([1, SIZE, SIZE, 3], -1, 1, 7), 'random');
  });
});
