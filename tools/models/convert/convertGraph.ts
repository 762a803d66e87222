// Assembles the ONNX model: graph inputs from Placeholders (fixed shapes from the
// caller, batch may be symbolic), one translator per op in dependency order,
// outputs back in TF (NHWC) order under public names, shapes checked.
import { attrShape, attrType } from './attrs.js';
import { GraphBuilder, type Value } from './graphBuilder.js';
import { floatValueInfo, type ModelProto, type ValueInfoProto } from './onnxProto.js';
import { supportedOps, translatorFor } from './ops/registry.js';
import type { TfjsGraph } from './readTfjsModel.js';
import type { Dim } from './shapes.js';
import { topoOrder } from './topoOrder.js';
import type { TfNode } from './tfjsTypes.js';

/** Bumped whenever the converter's output changes for the same input: it is part of every file. */
export const CONVERTER_VERSION = '1';
export const OPSET = 13;
const IR_VERSION = 7; // ONNX 1.8, the first to carry opset 13

export interface TensorBinding {
  /** The TF node (Placeholder, or the node giving an output). */
  tfName: string;
  /** The tensor's name in the ONNX model. */
  name: string;
  /** Logical (NHWC) shape; a string is a symbolic dim such as 'N'. */
  shape: readonly Dim[];
  description?: string;
}

export interface ConvertOptions {
  graphName: string;
  inputs: readonly TensorBinding[];
  outputs: readonly TensorBinding[];
  docString: string;
  /** Written in this order as the model's metadata_props. */
  metadata: readonly (readonly [string, string])[];
}

export function convertGraph(tf: TfjsGraph, options: ConvertOptions): ModelProto {
  const nodes = new Map<string, TfNode>();
  for (const node of tf.nodes) {
    if (nodes.has(node.name)) throw new Error(`Node name ${node.name} appears twice`);
    nodes.set(node.name, node);
  }
  const order = topoOrder(
    nodes,
    options.outputs.map((o) => o.tfName),
  );
  const unknown = [...new Set(order.filter((n) => n.op !== 'Const' && n.op !== 'Placeholder' && !translatorFor(n.op)).map((n) => n.op))];
  if (unknown.length > 0) {
    throw new Error(
      `Unsupported TF.js op${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in ${options.graphName}; the converter handles ${supportedOps().join(', ')}`,
    );
  }
  const builder = new GraphBuilder(tf.weights);
  for (const binding of [...options.inputs, ...options.outputs]) {
    if (builder.uniqueName(binding.name) !== binding.name) throw new Error(`Tensor name ${binding.name} is used twice`);
  }
  const inputs: ValueInfoProto[] = [];
  for (const node of order) {
    if (node.op === 'Const') {
      if (!tf.weights.has(node.name)) throw new Error(`Const ${node.name} has no data in the weight shards`);
    } else if (node.op === 'Placeholder') {
      const binding = bindInput(node, options.inputs);
      inputs.push(floatValueInfo(binding.name, binding.shape, binding.description));
      builder.setValue(node.name, { name: binding.name, shape: [...binding.shape], layout: 'plain' });
    } else {
      const translate = translatorFor(node.op);
      if (!translate) throw new Error(`Unsupported TF.js op ${node.op}`); // unreachable: checked above
      builder.setValue(node.name, translate(node, builder));
    }
  }
  const outputs = options.outputs.map((binding) => {
    const value: Value = builder.inLayout(builder.value(binding.tfName), 'plain');
    if (value.shape.join(',') !== binding.shape.join(',')) {
      throw new Error(
        `Output ${binding.name} (${binding.tfName}) has shape [${value.shape.join(',')}], expected [${binding.shape.join(',')}]`,
      );
    }
    builder.namedNode('Identity', [value.name], binding.name);
    return floatValueInfo(binding.name, binding.shape, binding.description);
  });
  return {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'micromoment tfjs-to-onnx',
    producerVersion: CONVERTER_VERSION,
    docString: options.docString,
    graph: { name: options.graphName, node: builder.nodes, initializer: builder.initializers, input: inputs, output: outputs },
    metadataProps: options.metadata.map(([key, value]) => ({ key, value })),
  };
}

/** Checks a Placeholder against the caller's binding: dtype float, same rank, fixed sizes agree. */
function bindInput(node: TfNode, bindings: readonly TensorBinding[]): TensorBinding {
  const binding = bindings.find((b) => b.tfName === node.name);
  if (!binding) throw new Error(`Placeholder ${node.name} is needed but has no input binding`);
  const dtype = attrType(node, 'dtype');
  if (dtype !== undefined && dtype !== 'DT_FLOAT') throw new Error(`Placeholder ${node.name} is ${dtype}; only float inputs are supported`);
  const declared = attrShape(node, 'shape');
  if (declared) {
    const agrees = declared.length === binding.shape.length && declared.every((d, i) => d === -1 || d === binding.shape[i]);
    if (!agrees)
      throw new Error(`Placeholder ${node.name} has shape [${declared.join(',')}], which [${binding.shape.join(',')}] does not fit`);
  }
  return binding;
}
