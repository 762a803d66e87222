// The TF ops the converter understands. Const and Placeholder are handled by
// the graph assembly (they become initializers and graph inputs).
import { depthwiseConv2dNative, fusedConv2D } from './conv.js';
import { addV2, identity, prelu, relu, sigmoid, softmax } from './elementwise.js';
import { maxPool } from './pool.js';
import { concatV2, mean, pad, reshape } from './structural.js';
import type { Translator } from './translator.js';

export const TRANSLATORS: Readonly<Record<string, Translator>> = {
  _FusedConv2D: fusedConv2D,
  DepthwiseConv2dNative: depthwiseConv2dNative,
  AddV2: addV2,
  Relu: relu,
  Prelu: prelu,
  MaxPool: maxPool,
  Pad: pad,
  Mean: mean,
  Softmax: softmax,
  Sigmoid: sigmoid,
  Reshape: reshape,
  ConcatV2: concatV2,
  Identity: identity,
};

export function translatorFor(op: string): Translator | undefined {
  return Object.hasOwn(TRANSLATORS, op) ? TRANSLATORS[op] : undefined;
}

export const GRAPH_OPS = ['Const', 'Placeholder'] as const;

export function supportedOps(): string[] {
  return [...Object.keys(TRANSLATORS), ...GRAPH_OPS].sort();
}
