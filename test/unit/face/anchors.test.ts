import { describe, expect, it } from 'vitest';
import { anchorCentres, anchorCount } from '../../../src-main/analysis/face/anchors.js';

const at = (a: Float32Array, i: number): [number, number] => [a[2 * i] ?? NaN, a[2 * i + 1] ?? NaN];

describe('BlazeFace anchors', () => {
  const a = anchorCentres(256);

  it('has 512 anchors on the 16x16 grid then 384 on the 8x8 grid', () => {
    expect(anchorCount()).toBe(896);
    expect(a.length).toBe(896 * 2);
  });

  it('puts 2 anchors per 16 px cell, row-major, at cell centres', () => {
    expect(at(a, 0)).toEqual([8, 8]);
    expect(at(a, 1)).toEqual([8, 8]);
    expect(at(a, 2)).toEqual([24, 8]);
    expect(at(a, 32)).toEqual([8, 24]);
    expect(at(a, 511)).toEqual([248, 248]);
  });

  it('puts 6 anchors per 32 px cell after them', () => {
    for (let k = 0; k < 6; k++) expect(at(a, 512 + k)).toEqual([16, 16]);
    expect(at(a, 518)).toEqual([48, 16]);
    expect(at(a, 512 + 6 * 8)).toEqual([16, 48]);
    expect(at(a, 895)).toEqual([240, 240]);
  });

  it('scales with the input size', () => {
    expect(at(anchorCentres(128), 0)).toEqual([4, 4]);
    expect(at(anchorCentres(128), 895)).toEqual([120, 120]);
  });
});
