// The converter writes PReLU as branch-free nodes (ops/prelu.ts). The forms are
// exact only under their conditions: checked here in float32 arithmetic, the
// way ONNX Runtime computes each node, against PReLU's definition.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preluForm } from '../../../../tools/models/convert/ops/prelu.js';

const f = Math.fround;
const prelu = (x: number, a: number) => (x > 0 ? x : f(x * a));
const maxForm = (x: number, a: number) => Math.max(x, f(x * a));
const reluPlusMinForm = (x: number, a: number) => f(Math.max(x, 0) + f(Math.min(x, 0) * a));
const evaluate = (form: ReturnType<typeof preluForm>, x: number, a: number) => (form === 'max' ? maxForm(x, a) : reluPlusMinForm(x, a));

const float = fc.float({ noNaN: true, noDefaultInfinity: true, min: f(-1e30), max: f(1e30) });

describe('preluForm', () => {
  it('takes max(x, a·x) when every slope is at most 1, the sum form otherwise', () => {
    expect(preluForm([-0.3, 0, 0.5, 1])).toBe('max');
    expect(preluForm([0.2, 1.0001])).toBe('relu-plus-min');
    expect(preluForm([])).toBe('max');
    expect(preluForm([Number.NaN])).toBe('relu-plus-min');
  });

  it('the chosen form equals PReLU exactly, element by element (float32)', () => {
    fc.assert(
      fc.property(fc.array(float, { minLength: 1, maxLength: 8 }), fc.array(float, { minLength: 1, maxLength: 16 }), (slopes, xs) => {
        const form = preluForm(slopes);
        for (const a of slopes) {
          for (const x of xs) {
            // +0 and -0 are the same value to every later layer; compare as numbers.
            expect(evaluate(form, x, a) === prelu(x, a)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('max(x, a·x) would be wrong for a slope above 1 (why the rule exists)', () => {
    expect(maxForm(-2, 1.5)).not.toBe(prelu(-2, 1.5));
  });
});
