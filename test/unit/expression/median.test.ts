import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianInPlace } from '../../../src-shared/math/median.js';

function sortedMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? (s[(n - 1) / 2] ?? NaN) : ((s[n / 2 - 1] ?? NaN) + (s[n / 2] ?? NaN)) / 2;
}

describe('medianInPlace', () => {
  it('equals the median of the sorted values, for any input (duplicates, runs, odd and even n)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -3, max: 3 })), {
          minLength: 1,
          maxLength: 300,
        }),
        (values) => {
          const scratch = new Float64Array(values.length + 5).fill(99);
          scratch.set(values);
          // Numerically equal: which of -0 and +0 lands in the middle is no property of a median.
          const got = medianInPlace(scratch, values.length);
          expect(got === sortedMedian(values), `${got} vs ${sortedMedian(values)}`).toBe(true);
        },
      ),
    );
  });

  it('is linear on sorted and reversed input (drift) and NaN for nothing', () => {
    const n = 10_001;
    const up = Float64Array.from({ length: n }, (_, i) => i);
    const down = Float64Array.from({ length: n }, (_, i) => n - 1 - i);
    expect(medianInPlace(up, n)).toBe(5000);
    expect(medianInPlace(down, n)).toBe(5000);
    expect(medianInPlace(new Float64Array(3), 0)).toBeNaN();
  });
});
