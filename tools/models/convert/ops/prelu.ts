// PReLU as ONNX nodes. ONNX Runtime's CPU PRelu kernel branches on the sign of
// every element: on real face crops (signs mixed at random) the branch
// predictor fails so often that the face mesh's PRelus took 2.9 ms of a 5.7 ms
// inference, against 0.9 ms on a flat grey input (ORT profile, this machine).
// Branch-free forms with the same products, so the same float results:
// - every slope ≤ 1: PReLU(x) = max(x, a·x) (x > 0 gives x since a·x ≤ x; x < 0 gives a·x ≥ x);
// - otherwise:       PReLU(x) = relu(x) + a·min(x, 0) (one term is an exact zero).
import type { GraphBuilder, Value } from '../graphBuilder.js';

export type PreluForm = 'max' | 'relu-plus-min';

/** Which branch-free form reproduces PReLU exactly for these slopes. */
export function preluForm(slopes: ArrayLike<number>): PreluForm {
  for (let i = 0; i < slopes.length; i++) {
    if (!((slopes[i] as number) <= 1)) return 'relu-plus-min';
  }
  return 'max';
}

/** Emits PReLU(x) with the constant slopes `alphaInput`, the result named `name`. */
export function emitPrelu(graph: GraphBuilder, x: Value, alphaInput: string, name: string): Value {
  const slopes = graph.constant(alphaInput);
  const alpha = graph.constantOperand(alphaInput, x.shape.length, x.layout);
  if (slopes.dtype !== 'float32') throw new Error(`PReLU ${name}: slopes of type ${slopes.dtype}, float32 expected`);
  if (preluForm(slopes.data) === 'max') {
    const scaled = graph.node('Mul', [x.name, alpha], `${name}/slope_times_x`);
    return { ...x, name: graph.node('Max', [x.name, scaled], name) };
  }
  const positive = graph.node('Relu', [x.name], `${name}/positive_part`);
  const negative = graph.node('Min', [x.name, graph.scalar('prelu/zero', 0)], `${name}/negative_part`);
  const scaled = graph.node('Mul', [negative, alpha], `${name}/slope_times_negative`);
  return { ...x, name: graph.node('Add', [positive, scaled], name) };
}
