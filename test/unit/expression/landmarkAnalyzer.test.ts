// The geometric path end to end (align → measure → baseline → action units) on
// synthetic landmark sequences built from a real mesh, with landmark jitter
// and head motion, as a recording would give them.
import { describe, expect, it } from 'vitest';
import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import { LandmarkAnalyzer, type FrameJudgement, type LandmarkAnalysis } from '../../../src-main/analysis/expression/landmarkAnalyzer.js';
import { MESH } from '../../../src-main/analysis/expression/meshIndices.js';
import { DEFAULTS } from '../../../src-main/analysis/expression/options.js';
import { displace, restingLandmarks, rigid } from './syntheticFace.js';

// Lips together, so the frames can count as neutral.
const template = restingLandmarks();
const BROWS = [...MESH.rightBrow, ...MESH.leftBrow];

/** Seeded normal noise (Box-Muller on an LCG), so a failure replays. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  const u = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Adds independent jitter of `sd` IOD units (the astronaut's IOD is ~43 px) to every coordinate. */
function jitter(lm: Float32Array, sd: number, rand: () => number): Float32Array {
  const px = sd * 43;
  return lm.map((v) => v + rand() * px);
}

function analyser(): LandmarkAnalyzer {
  return new LandmarkAnalyzer({
    alignMode: '3d',
    baseline: {
      neutralFrames: DEFAULTS.baselineNeutralFrames,
      recentFrames: DEFAULTS.baselineRecentFrames,
      minNeutralFrames: DEFAULTS.baselineMinNeutralFrames,
      neutralMaxAgeFrames: DEFAULTS.baselineNeutralMaxAgeFrames,
    },
    neutralMaxMouthOpen: DEFAULTS.neutralMaxMouthOpen,
    contemptYawSlope: DEFAULTS.contemptYawSlope,
  });
}

const judged = (usable: boolean, neutral: boolean, yaw = 0): FrameJudgement => ({ usable, neutral, yaw });

function run(frames: number, face: (i: number) => Float32Array, neutral: (i: number) => boolean = () => true): LandmarkAnalysis[] {
  const a = analyser();
  return Array.from({ length: frames }, (_, i) => a.analyse(i, face(i), judged(true, neutral(i))));
}

describe('LandmarkAnalyzer', () => {
  it('shows a brief brow raise as a clear au01_02 peak on exactly those frames, ≈0 elsewhere, through head motion and jitter', () => {
    const rand = noise(7);
    const raised = (i: number): boolean => i >= 200 && i < 210; // 10 frames: 0.4 s at 25 fps
    const results = run(400, (i) => {
      const face = raised(i) ? displace(template, BROWS, 0, -0.08) : template;
      // The head sways (±12° yaw, ±8° pitch, ±6° roll) and drifts across the frame while talking.
      const pose = {
        yaw: 12 * Math.sin(i / 23),
        pitch: 8 * Math.sin(i / 31),
        roll: 6 * Math.sin(i / 17),
        tx: 30 * Math.sin(i / 50),
        scale: 1 + 0.2 * Math.sin(i / 70),
      };
      return rigid(jitter(face, 0.003, rand), pose);
    });
    const brow = results.map((r) => r.aus.au01_02);
    for (let i = 0; i < brow.length; i++) {
      if (raised(i)) expect(brow[i]).toBeGreaterThan(0.06);
      else expect(Math.abs(brow[i] ?? 0)).toBeLessThan(0.015);
    }
    // Other action units stay quiet throughout (the raise moves only the brows).
    for (const r of results) {
      for (const au of ACTION_UNITS) if (au !== 'au01_02' && au !== 'au04') expect(Math.abs(r.aus[au])).toBeLessThan(0.03);
    }
    expect(results[205]?.aus.au04).toBeLessThan(0);
  });

  it('absorbs a slow drift (brows creeping up 0.1 IOD over 2 minutes) but still sees a brief raise on top of it', () => {
    const raised = (i: number): boolean => i >= 2500 && i < 2508;
    const results = run(3000, (i) => displace(template, BROWS, 0, -0.1 * (i / 3000) - (raised(i) ? 0.08 : 0)));
    results.forEach((r, i) => {
      if (raised(i)) expect(r.aus.au01_02).toBeGreaterThan(0.07);
      else expect(Math.abs(r.aus.au01_02)).toBeLessThan(0.01);
    });
  });

  it('measures against neutral frames only, once there are enough: a held smile stays visible', () => {
    // 100 neutral frames, then a smile held for 20 s the classifier does not call neutral.
    const smiling = (i: number): boolean => i >= 100;
    const smile = displace(displace(template, [MESH.rightLipCorner], -0.05, -0.05), [MESH.leftLipCorner], 0.05, -0.05);
    const results = run(
      600,
      (i) => (smiling(i) ? smile : template),
      (i) => !smiling(i),
    );
    expect(results[599]?.aus.au06_12).toBeCloseTo(0.1 / Math.SQRT2, 2);
    expect(results[599]?.baselineSource).toBe('neutral');
    expect(results[599]?.contemptEvidence).toBeCloseTo(0, 3);
  });

  it('gives contempt evidence for a one-sided lip-corner pull, none for a symmetric one', () => {
    const a = analyser();
    for (let i = 0; i < 30; i++) a.analyse(i, template, judged(true, true));
    const oneSided = a.analyse(30, displace(template, [MESH.leftLipCorner], 0.05, -0.05), judged(true, false));
    const symmetric = a.analyse(
      31,
      displace(displace(template, [MESH.rightLipCorner], -0.05, -0.05), [MESH.leftLipCorner], 0.05, -0.05),
      judged(true, false),
    );
    expect(oneSided.contemptEvidence).toBeCloseTo(0.1 / Math.SQRT2, 2);
    expect(symmetric.contemptEvidence).toBeCloseTo(0, 3);
  });

  it('does not take an open mouth as neutral (a talking subject the classifier calls neutral only mid-word)', () => {
    const a = analyser();
    const open = displace(template, [MESH.lowerInnerLip], 0, 0.2);
    let last: LandmarkAnalysis | undefined;
    for (let i = 0; i < 100; i++) last = a.analyse(i, open, judged(true, true));
    expect(last?.baselineSource).toBe('recent');
    for (let i = 100; i < 130; i++) last = a.analyse(i, template, judged(true, true));
    expect(last?.baselineSource).toBe('neutral');
  });

  it('discounts contempt evidence by the yaw away from the baseline pose', () => {
    const smirk = displace(template, [MESH.leftLipCorner], 0.06, -0.06);
    const evidenceAt = (yaw: number): number => {
      const a = analyser();
      for (let i = 0; i < 30; i++) a.analyse(i, template, judged(true, true, 5));
      return a.analyse(30, smirk, judged(true, false, yaw)).contemptEvidence;
    };
    const frontal = evidenceAt(5);
    expect(frontal).toBeCloseTo(0.12 / Math.SQRT2, 2);
    expect(evidenceAt(15)).toBeCloseTo(frontal - 10 * DEFAULTS.contemptYawSlope, 6);
    expect(evidenceAt(-5)).toBeCloseTo(frontal - 10 * DEFAULTS.contemptYawSlope, 6);
    expect(evidenceAt(40)).toBe(0);
    expect(evidenceAt(NaN)).toBe(0);
  });

  it('keeps unusable frames (turned away, too small) out of the baseline', () => {
    const a = analyser();
    for (let i = 0; i < 10; i++) a.analyse(i, template, judged(true, false));
    const weird = displace(template, BROWS, 0, -0.2);
    for (let i = 10; i < 100; i++) expect(a.analyse(i, weird, judged(false, true)).aus.au01_02).toBeCloseTo(0.2, 2);
  });

  it('returns zeros for landmarks that give no face frame, and refuses short arrays', () => {
    const r = analyser().analyse(0, new Float32Array(468 * 3), judged(true, true));
    expect(r.iod).toBe(0);
    expect(Object.values(r.aus).every((v) => v === 0)).toBe(true);
    expect([r.contemptEvidence, r.eyeOpenLeft, r.mouthOpen]).toEqual([0, 0, 0]);
    expect(() => analyser().analyse(0, new Float32Array(10), judged(true, true))).toThrow(/468/);
  });
});
