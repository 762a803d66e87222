// MaxPool → ONNX MaxPool (NCHW). ONNX ignores padded cells in a max, as TF's SAME does.
import { attrInts } from '../attrs.js';
import { attribute } from '../onnxProto.js';
import { dataInputs, input, type Translator } from './translator.js';
import { windowOf } from './window.js';

export const maxPool: Translator = (node, graph) => {
  const x = graph.inLayout(graph.value(input(dataInputs(node, 1), 0)), 'nchw');
  const [n, kh, kw, c] = attrInts(node, 'ksize');
  if (n !== 1 || c !== 1 || kh === undefined || kw === undefined) throw new Error(`Node ${node.name}: ksize must be [1,h,w,1]`);
  const w = windowOf(node, x.shape, kh, kw);
  if (w.dilations[0] !== 1 || w.dilations[1] !== 1) throw new Error(`Node ${node.name}: dilated pooling is not supported`);
  const name = graph.node('MaxPool', [x.name], node.name, [
    attribute.ints('kernel_shape', [kh, kw]),
    attribute.ints('pads', w.pads),
    attribute.ints('strides', w.strides),
  ]);
  return { name, shape: [x.shape[0] ?? 1, w.outHeight, w.outWidth, x.shape[3] ?? 1], layout: 'nchw' };
};
