import { describe, expect, it } from 'vitest';
import { broadcastShapes, reshapeShape, windowAxis } from '../../../../tools/models/convert/shapes.js';
import { transposeTensor } from '../../../../tools/models/convert/layout.js';

describe('windowAxis (TF padding rules)', () => {
  it('pads SAME so out = ceil(in/stride), the odd pixel after', () => {
    expect(windowAxis(256, 5, 2, 1, 'SAME')).toEqual({ size: 128, before: 1, after: 2 });
    expect(windowAxis(64, 3, 1, 1, 'SAME')).toEqual({ size: 64, before: 1, after: 1 });
    expect(windowAxis(128, 2, 2, 1, 'SAME')).toEqual({ size: 64, before: 0, after: 0 });
    expect(windowAxis(9, 3, 2, 1, 'SAME')).toEqual({ size: 5, before: 1, after: 1 });
  });

  it('does not pad VALID', () => {
    expect(windowAxis(6, 3, 3, 1, 'VALID')).toEqual({ size: 2, before: 0, after: 0 });
    expect(windowAxis(11, 3, 2, 2, 'VALID')).toEqual({ size: 4, before: 0, after: 0 });
  });
});

describe('reshapeShape', () => {
  it('keeps a symbolic batch through -1', () => {
    expect(reshapeShape(['N', 1, 1, 1404], [-1, 1404])).toEqual(['N', 1404]);
  });
  it('fills -1 for fixed shapes', () => {
    expect(reshapeShape([1, 16, 16, 2], [1, -1, 1])).toEqual([1, 512, 1]);
  });
  it('refuses to pin a symbolic dim', () => {
    expect(() => reshapeShape(['N', 16, 16, 2], [1, 512, 1])).toThrow(/fixed batch/);
  });
});

describe('broadcastShapes', () => {
  it('right-aligns as TF does', () => {
    expect(broadcastShapes(['N', 8, 8, 16], [1, 1, 16])).toEqual(['N', 8, 8, 16]);
    expect(() => broadcastShapes([2, 3], [4])).toThrow(/broadcast/);
  });
});

describe('transposeTensor', () => {
  it('moves HWIO filters to OIHW', () => {
    // h=1, w=2, i=1, o=3: value = 10*w + o
    const hwio = { dtype: 'float32' as const, shape: [1, 2, 1, 3], data: Float32Array.from([0, 1, 2, 10, 11, 12]) };
    const oihw = transposeTensor(hwio, [3, 2, 0, 1]);
    expect(oihw.shape).toEqual([3, 1, 1, 2]);
    expect(Array.from(oihw.data)).toEqual([0, 10, 1, 11, 2, 12]);
  });
});
