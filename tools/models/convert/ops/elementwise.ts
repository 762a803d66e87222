// Ops that work element by element (or along the last axis) and so keep
// whatever layout their input has: no transpose is needed around them.
import { attribute } from '../onnxProto.js';
import { broadcastShapes } from '../shapes.js';
import type { GraphBuilder, Value } from '../graphBuilder.js';
import { dataInputs, input, type Translator } from './translator.js';
import { emitPrelu } from './prelu.js';

const unary =
  (opType: string): Translator =>
  (node, graph) => {
    const x = graph.value(input(dataInputs(node, 1), 0));
    return { ...x, name: graph.node(opType, [x.name], node.name) };
  };

export const relu = unary('Relu');
export const sigmoid = unary('Sigmoid');

/** Identity only renames: the TF node's name now stands for its input's value. */
export const identity: Translator = (node, graph) => graph.value(input(dataInputs(node, 1), 0));

/** TF Softmax runs over the last logical axis: channels, which NCHW holds at axis 1. */
export const softmax: Translator = (node, graph) => {
  const x = graph.value(input(dataInputs(node, 1), 0));
  const axis = x.layout === 'nchw' ? 1 : -1;
  return { ...x, name: graph.node('Softmax', [x.name], node.name, [attribute.int('axis', axis)]) };
};

export const prelu: Translator = (node, graph) => {
  const inputs = dataInputs(node, 2);
  const x = graph.value(input(inputs, 0));
  return emitPrelu(graph, x, input(inputs, 1), node.name);
};

export const addV2: Translator = (node, graph) => {
  const [a, b] = binaryOperands(graph, dataInputs(node, 2));
  return { name: graph.node('Add', [a.name, b.name], node.name), shape: broadcastShapes(a.shape, b.shape), layout: a.layout };
};

/**
 * Brings two operands to one layout: a constant follows the computed operand,
 * two rank-4 values meet in NCHW, anything else meets in plain (TF) order.
 */
function binaryOperands(graph: GraphBuilder, inputs: readonly string[]): [Value, Value] {
  const [left, right] = [input(inputs, 0), input(inputs, 1)];
  if (graph.isConstant(left) && graph.isConstant(right))
    throw new Error(`Both operands ${left} and ${right} are constants: fold them first`);
  if (graph.isConstant(left) || graph.isConstant(right)) {
    const computed = graph.value(graph.isConstant(left) ? right : left);
    const constRef = graph.isConstant(left) ? left : right;
    const c: Value = {
      name: graph.constantOperand(constRef, computed.shape.length, computed.layout),
      shape: graph.constant(constRef).shape,
      layout: computed.layout,
    };
    return graph.isConstant(left) ? [c, computed] : [computed, c];
  }
  const a = graph.value(left);
  const b = graph.value(right);
  const layout = a.shape.length === 4 && b.shape.length === 4 ? 'nchw' : 'plain';
  return [graph.inLayout(a, layout), graph.inLayout(b, layout)];
}
