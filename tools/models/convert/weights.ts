// Decodes the weights of a TF.js weight group from the concatenation of its
// shards. The byte layout follows tfjs-core's io.decodeWeights: weights lie one
// after another, little-endian, each in its stored (maybe quantised) dtype.
import { float16ToFloat32 } from './float16.js';
import type { DecodedTensor, TfWeightSpec } from './tfjsTypes.js';

const STORED_BYTES = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 } as const;

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** Bytes one weight takes in the shard, from its stored dtype. */
export function storedByteLength(spec: TfWeightSpec): number {
  const stored = spec.quantization?.dtype ?? spec.dtype;
  if (!(stored in STORED_BYTES)) throw new Error(`Weight ${spec.name}: dtype ${stored} is not supported by the converter`);
  return elementCount(spec.shape) * STORED_BYTES[stored as keyof typeof STORED_BYTES];
}

/** Decodes every weight of one group; `bytes` is the group's shards concatenated in order. */
export function decodeWeightGroup(specs: readonly TfWeightSpec[], bytes: Uint8Array, groupLabel: string): Map<string, DecodedTensor> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, DecodedTensor>();
  let offset = 0;
  for (const spec of specs) {
    const length = storedByteLength(spec);
    if (offset + length > bytes.byteLength) {
      throw new Error(
        `Weights of ${groupLabel} end at byte ${bytes.byteLength}, but ${spec.name} needs bytes ${offset}..${offset + length}: ` +
          `the shards are truncated or do not belong to this model.json`,
      );
    }
    out.set(spec.name, decodeOne(spec, view, offset));
    offset += length;
  }
  if (offset !== bytes.byteLength) {
    throw new Error(
      `Weights of ${groupLabel} are ${bytes.byteLength} bytes, but the manifest describes ${offset}: the shards do not belong to this model.json`,
    );
  }
  return out;
}

function decodeOne(spec: TfWeightSpec, view: DataView, offset: number): DecodedTensor {
  const n = elementCount(spec.shape);
  const shape = [...spec.shape];
  const read = storedReader(spec, view, offset);
  const affine = quantisationMap(spec);
  if (spec.dtype === 'float32') {
    const data = new Float32Array(n);
    // As in tfjs-core: the affine map runs in double precision, then rounds to float32 on store.
    for (let i = 0; i < n; i++) data[i] = affine ? read(i) * affine.scale + affine.min : read(i);
    return { dtype: 'float32', shape, data };
  }
  if (spec.dtype === 'int32') {
    const data = new Int32Array(n);
    for (let i = 0; i < n; i++) data[i] = affine ? Math.round(read(i) * affine.scale + affine.min) : read(i);
    return { dtype: 'int32', shape, data };
  }
  if (spec.dtype === 'bool') {
    const data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = read(i) ? 1 : 0;
    return { dtype: 'bool', shape, data };
  }
  throw new Error(`Weight ${spec.name}: dtype ${spec.dtype} is not supported by the converter`);
}

/** uint8/uint16 quantisation stores v and means v*scale+min; float16 is no affine map. */
function quantisationMap(spec: TfWeightSpec): { scale: number; min: number } | null {
  const q = spec.quantization;
  if (!q || q.dtype === 'float16') return null;
  if (typeof q.scale !== 'number' || typeof q.min !== 'number') {
    throw new Error(`Weight ${spec.name}: ${q.dtype} quantisation without scale and min`);
  }
  return { scale: q.scale, min: q.min };
}

/** A reader of element i in the stored representation. */
function storedReader(spec: TfWeightSpec, view: DataView, offset: number): (i: number) => number {
  switch (spec.quantization?.dtype ?? spec.dtype) {
    case 'float32':
      return (i) => view.getFloat32(offset + 4 * i, true);
    case 'int32':
      return (i) => view.getInt32(offset + 4 * i, true);
    case 'bool':
    case 'uint8':
      return (i) => view.getUint8(offset + i);
    case 'uint16':
      return (i) => view.getUint16(offset + 2 * i, true);
    case 'float16':
      return (i) => float16ToFloat32(view.getUint16(offset + 2 * i, true));
    default:
      throw new Error(`Weight ${spec.name}: stored dtype ${spec.quantization?.dtype ?? spec.dtype} is not supported`);
  }
}
