import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noClearExpression, type SuppressionContext } from '../../../src-main/spotting/suppression.js';
import { DEFAULT_SPOT_PARAMS } from '../../../src-main/spotting/params.js';
import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { REGIONS, type Candidate, type Region } from '../../../src-main/spotting/types.js';
import type { FrameEvidence } from '../../../src-main/spotting/evidence.js';

// The rule reads only the evidence at the apex (frame 0 here) and the parameters.
const iv = { onset: 0, apex: 0, offset: 0, peak: 8 };
const one = (v: number) => Float64Array.of(v);

function context(at: {
  au?: Partial<Record<string, number>>;
  landmarks?: Partial<Record<Region, number>>;
  rise?: Partial<Record<string, number>>;
}): SuppressionContext {
  const ev = {
    auZ: Object.fromEntries(ACTION_UNITS.map((au) => [au, one(at.au?.[au] ?? 0)])),
    classRise: Object.fromEntries(EXPRESSION_CLASSES.map((c) => [c, one(at.rise?.[c] ?? 0)])),
    landmarkRegion: Object.fromEntries(REGIONS.map((r) => [r, one(at.landmarks?.[r] ?? 0)])),
  } as unknown as FrameEvidence;
  return { ev, params: DEFAULT_SPOT_PARAMS } as unknown as SuppressionContext;
}

function surprise(headMoving: boolean, aus: string[] = []): Candidate {
  return {
    emotion: 'surprise',
    aus,
    flags: { blinkNear: false, speechNear: false, headMoving, yawDeg: 5, faceSizePx: 100 },
  } as unknown as Candidate;
}

describe('a clear expression (the no-clear-expression rule)', () => {
  it('a one-frame brow raise is clear when its action unit and its landmarks agree, each short of clear alone', () => {
    // au01_02 at z 3 (not "moved", which is 4) and the brows' landmarks at z 7 (clear alone is 8): seen on the
    // head-turn benchmark, a one-frame brow raise spliced mid-turn.
    expect(noClearExpression(context({ au: { au01_02: 3 }, landmarks: { brows: 7 } }), iv, surprise(false))).toBe(false);
    expect(noClearExpression(context({ au: { au01_02: 1 }, landmarks: { brows: 7 } }), iv, surprise(false))).toBe(true);
    expect(noClearExpression(context({ au: { au01_02: 3 }, landmarks: { brows: 4 } }), iv, surprise(false))).toBe(true);
  });

  it('while the head moves, the brows moving in the face’s own frame stand in for the brow action unit', () => {
    const browsOnly = context({ au: { au01_02: -0.3 }, landmarks: { brows: 6.8, eyes: 7.9, mouth: 3.4 } });
    expect(noClearExpression(browsOnly, iv, surprise(true))).toBe(false);
    expect(noClearExpression(browsOnly, iv, surprise(false))).toBe(true); // a still head: the action unit is trusted
  });

  it('but not when every region moved: a head movement the fit did not take out', () => {
    const everything = context({ landmarks: { brows: 7.9, eyes: 4.6, nose: 5.6, mouth: 5.1 } });
    expect(noClearExpression(everything, iv, surprise(true))).toBe(true);
  });

  it('more movement of the emotion’s own region never makes a clear candidate unclear', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.double({ min: -3, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        fc.boolean(),
        (brows, more, au, eyes, headMoving) => {
          const at = (b: number) =>
            noClearExpression(context({ au: { au01_02: au }, landmarks: { brows: b, eyes } }), iv, surprise(headMoving));
          if (!at(brows)) expect(at(brows + more)).toBe(false);
        },
      ),
    );
  });
});
