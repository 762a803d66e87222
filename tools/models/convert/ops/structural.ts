// Ops whose meaning depends on axis numbers (Pad, Mean, ConcatV2) or on memory
// order (Reshape): TF axes are mapped to NCHW, or the input goes back to NHWC.
import { attrBool, attrFloat } from '../attrs.js';
import { attribute } from '../onnxProto.js';
import { NHWC_TO_NCHW, nchwAxis, type Layout } from '../layout.js';
import { reshapeShape, staticDim, type Dim } from '../shapes.js';
import type { Value } from '../graphBuilder.js';
import { dataInputs, input, type Translator } from './translator.js';

/** Physical axis of logical axis `axis` for a value of `rank` in `layout`. */
function physicalAxis(axis: number, rank: number, layout: Layout): number {
  const logical = axis < 0 ? axis + rank : axis;
  if (logical < 0 || logical >= rank) throw new Error(`Axis ${axis} is out of range for rank ${rank}`);
  return layout === 'nchw' && rank === 4 ? nchwAxis(logical) : logical;
}

/** TF Pad → ONNX Pad (constant); the [rank,2] paddings are reordered to the physical axes. */
export const pad: Translator = (node, graph) => {
  const inputs = dataInputs(node, 2);
  const x = graph.value(input(inputs, 0));
  const paddings = graph.constantInts(input(inputs, 1));
  const rank = x.shape.length;
  if (paddings.length !== rank * 2) throw new Error(`Node ${node.name}: paddings do not match rank ${rank}`);
  // Physical axis p of an NCHW tensor holds logical axis NHWC_TO_NCHW[p].
  const order = x.layout === 'nchw' ? [...NHWC_TO_NCHW] : [...Array(rank).keys()];
  const before = order.map((a) => paddings[2 * a] ?? 0);
  const after = order.map((a) => paddings[2 * a + 1] ?? 0);
  const pads = graph.int64s(`${node.name}/pads`, [...before, ...after]);
  const shape = x.shape.map((d, a) => (typeof d === 'number' ? d + (paddings[2 * a] ?? 0) + (paddings[2 * a + 1] ?? 0) : d));
  if (x.shape.some((d, a) => typeof d !== 'number' && ((paddings[2 * a] ?? 0) !== 0 || (paddings[2 * a + 1] ?? 0) !== 0))) {
    throw new Error(`Node ${node.name}: padding a symbolic dim is not supported`);
  }
  // TF.js carries PadV2's fill value as an attribute; plain Pad fills with zeros.
  const fill = attrFloat(node, 'constant_value', 0);
  const padInputs = fill === 0 ? [x.name, pads] : [x.name, pads, graph.scalar(`${node.name}/constant_value`, fill)];
  return { name: graph.node('Pad', padInputs, node.name), shape, layout: x.layout };
};

/** Reshape follows row-major order of the logical (NHWC) tensor, so the input goes back to plain first. */
export const reshape: Translator = (node, graph) => {
  const inputs = dataInputs(node, 2);
  const x = graph.inLayout(graph.value(input(inputs, 0)), 'plain');
  const target = graph.constantInts(input(inputs, 1));
  const shape = reshapeShape(x.shape, target);
  const shapeName = graph.int64s(`${node.name}/shape`, target);
  return { name: graph.node('Reshape', [x.name, shapeName], node.name), shape, layout: 'plain' };
};

/** ConcatV2: values..., axis. Rank-4 inputs meet in NCHW, others in plain order. */
export const concatV2: Translator = (node, graph) => {
  const inputs = dataInputs(node, 2, Number.MAX_SAFE_INTEGER);
  const axisInput = inputs.pop() as string;
  const [axis] = graph.constantInts(axisInput);
  const first = graph.value(input(inputs, 0));
  const rank = first.shape.length;
  const layout: Layout = rank === 4 ? 'nchw' : 'plain';
  const parts: Value[] = inputs.map((ref) =>
    graph.isConstant(ref)
      ? { name: graph.constantOperand(ref, rank, layout), shape: graph.constant(ref).shape, layout }
      : graph.inLayout(graph.value(ref), layout),
  );
  const logicalAxis = (axis ?? 0) < 0 ? (axis ?? 0) + rank : (axis ?? 0);
  const shape: Dim[] = [...first.shape];
  shape[logicalAxis] = parts.reduce((sum, p) => sum + staticDim(p.shape[logicalAxis], `Concatenated axis of ${node.name}`), 0);
  const name = graph.node(
    'Concat',
    parts.map((p) => p.name),
    node.name,
    [attribute.int('axis', physicalAxis(logicalAxis, rank, layout))],
  );
  return { name, shape, layout };
};

/**
 * Mean → ReduceMean. Without keep_dims the result is plain, so NCHW input is
 * reduced in place only if the surviving axes keep their TF order (e.g. a global
 * average pool over H and W leaves [N, C] either way); otherwise it goes back to plain first.
 */
export const mean: Translator = (node, graph) => {
  const inputs = dataInputs(node, 2);
  const keep = attrBool(node, 'keep_dims', false);
  let x = graph.value(input(inputs, 0));
  const rank = x.shape.length;
  const axes = graph.constantInts(input(inputs, 1)).map((a) => (a < 0 ? a + rank : a));
  const kept = [...Array(rank).keys()].filter((a) => !axes.includes(a));
  if (!keep && x.layout === 'nchw' && rank === 4) {
    const physicalOrder = [...kept].sort((p, q) => nchwAxis(p) - nchwAxis(q));
    if (physicalOrder.some((a, i) => a !== kept[i])) x = graph.inLayout(x, 'plain');
  }
  const physicalAxes = axes.map((a) => physicalAxis(a, rank, x.layout)).sort((p, q) => p - q);
  const name = graph.node('ReduceMean', [x.name], node.name, [
    attribute.ints('axes', physicalAxes),
    attribute.int('keepdims', keep ? 1 : 0),
  ]);
  const shape = keep ? x.shape.map((d, a) => (axes.includes(a) ? 1 : d)) : kept.map((a) => x.shape[a] as Dim);
  return { name, shape, layout: keep ? x.layout : 'plain' };
};
