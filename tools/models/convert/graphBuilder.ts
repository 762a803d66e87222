// Accumulates the ONNX graph while TF nodes are translated: node and
// initializer lists in creation order (so output is deterministic), unique
// names, the TF-tensor → ONNX-value map, and cached layout transposes.
import { floatTensor, int64Tensor, attribute } from './onnxProto.js';
import type { AttributeProto, NodeProto, TensorProto } from './onnxProto.js';
import { NCHW_TO_NHWC, NHWC_TO_NCHW, transposeTensor, type Layout } from './layout.js';
import type { Dim } from './shapes.js';
import type { DecodedTensor } from './tfjsTypes.js';

/** A converted tensor: its ONNX name, its logical (TF) shape, and its physical layout. */
export interface Value {
  name: string;
  shape: Dim[];
  layout: Layout;
}

/** TF input references look like `node`, `node:0` or `^node` (control edge). */
export function tensorRef(input: string): { node: string; control: boolean } {
  if (input.startsWith('^')) return { node: input.slice(1), control: true };
  const match = /^(.*):(\d+)$/.exec(input);
  if (match?.[2] && match[2] !== '0') throw new Error(`Input ${input}: ops with several outputs are not supported`);
  return { node: match?.[1] ?? input, control: false };
}

export class GraphBuilder {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private readonly names = new Set<string>();
  private readonly values = new Map<string, Value>();
  private readonly layoutCache = new Map<string, Value>();
  private readonly initializerCache = new Map<string, string>();

  constructor(private readonly constants: ReadonlyMap<string, DecodedTensor>) {}

  /** Claims a name for the graph; a taken one gets a numeric suffix. */
  uniqueName(hint: string): string {
    let name = hint;
    for (let i = 1; this.names.has(name); i++) name = `${hint}_${i}`;
    this.names.add(name);
    return name;
  }

  isConstant(input: string): boolean {
    return this.constants.has(tensorRef(input).node);
  }

  constant(input: string): DecodedTensor {
    const tensor = this.constants.get(tensorRef(input).node);
    if (!tensor) throw new Error(`${input} is expected to be a constant (a weight in the shards), but is computed`);
    return tensor;
  }

  /** Integer values of a constant input such as axes, paddings or a shape. */
  constantInts(input: string): number[] {
    const tensor = this.constant(input);
    if (tensor.dtype !== 'int32') throw new Error(`${input} should be an int32 constant, it is ${tensor.dtype}`);
    return Array.from(tensor.data);
  }

  setValue(tfNode: string, value: Value): void {
    this.values.set(tfNode, value);
  }

  value(input: string): Value {
    const value = this.values.get(tensorRef(input).node);
    if (!value) throw new Error(`No converted value for ${input}`);
    return value;
  }

  /** Adds a one-output node; returns its output name. */
  node(opType: string, inputs: readonly string[], nameHint: string, attributes: AttributeProto[] = []): string {
    const name = this.uniqueName(nameHint);
    this.nodes.push({ name, opType, input: [...inputs], output: [name], ...(attributes.length ? { attribute: attributes } : {}) });
    return name;
  }

  /** Adds a node with a chosen output name (graph outputs). */
  namedNode(opType: string, inputs: readonly string[], output: string): void {
    this.nodes.push({ name: this.uniqueName(`${output}/${opType}`), opType, input: [...inputs], output: [output] });
  }

  /** A float32 or int64 initializer, once per cache key. */
  initializer(key: string, tensor: DecodedTensor): string {
    const cached = this.initializerCache.get(key);
    if (cached) return cached;
    const name = this.uniqueName(key);
    if (tensor.dtype === 'float32') this.initializers.push(floatTensor(name, tensor.shape, tensor.data));
    else if (tensor.dtype === 'int32') this.initializers.push(int64Tensor(name, tensor.shape, Array.from(tensor.data)));
    else throw new Error(`Constant ${key}: ${tensor.dtype} initializers are not supported`);
    this.initializerCache.set(key, name);
    return name;
  }

  int64s(key: string, values: readonly number[]): string {
    return this.initializer(key, { dtype: 'int32', shape: [values.length], data: Int32Array.from(values) });
  }

  scalar(key: string, value: number): string {
    return this.initializer(key, { dtype: 'float32', shape: [], data: Float32Array.of(value) });
  }

  /**
   * A constant operand made broadcast-compatible with a value of `rank` in
   * `layout`: right-aligned to that rank (as TF broadcasts), then permuted to NCHW if needed.
   */
  constantOperand(input: string, rank: number, layout: Layout): string {
    const tensor = this.constant(input);
    if (layout === 'plain' || rank !== 4) return this.initializer(tensorRef(input).node, tensor);
    if (tensor.shape.length > 4) throw new Error(`Constant ${input} has rank ${tensor.shape.length} > 4`);
    const aligned = { ...tensor, shape: [...new Array<number>(4 - tensor.shape.length).fill(1), ...tensor.shape] } as DecodedTensor;
    return this.initializer(`${tensorRef(input).node}/nchw`, transposeTensor(aligned, NHWC_TO_NCHW));
  }

  /** The value in the wanted layout, transposing (once per value) when it differs. */
  inLayout(value: Value, layout: Layout): Value {
    if (value.layout === layout || value.shape.length !== 4) return value;
    const key = `${value.name}|${layout}`;
    const cached = this.layoutCache.get(key);
    if (cached) return cached;
    const perm = layout === 'nchw' ? NHWC_TO_NCHW : NCHW_TO_NHWC;
    const name = this.node('Transpose', [value.name], `${value.name}/to_${layout === 'nchw' ? 'nchw' : 'nhwc'}`, [
      attribute.ints('perm', perm),
    ]);
    const converted = { name, shape: value.shape, layout };
    this.layoutCache.set(key, converted);
    return converted;
  }
}
