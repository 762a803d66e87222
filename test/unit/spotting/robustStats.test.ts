import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedWindow, median, medianInPlace } from '../../../src-main/spotting/robustStats.js';

function sortedMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? (s[(n - 1) / 2] ?? NaN) : ((s[n / 2 - 1] ?? NaN) + (s[n / 2] ?? NaN)) / 2;
}

/** The sign of a zero median depends on which of −0 and +0 sorts first: not a difference. */
const plusZero = (v: number): number => (v === 0 ? 0 : v);

const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -3, max: 3 }));

describe('medianInPlace and median', () => {
  it('equal the median of the sorted values (duplicates, odd and even n)', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const scratch = new Float64Array(values.length + 3).fill(42);
        scratch.set(values);
        expect(plusZero(medianInPlace(scratch, values.length))).toBe(plusZero(sortedMedian(values)));
        expect(plusZero(median([...values, NaN, Infinity, -Infinity]))).toBe(plusZero(sortedMedian(values)));
      }),
    );
  });
});

describe('SortedWindow', () => {
  it('holds the median of whatever was added and not yet removed, ignoring non-finite values', () => {
    const op = fc.oneof(fc.record({ add: value }), fc.record({ remove: fc.nat() }), fc.constant({ add: NaN }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const w = new SortedWindow(4);
        const held: number[] = [];
        for (const o of ops) {
          if ('add' in o) {
            w.add(o.add);
            if (Number.isFinite(o.add)) held.push(o.add);
          } else if (held.length > 0) {
            const [v] = held.splice(o.remove % held.length, 1);
            w.remove(v ?? NaN);
          }
          expect(w.size).toBe(held.length);
          expect(plusZero(w.median())).toBe(plusZero(sortedMedian(held)));
        }
      }),
    );
  });

  it('refuses to remove a value it does not hold', () => {
    const w = new SortedWindow();
    w.add(1);
    expect(() => w.remove(2)).toThrow(/not in the window/);
  });
});
