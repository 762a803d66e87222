// The sliding-window attributes shared by Conv and MaxPool: TF's NHWC
// strides/dilations/padding become ONNX's spatial attributes and explicit pads.
import { attrInts, attrString } from '../attrs.js';
import { staticDim, windowAxis, type Dim, type TfPadding } from '../shapes.js';
import type { TfNode } from '../tfjsTypes.js';

export interface Window {
  strides: [number, number];
  dilations: [number, number];
  /** ONNX order: top, left, bottom, right. */
  pads: [number, number, number, number];
  outHeight: number;
  outWidth: number;
}

/** Reads NHWC strides/dilations/padding and computes the output size for a kernel of kh×kw on an NHWC input. */
export function windowOf(node: TfNode, inputShape: readonly Dim[], kh: number, kw: number): Window {
  const format = attrString(node, 'data_format', 'NHWC');
  if (format !== 'NHWC') throw new Error(`Node ${node.name}: data_format ${format} is not supported (TF.js graphs are NHWC)`);
  const strides = spatial(node, 'strides', attrInts(node, 'strides', [1, 1, 1, 1]));
  const dilations = spatial(node, 'dilations', attrInts(node, 'dilations', [1, 1, 1, 1]));
  const height = staticDim(inputShape[1], `Height of the input of ${node.name}`);
  const width = staticDim(inputShape[2], `Width of the input of ${node.name}`);
  const padding = attrString(node, 'padding');
  if (padding === 'EXPLICIT') {
    // explicit_paddings holds (before, after) per NHWC axis.
    const p = attrInts(node, 'explicit_paddings');
    const [top, bottom, left, right] = [p[2] ?? 0, p[3] ?? 0, p[4] ?? 0, p[5] ?? 0];
    const h = windowAxis(height + top + bottom, kh, strides[0], dilations[0], 'VALID');
    const w = windowAxis(width + left + right, kw, strides[1], dilations[1], 'VALID');
    return { strides, dilations, pads: [top, left, bottom, right], outHeight: h.size, outWidth: w.size };
  }
  if (padding !== 'SAME' && padding !== 'VALID') throw new Error(`Node ${node.name}: padding ${padding} is not supported`);
  const h = windowAxis(height, kh, strides[0], dilations[0], padding as TfPadding);
  const w = windowAxis(width, kw, strides[1], dilations[1], padding as TfPadding);
  return { strides, dilations, pads: [h.before, w.before, h.after, w.after], outHeight: h.size, outWidth: w.size };
}

/** The H and W entries of an NHWC attribute; batch and channel entries must be 1. */
function spatial(node: TfNode, name: string, values: readonly number[]): [number, number] {
  const [n, h, w, c] = values;
  if (values.length !== 4 || n !== 1 || c !== 1 || h === undefined || w === undefined) {
    throw new Error(`Node ${node.name}: ${name} [${values.join(',')}] must be [1,h,w,1]`);
  }
  return [h, w];
}
