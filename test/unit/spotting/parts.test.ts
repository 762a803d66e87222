import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline, endTimeOf, firstAtOrAfter, lastAtOrBefore, spanSeconds } from '../../../src-main/spotting/timeline.js';
import { findReliableFrames } from '../../../src-main/spotting/reliability.js';
import { frameTable } from '../../../src-main/spotting/features.js';
import { findBlinkFrames } from '../../../src-main/spotting/blinks.js';
import { kindOf, scoreOf } from '../../../src-main/spotting/classify.js';
import { DEFAULT_SPOT_PARAMS, resolveSpotParams } from '../../../src-main/spotting/params.js';
import { calmFace } from './synthetic.js';

describe('timeline', () => {
  it('finds window bounds like a linear scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: -1, max: 20, noNaN: true }),
        (gaps, t) => {
          let acc = 0;
          const times = gaps.map((g, i) => (i === 0 ? 0 : (acc += g)));
          const tl = buildTimeline(times.length, 25, (i) => times[i] ?? NaN);
          const first = times.findIndex((x) => x >= t - 1e-6);
          expect(firstAtOrAfter(tl, t)).toBe(first < 0 ? times.length : first);
          let last = -1;
          times.forEach((x, i) => {
            if (x <= t + 1e-6) last = i;
          });
          expect(lastAtOrBefore(tl, t)).toBe(last);
        },
      ),
    );
  });

  it('a frame lasts until the next one; the last lasts one nominal frame', () => {
    const tl = buildTimeline(3, 10, (i) => [0, 0.1, 0.25][i] ?? NaN);
    expect(endTimeOf(tl, 0)).toBe(0.1);
    expect(endTimeOf(tl, 2)).toBeCloseTo(0.35, 12);
    expect(spanSeconds(tl, 1, 1)).toBeCloseTo(0.15, 12);
    expect(() => buildTimeline(2, 10, () => 1)).toThrow(/frame 1 at 1 s is not after frame 0/);
    expect(() => buildTimeline(2, 10, () => NaN)).toThrow(/ptsSeconds\(0\) is not a finite number/);
  });
});

describe('findReliableFrames', () => {
  it('bridges short quality gaps, splits at a lost face and at long gaps', () => {
    const s = calmFace({ seconds: 10, seed: 1 });
    s.set(50, 'turned_away', 1); // 1 frame (0.04 s): bridged
    for (let f = 100; f < 110; f++) s.set(f, 'too_small', 1); // 0.4 s: split
    s.set(150, 'face', 0); // lost face: split even for one frame
    s.set(200, 'face_conf', 0.1); // low confidence: bridged
    s.set(201, 'decode_issue', 1);
    const input = s.input();
    const params = resolveSpotParams();
    const rel = findReliableFrames(frameTable(input), buildTimeline(input.frames, input.fps, input.ptsSeconds), params);
    expect(rel.segments).toEqual([
      { start: 0, end: 99 },
      { start: 110, end: 149 },
      { start: 151, end: 249 },
    ]);
    expect([rel.reliable[50], rel.reliable[200], rel.reliable[201], rel.reliable[49]]).toEqual([0, 0, 0, 1]);
    expect(rel.segment[50]).toBe(0);
    expect(rel.segment[105]).toBe(-1);
  });
});

describe('findBlinkFrames', () => {
  const tl = buildTimeline(100, 25, (i) => i / 25);
  const base = new Float64Array(100).fill(0.25);
  const eyes = (closed: [number, number], oneEye = false): [Float64Array, Float64Array] => {
    const l = new Float64Array(100).fill(0.25);
    const r = new Float64Array(100).fill(0.25);
    for (let f = closed[0]; f < closed[1]; f++) {
      l[f] = 0.05;
      if (!oneEye) r[f] = 0.05;
    }
    return [l, r];
  };
  it('marks a brief closing of both eyes, with a margin, and nothing else', () => {
    const [l, r] = eyes([40, 44]);
    const b = findBlinkFrames(l, r, base, base, tl, DEFAULT_SPOT_PARAMS);
    expect(Array.from(b).flatMap((v, i) => (v ? [i] : []))).toEqual([38, 39, 40, 41, 42, 43, 44, 45]);
    const [l1, r1] = eyes([40, 44], true);
    expect(Array.from(findBlinkFrames(l1, r1, base, base, tl, DEFAULT_SPOT_PARAMS)).some((v) => v)).toBe(false);
    const [l2, r2] = eyes([40, 70]);
    expect(Array.from(findBlinkFrames(l2, r2, base, base, tl, DEFAULT_SPOT_PARAMS)).some((v) => v)).toBe(false);
  });
});

describe('classify helpers', () => {
  it('micro up to microMaxS inclusive, macro above', () => {
    expect(kindOf(0.04, DEFAULT_SPOT_PARAMS)).toBe('micro');
    expect(kindOf(0.5, DEFAULT_SPOT_PARAMS)).toBe('micro');
    expect(kindOf(0.5 + 1e-9, DEFAULT_SPOT_PARAMS)).toBe('micro');
    expect(kindOf(0.52, DEFAULT_SPOT_PARAMS)).toBe('macro');
  });
  it('score is 0.5 at scoreHalfZ, in [0, 1) and increasing', () => {
    expect(scoreOf(DEFAULT_SPOT_PARAMS.scoreHalfZ, DEFAULT_SPOT_PARAMS)).toBe(0.5);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (a, b) => {
        const [x, y] = [scoreOf(a, DEFAULT_SPOT_PARAMS), scoreOf(b, DEFAULT_SPOT_PARAMS)];
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        if (a < b) expect(x).toBeLessThanOrEqual(y);
      }),
    );
  });
});

describe('resolveSpotParams', () => {
  it('merges overrides and refuses impossible values by name', () => {
    expect(resolveSpotParams({ microMaxS: 0.4 }).microMaxS).toBe(0.4);
    expect(resolveSpotParams({ microMaxS: undefined })).toEqual(DEFAULT_SPOT_PARAMS);
    expect(() => resolveSpotParams({ microMaxS: NaN })).toThrow(/microMaxS must be a finite number/);
    expect(() => resolveSpotParams({ baselineGuardS: 6 })).toThrow(/baselineGuardS .* smaller than baselineHalfWindowS/);
    expect(() => resolveSpotParams({ macroMaxS: 0.1 })).toThrow(/macroMaxS/);
    expect(() => resolveSpotParams({ scaleStepS: 0 })).toThrow(/scaleStepS must be greater than 0/);
  });
});

// The 3-D rigid fit the region motion uses is tested in rigidFit3d.test.ts.

describe('the spotter version', () => {
  it('travels with the parameters of every result and cannot be set to another version', async () => {
    const { resolveSpotParams, SPOTTER_VERSION } = await import('../../../src-main/spotting/params.js');
    expect(resolveSpotParams().spotterVersion).toBe(SPOTTER_VERSION);
    expect(resolveSpotParams({ spotterVersion: SPOTTER_VERSION }).spotterVersion).toBe(SPOTTER_VERSION);
    expect(() => resolveSpotParams({ spotterVersion: SPOTTER_VERSION - 1 })).toThrow(/not a setting/);
  });
});
