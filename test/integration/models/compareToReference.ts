// Runs one input through the converted model and the TF.js original and
// measures, per output, the largest absolute difference.
//
// The bound is 1e-4 absolute, scaled by the output's largest magnitude when that
// exceeds 1. Float32 rounding grows with the values summed: BlazeFace logits reach
// -5859 on the black letterbox bars and boxes are in pixels, and there TF.js's own
// cpu and wasm backends already differ by 1.5e-3 on the same graph. Probabilities
// (emotion, faceflag) stay within 0..1, so for them the bound is a flat 1e-4. A
// conversion mistake (axis order, padding, weight layout) errs by a sizeable
// fraction of the output's range, orders of magnitude above either bound.
import { expect } from 'vitest';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import { runOnnx } from './onnxRun.js';
import { maxAbsDiff, type Batch } from './tensors.js';
import { runReference } from './tfjsReference.js';

export const BASE_TOLERANCE = 1e-4;

export interface OutputComparison {
  output: string;
  maxAbsDiff: number;
  largestValue: number;
  tolerance: number;
}

export async function compareToReference(
  model: LoadedModel,
  reference: GraphModel,
  input: Batch,
  label: string,
): Promise<OutputComparison[]> {
  const got = await runOnnx(model, input);
  const want = runReference(reference, model.entry, input);
  const rows = model.entry.outputs.map(({ name }) => {
    const expected = want[name] as Float32Array;
    const largestValue = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    return {
      output: name,
      maxAbsDiff: maxAbsDiff(got[name] as Float32Array, expected),
      largestValue,
      tolerance: BASE_TOLERANCE * Math.max(1, largestValue),
    };
  });
  const described = rows.map(
    (r) =>
      `${r.output} max|diff| ${r.maxAbsDiff.toExponential(2)} ` +
      `(max|value| ${r.largestValue.toPrecision(4)}, bound ${r.tolerance.toExponential(1)})`,
  );
  console.log(`${model.name} ${label}: ${described.join('; ')}`);
  return rows;
}

export async function expectMatchesReference(model: LoadedModel, reference: GraphModel, input: Batch, label: string): Promise<void> {
  for (const row of await compareToReference(model, reference, input, label)) {
    expect(row.maxAbsDiff, `${model.name} ${row.output} on ${label}`).toBeLessThanOrEqual(row.tolerance);
  }
}
