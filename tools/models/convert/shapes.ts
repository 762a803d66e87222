// Static shape arithmetic in TF's terms. A dim is a size or the name of a
// symbolic (batch) dim such as 'N'. Shapes are tracked so SAME padding becomes
// explicit ONNX pads and every output shape is checked against the manifest.
export type Dim = number | string;

export interface WindowResult {
  size: number;
  before: number;
  after: number;
}

export type TfPadding = 'SAME' | 'VALID';

/**
 * Output size and padding of a sliding window along one axis, as TensorFlow
 * computes them: SAME pads so that out = ceil(in / stride), the odd pixel going
 * after (ONNX's SAME_UPPER); VALID does not pad.
 */
export function windowAxis(input: number, kernel: number, stride: number, dilation: number, padding: TfPadding): WindowResult {
  const span = (kernel - 1) * dilation + 1;
  if (padding === 'VALID') {
    if (input < span) throw new Error(`Window of ${span} does not fit an axis of ${input}`);
    return { size: Math.floor((input - span) / stride) + 1, before: 0, after: 0 };
  }
  const size = Math.ceil(input / stride);
  const total = Math.max((size - 1) * stride + span - input, 0);
  const before = Math.floor(total / 2);
  return { size, before, after: total - before };
}

export function staticDim(dim: Dim | undefined, what: string): number {
  if (typeof dim !== 'number') throw new Error(`${what} must have a fixed size, but it is ${String(dim)}`);
  return dim;
}

/** Numpy/TF broadcasting of two shapes. */
export function broadcastShapes(a: readonly Dim[], b: readonly Dim[]): Dim[] {
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x === y || y === 1) out.push(x);
    else if (x === 1) out.push(y);
    else throw new Error(`Shapes [${a.join(',')}] and [${b.join(',')}] do not broadcast`);
  }
  return out;
}

/**
 * The shape a TF Reshape produces. A -1 in the target that stands for the
 * input's one symbolic dim stays symbolic, so a dynamic batch survives reshapes
 * like [-1, 1404]; a target that pins a dim the input leaves symbolic is refused.
 */
export function reshapeShape(input: readonly Dim[], target: readonly number[]): Dim[] {
  if (target.some((d) => d === 0 || d < -1)) throw new Error(`Reshape to [${target.join(',')}] is not supported`);
  const unknown = target.filter((d) => d === -1).length;
  if (unknown > 1) throw new Error(`Reshape to [${target.join(',')}] has more than one -1`);
  const symbolic = input.filter((d): d is string => typeof d === 'string');
  const inStatic = input.reduce<number>((n, d) => (typeof d === 'number' ? n * d : n), 1);
  const targetStatic = target.reduce((n, d) => (d === -1 ? n : n * d), 1);
  if (symbolic.length === 0) {
    const fill = unknown ? inStatic / targetStatic : 1;
    if (!Number.isInteger(fill) || (!unknown && inStatic !== targetStatic))
      throw new Error(`Cannot reshape [${input.join(',')}] to [${target.join(',')}]`);
    return target.map((d) => (d === -1 ? fill : d));
  }
  if (symbolic.length === 1 && unknown === 1 && inStatic === targetStatic) {
    return target.map((d) => (d === -1 ? (symbolic[0] as string) : d));
  }
  throw new Error(
    `Reshape of [${input.join(',')}] to [${target.join(',')}] would fix the symbolic dim: convert this model with a fixed batch`,
  );
}
