// The square input side of an image model, read from its manifest entry
// ([N or 1, size, size, 3], NHWC), so the code never disagrees with the model.
import type { LoadedModel } from '../models/loadModel.js';

export function squareInputSize(model: LoadedModel): number {
  const shape = model.entry.inputs[0]?.shape ?? [];
  const [, h, w, c] = shape;
  if (typeof h !== 'number' || h !== w || c !== 3)
    throw new Error(`Model "${model.name}" input ${JSON.stringify(shape)} is not [N, size, size, 3]`);
  return h;
}
