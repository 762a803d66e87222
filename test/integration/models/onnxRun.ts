// Runs a session on one float input; outputs keyed by name as plain arrays.
import ort from 'onnxruntime-node';
import type { LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import type { Batch } from './tensors.js';

export async function runOnnx(model: LoadedModel, input: Batch): Promise<Record<string, Float32Array>> {
  const [spec] = model.entry.inputs;
  if (!spec) throw new Error(`${model.name} has no input`);
  const outputs = await model.session.run({ [spec.name]: new ort.Tensor('float32', input.data, input.shape) });
  return Object.fromEntries(Object.entries(outputs).map(([name, tensor]) => [name, tensor.data as Float32Array]));
}
