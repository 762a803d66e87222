// Writes a small TF.js graph model to disk, in the format tensorflowjs_converter
// produces, so the converter's paths that blazeface, emotion and facemesh do not
// reach (ConcatV2, Mean with keep_dims, 4-D Softmax, Relu6, uint8 and float16
// weights, spatial Pad, non-trivial Reshape) are checked against TF.js too.
import fs from 'node:fs';
import path from 'node:path';
import type { TfAttrValue, TfNode, TfWeightSpec } from '../../../tools/models/convert/tfjsTypes.js';

export interface SyntheticWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: number[];
  /** How the weight is stored: uint8 is affine-quantised, float16 needs exactly representable values. */
  storage?: 'uint8' | 'float16';
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export const attr = {
  s: (s: string): TfAttrValue => ({ s: b64(s) }),
  ints: (values: number[]): TfAttrValue => ({ list: { i: values.map(String) } }),
  strings: (values: string[]): TfAttrValue => ({ list: { s: values.map(b64) } }),
  i: (i: number): TfAttrValue => ({ i: String(i) }),
  b: (b: boolean): TfAttrValue => ({ b }),
  float: (): TfAttrValue => ({ type: 'DT_FLOAT' }),
  shape: (dims: number[]): TfAttrValue => ({ shape: { dim: dims.map((d) => ({ size: String(d) })) } }),
};

export function placeholder(name: string, shape: number[]): TfNode {
  return { name, op: 'Placeholder', attr: { dtype: attr.float(), shape: attr.shape(shape) } };
}

export function constNode(weight: SyntheticWeight): TfNode {
  const dtype = weight.dtype === 'float32' ? 'DT_FLOAT' : 'DT_INT32';
  return {
    name: weight.name,
    op: 'Const',
    attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: { dim: weight.shape.map((d) => ({ size: String(d) })) } } } },
  };
}

/** model.json + model.bin in `dir`; returns the json's path. */
export function writeSyntheticModel(dir: string, nodes: TfNode[], weights: SyntheticWeight[]): string {
  const specs: TfWeightSpec[] = [];
  const chunks: Buffer[] = [];
  for (const w of weights) {
    const { spec, bytes } = encodeWeight(w);
    specs.push(spec);
    chunks.push(bytes);
  }
  fs.writeFileSync(path.join(dir, 'model.bin'), Buffer.concat(chunks));
  const json = {
    format: 'graph-model',
    modelTopology: { node: [...weights.map(constNode), ...nodes], library: {}, versions: {} },
    weightsManifest: [{ paths: ['model.bin'], weights: specs }],
  };
  const jsonPath = path.join(dir, 'model.json');
  fs.writeFileSync(jsonPath, JSON.stringify(json));
  return jsonPath;
}

function encodeWeight(w: SyntheticWeight): { spec: TfWeightSpec; bytes: Buffer } {
  const base = { name: w.name, shape: w.shape, dtype: w.dtype };
  if (w.storage === 'uint8') {
    const min = Math.min(...w.values);
    const scale = (Math.max(...w.values) - min) / 255 || 1;
    return {
      spec: { ...base, quantization: { dtype: 'uint8', min, scale } },
      bytes: Buffer.from(w.values.map((v) => Math.round((v - min) / scale))),
    };
  }
  if (w.storage === 'float16') {
    const bytes = Buffer.alloc(w.values.length * 2);
    w.values.forEach((v, i) => bytes.writeUInt16LE(halfBits(v), i * 2));
    return { spec: { ...base, quantization: { dtype: 'float16' } }, bytes };
  }
  const bytes = Buffer.alloc(w.values.length * 4);
  w.values.forEach((v, i) => (w.dtype === 'int32' ? bytes.writeInt32LE(v, i * 4) : bytes.writeFloatLE(v, i * 4)));
  return { spec: base, bytes };
}

/** Binary16 bits of a value that is exactly representable as a normal half (or zero). */
function halfBits(v: number): number {
  if (v === 0) return 0;
  const exponent = Math.floor(Math.log2(Math.abs(v)));
  const mantissa = (Math.abs(v) / 2 ** exponent - 1) * 1024;
  if (!Number.isInteger(mantissa) || exponent < -14 || exponent > 15) throw new Error(`${v} is not exact in float16`);
  return (v < 0 ? 0x8000 : 0) | ((exponent + 15) << 10) | mantissa;
}

/** Deterministic values k/64 (exact in float16), k in [-range, range]. */
export function sixtyFourths(count: number, seed: number, range = 40): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (Math.floor((state / 2 ** 32) * (2 * range + 1)) - range) / 64;
  });
}
