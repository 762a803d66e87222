import { describe, expect, it } from 'vitest';
import { DEFAULTS, resolveOptions } from '../../../src-main/analysis/expression/options.js';

describe('resolveOptions', () => {
  it('fills defaults and keeps overrides', () => {
    const o = resolveOptions({ minFaceWidthPx: 60, alignMode: 'roll' });
    expect(o).toMatchObject({ ...DEFAULTS, minFaceWidthPx: 60, alignMode: 'roll', modelsDir: undefined });
    expect(resolveOptions({}).intraOpNumThreads).toBe(1);
  });

  it('refuses values that make no sense', () => {
    expect(() => resolveOptions({ minFaceWidthPx: -1 })).toThrow(/minFaceWidthPx/);
    expect(() => resolveOptions({ intraOpNumThreads: 1.5 })).toThrow(/intraOpNumThreads/);
    expect(() => resolveOptions({ contemptWidth: 0 })).toThrow(/contemptWidth/);
    expect(() => resolveOptions({ alignMode: 'flat' as '3d' })).toThrow(/alignMode/);
    expect(() => resolveOptions({ minSharpness: NaN })).toThrow(/minSharpness/);
    expect(() => resolveOptions({ contemptYawSlope: -0.1 })).toThrow(/contemptYawSlope/);
    expect(() => resolveOptions({ baselineRecentFrames: 0 })).toThrow(/baselineRecentFrames/);
  });
});
