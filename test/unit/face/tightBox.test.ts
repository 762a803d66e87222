import { describe, expect, it } from 'vitest';
import { tightBox } from '../../../src-main/analysis/face/tightBox.js';

describe('tightBox', () => {
  it('bounds the x, y of every point and ignores z', () => {
    expect(tightBox(Float32Array.from([3, 4, -100, 10, 2, 100, 5, 9, 0]))).toEqual({ x: 3, y: 2, w: 7, h: 7 });
  });

  it('refuses an empty set', () => {
    expect(() => tightBox(new Float32Array(0))).toThrow(/no points/);
  });
});
