import type { GraphBuilder, Value } from '../graphBuilder.js';
import type { TfNode } from '../tfjsTypes.js';

/** Emits the ONNX nodes for one TF node and returns the value it produces. */
export type Translator = (node: TfNode, graph: GraphBuilder) => Value;

/** The data inputs of a node (control edges dropped), checked for count. */
export function dataInputs(node: TfNode, min: number, max = min): string[] {
  const inputs = (node.input ?? []).filter((i) => !i.startsWith('^'));
  if (inputs.length < min || inputs.length > max) {
    throw new Error(`Node ${node.name} (${node.op}) has ${inputs.length} inputs, expected ${min === max ? min : `${min}..${max}`}`);
  }
  return inputs;
}

export function input(inputs: readonly string[], i: number): string {
  const value = inputs[i];
  if (value === undefined) throw new Error(`Missing input ${i}`);
  return value;
}
