// _FusedConv2D and DepthwiseConv2dNative → ONNX Conv (NCHW), with TF.js's fused
// bias and activation (Relu, Relu6, Prelu) as the nodes that follow.
import { attrInt, attrStrings } from '../attrs.js';
import { attribute } from '../onnxProto.js';
import { transposeTensor } from '../layout.js';
import { tensorRef, type GraphBuilder, type Value } from '../graphBuilder.js';
import type { DecodedTensor, TfNode } from '../tfjsTypes.js';
import { dataInputs, input, type Translator } from './translator.js';
import { windowOf } from './window.js';
import { emitPrelu } from './prelu.js';

/** Conv2D filters are HWIO; ONNX wants OIHW. */
const HWIO_TO_OIHW = [3, 2, 0, 1];
/** Depthwise filters are [h, w, channels, multiplier]; ONNX wants [channels*multiplier, 1, h, w]. */
const HWCM_TO_CMHW = [2, 3, 0, 1];

export const fusedConv2D: Translator = (node, graph) => {
  const fused = attrStrings(node, 'fused_ops');
  const extra = attrInt(node, 'num_args', 0);
  const inputs = dataInputs(node, 2 + extra);
  const [first, activation, ...rest] = fused;
  if (rest.length > 0 || (first !== undefined && first !== 'BiasAdd') || (first === undefined && extra > 0)) {
    throw new Error(`Node ${node.name}: fused ops [${fused.join(', ')}] are not supported (only BiasAdd followed by Relu, Relu6 or Prelu)`);
  }
  const filter = graph.constant(input(inputs, 1));
  if (filter.dtype !== 'float32' || filter.shape.length !== 4)
    throw new Error(`Node ${node.name}: the filter must be a float32 HWIO constant`);
  const weights = graph.initializer(`${tensorRef(input(inputs, 1)).node}/oihw`, transposeTensor(filter, HWIO_TO_OIHW));
  const bias = first === 'BiasAdd' ? graph.initializer(tensorRef(input(inputs, 2)).node, graph.constant(input(inputs, 2))) : undefined;
  const [kh = 0, kw = 0, , outChannels = 0] = filter.shape;
  const conv = convNode(
    node,
    graph,
    graph.inLayout(graph.value(input(inputs, 0)), 'nchw'),
    { kh, kw, outChannels, group: 1 },
    weights,
    bias,
  );
  return activate(node, graph, conv, activation, inputs[3]);
};

export const depthwiseConv2dNative: Translator = (node, graph) => {
  const inputs = dataInputs(node, 2);
  const filter = graph.constant(input(inputs, 1));
  const [kh, kw, channels, multiplier] = filter.shape;
  if (filter.dtype !== 'float32' || multiplier === undefined || channels === undefined || kh === undefined || kw === undefined) {
    throw new Error(`Node ${node.name}: the filter must be a float32 [h,w,c,m] constant`);
  }
  const cmhw = transposeTensor(filter, HWCM_TO_CMHW);
  const weights = graph.initializer(`${tensorRef(input(inputs, 1)).node}/oihw`, {
    ...cmhw,
    shape: [channels * multiplier, 1, kh, kw],
  } as DecodedTensor);
  // A depthwise conv is a grouped conv with one group per input channel.
  const kernel = { kh, kw, outChannels: channels * multiplier, group: channels };
  return convNode(node, graph, graph.inLayout(graph.value(input(inputs, 0)), 'nchw'), kernel, weights, undefined);
};

interface Kernel {
  kh: number;
  kw: number;
  outChannels: number;
  group: number;
}

function convNode(
  node: TfNode,
  graph: GraphBuilder,
  x: Value,
  { kh, kw, outChannels, group }: Kernel,
  weights: string,
  bias: string | undefined,
): Value {
  const w = windowOf(node, x.shape, kh, kw);
  const name = graph.node('Conv', bias ? [x.name, weights, bias] : [x.name, weights], node.name, [
    attribute.ints('dilations', w.dilations),
    attribute.int('group', group),
    attribute.ints('kernel_shape', [kh, kw]),
    attribute.ints('pads', w.pads),
    attribute.ints('strides', w.strides),
  ]);
  return { name, shape: [x.shape[0] ?? 1, w.outHeight, w.outWidth, outChannels], layout: 'nchw' };
}

function activate(node: TfNode, graph: GraphBuilder, x: Value, activation: string | undefined, alphaInput: string | undefined): Value {
  switch (activation) {
    case undefined:
      return x;
    case 'Relu':
      return { ...x, name: graph.node('Relu', [x.name], `${node.name}/relu`) };
    case 'Relu6':
      return { ...x, name: graph.node('Clip', [x.name, graph.scalar('relu6/min', 0), graph.scalar('relu6/max', 6)], `${node.name}/relu6`) };
    case 'Prelu': {
      if (!alphaInput) throw new Error(`Node ${node.name}: fused Prelu without its alpha input`);
      return emitPrelu(graph, x, alphaInput, `${node.name}/prelu`);
    }
    default:
      throw new Error(`Node ${node.name}: fused activation ${activation} is not supported (only Relu, Relu6, Prelu)`);
  }
}
