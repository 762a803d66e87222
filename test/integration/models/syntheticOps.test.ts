// The converter on a small hand-written graph that exercises every op variant
// the three shipped models do not, compared with TF.js running the same files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ort from 'onnxruntime-node';
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { convertTfjsModel, type TensorBinding } from '../../../tools/models/convert/index.js';
import { BASE_TOLERANCE } from './compareToReference.js';
import { attr, placeholder, sixtyFourths, writeSyntheticModel, type SyntheticWeight } from './syntheticModel.js';
import { maxAbsDiff, seededUniform } from './tensors.js';
import { referenceBackend } from './tfjsReference.js';
import type { TfNode } from '../../../tools/models/convert/tfjsTypes.js';

const f32 = (name: string, shape: number[], seed: number, storage?: SyntheticWeight['storage']): SyntheticWeight => ({
  name,
  shape,
  dtype: 'float32',
  storage,
  values: sixtyFourths(
    shape.reduce((a, b) => a * b, 1),
    seed,
  ),
});
const i32 = (name: string, shape: number[], values: number[]): SyntheticWeight => ({ name, shape, dtype: 'int32', values });

const weights: SyntheticWeight[] = [
  f32('w1', [3, 3, 3, 4], 1, 'uint8'),
  f32('b1', [4], 2),
  i32('paddings', [4, 2], [0, 0, 1, 2, 2, 1, 0, 0]),
  f32('dw', [3, 3, 4, 2], 3, 'float16'),
  f32('alpha', [8], 4),
  f32('w2', [1, 1, 8, 8], 5, 'float16'),
  f32('b2', [8], 6),
  // Slopes above 1 as well as below (the face mesh has such a layer): the converter's other PReLU form.
  { name: 'alpha2', shape: [1, 1, 8], dtype: 'float32', values: [-0.25, 0.5, 1.25, 0.75, 2, -1.5, 1, 0.125] },
  i32('axisC', [], [3]),
  i32('axisH', [], [-3]),
  f32('bias16', [16], 8),
  i32('axesHW', [2], [1, 2]),
  i32('axisW', [1], [2]),
  i32('flat', [2], [1, -1]),
];

const spatial = { strides: attr.ints([1, 1, 1, 1]), dilations: attr.ints([1, 1, 1, 1]), data_format: attr.s('NHWC'), T: attr.float() };
const nodes: TfNode[] = [
  placeholder('x', [1, 8, 8, 3]),
  {
    name: 'conv1',
    op: '_FusedConv2D',
    input: ['x', 'w1', 'b1'],
    attr: { ...spatial, padding: attr.s('SAME'), fused_ops: attr.strings(['BiasAdd', 'Relu6']), num_args: attr.i(1) },
  },
  { name: 'pad', op: 'Pad', input: ['conv1', 'paddings'], attr: { T: attr.float() } },
  {
    name: 'dwconv',
    op: 'DepthwiseConv2dNative',
    input: ['pad', 'dw'],
    attr: { ...spatial, strides: attr.ints([1, 2, 2, 1]), padding: attr.s('VALID') },
  },
  { name: 'prelu', op: 'Prelu', input: ['dwconv', 'alpha'], attr: { T: attr.float() } },
  {
    name: 'conv2',
    op: '_FusedConv2D',
    input: ['prelu', 'w2', 'b2', 'alpha2'],
    attr: { ...spatial, padding: attr.s('VALID'), fused_ops: attr.strings(['BiasAdd', 'Prelu']), num_args: attr.i(2) },
  },
  { name: 'concatC', op: 'ConcatV2', input: ['conv2', 'prelu', 'axisC'], attr: { N: attr.i(2), T: attr.float() } },
  { name: 'concatH', op: 'ConcatV2', input: ['concatC', 'concatC', 'axisH'], attr: { N: attr.i(2), T: attr.float() } },
  {
    name: 'pool',
    op: 'MaxPool',
    input: ['concatH'],
    attr: { ...spatial, strides: attr.ints([1, 2, 2, 1]), ksize: attr.ints([1, 3, 3, 1]), padding: attr.s('SAME') },
  },
  { name: 'add', op: 'AddV2', input: ['pool', 'bias16'], attr: { T: attr.float() } },
  { name: 'meanKeep', op: 'Mean', input: ['add', 'axesHW'], attr: { keep_dims: attr.b(true), T: attr.float() } },
  { name: 'sigmoid', op: 'Sigmoid', input: ['meanKeep'], attr: { T: attr.float() } },
  { name: 'softmax', op: 'Softmax', input: ['add'], attr: { T: attr.float() } },
  { name: 'flatten', op: 'Reshape', input: ['softmax', 'flat'], attr: { T: attr.float() } },
  { name: 'meanW', op: 'Mean', input: ['add', 'axisW'], attr: { keep_dims: attr.b(false), T: attr.float() } },
  { name: 'relu', op: 'Relu', input: ['meanW'], attr: { T: attr.float() } },
  { name: 'out_sigmoid', op: 'Identity', input: ['sigmoid'] },
  { name: 'out_flat', op: 'Identity', input: ['flatten'] },
  { name: 'out_relu', op: 'Identity', input: ['relu'] },
  { name: 'out_concat', op: 'Identity', input: ['concatH'] },
];

const outputs: TensorBinding[] = [
  { tfName: 'out_sigmoid', name: 'sigmoid', shape: [1, 1, 1, 16] },
  { tfName: 'out_flat', name: 'flat', shape: [1, 240] },
  { tfName: 'out_relu', name: 'relu', shape: [1, 5, 16] },
  { tfName: 'out_concat', name: 'concat', shape: [1, 10, 5, 16] },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'micromoment-synthetic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('converter on a synthetic graph', () => {
  const jsonPath = writeSyntheticModel(dir, nodes, weights);
  const options = {
    graphName: 'synthetic',
    inputs: [{ tfName: 'x', name: 'x', shape: [1, 8, 8, 3] }],
    outputs,
    docString: 'test',
    metadata: [],
  };

  it('matches TF.js on every output', async () => {
    const session = await ort.InferenceSession.create(convertTfjsModel(jsonPath, options));
    await referenceBackend();
    const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as {
      modelTopology: object;
      weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
    };
    const bin = fs.readFileSync(path.join(dir, 'model.bin'));
    const reference: GraphModel = await loadGraphModel({
      load: async () => ({
        format: 'graph-model',
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      }),
    });
    const input = seededUniform([1, 8, 8, 3], -1, 1, 3);
    const got = await session.run({ x: new ort.Tensor('float32', input.data, input.shape) });
    const want = tf.tidy(() =>
      (
        reference.execute(
          { x: tf.tensor(input.data, input.shape) },
          outputs.map((o) => o.tfName),
        ) as tf.Tensor[]
      ).map((t) => t.dataSync() as Float32Array),
    );
    outputs.forEach((o, i) => {
      const diff = maxAbsDiff(got[o.name]?.data as Float32Array, want[i] as Float32Array);
      console.log(`synthetic ${o.name}: max|diff| ${diff.toExponential(2)}`);
      expect(got[o.name]?.dims).toEqual(o.shape);
      expect(diff).toBeLessThanOrEqual(BASE_TOLERANCE);
    });
  });

  it('is deterministic', () => {
    expect(Buffer.from(convertTfjsModel(jsonPath, options)).equals(Buffer.from(convertTfjsModel(jsonPath, options)))).toBe(true);
  });
});
