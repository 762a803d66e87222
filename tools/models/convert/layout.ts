// TF.js tensors are NHWC; ONNX Conv and MaxPool want NCHW. Every converted
// value remembers its logical (TF) shape and whether its physical ONNX tensor is
// that shape as is ('plain') or permuted to NCHW ('nchw'), so transposes are
// inserted only where an op needs the other order.
import type { DecodedTensor } from './tfjsTypes.js';

export type Layout = 'nchw' | 'plain';

export const NHWC_TO_NCHW = [0, 3, 1, 2] as const;
export const NCHW_TO_NHWC = [0, 2, 3, 1] as const;

/** out[i] = values[perm[i]], the ONNX Transpose convention. */
export function permute<T>(values: readonly T[], perm: readonly number[]): T[] {
  if (perm.length !== values.length) throw new Error(`Permutation ${perm.join(',')} does not fit rank ${values.length}`);
  return perm.map((p) => values[p] as T);
}

/** The position in the NCHW tensor of logical NHWC axis `axis`. */
export function nchwAxis(axis: number): number {
  return NHWC_TO_NCHW.indexOf(axis as 0 | 1 | 2 | 3);
}

/** A logical rank-4 shape as the physical tensor of a value in `layout`. */
export function physicalShape<T>(shape: readonly T[], layout: Layout): T[] {
  return layout === 'nchw' ? permute(shape, NHWC_TO_NCHW) : [...shape];
}

/** Transposes row-major constant data, as ONNX Transpose would: out dim i = in dim perm[i]. */
export function transposeTensor(tensor: DecodedTensor, perm: readonly number[]): DecodedTensor {
  const inShape = tensor.shape;
  const outShape = permute(inShape, perm);
  const rank = inShape.length;
  const inStrides = stridesOf(inShape);
  const n = tensor.data.length;
  const out = new (tensor.data.constructor as new (n: number) => typeof tensor.data)(n);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < n; o++) {
    let source = 0;
    for (let i = 0; i < rank; i++) source += (index[i] ?? 0) * (inStrides[perm[i] ?? 0] ?? 0);
    out[o] = tensor.data[source] ?? 0;
    for (let i = rank - 1; i >= 0; i--) {
      index[i] = (index[i] ?? 0) + 1;
      if ((index[i] ?? 0) < (outShape[i] ?? 0)) break;
      index[i] = 0;
    }
  }
  return { ...tensor, shape: outShape, data: out } as DecodedTensor;
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = (strides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return strides;
}
