// The expression stage on real faces: the shared photos (../shared/media/faces,
// see its PROVENANCE.md), landmarks from the test stand-in for the face stage
// (meshHelper.ts), the real emotion model.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { createExpressionStage, type ExpressionStageHandle } from '../../../src-main/analysis/expression/createExpressionStage.js';
import { createThreadedExpressionStage } from '../../../src-main/analysis/expression/expressionThread.js';
import { MESH } from '../../../src-main/analysis/expression/meshIndices.js';
import type { ExpressionResult, FaceObservation, RgbFrame } from '../../../src-main/analysis/types.js';
import { sharedMediaDir } from '../../helpers/paths.js';
import { displace } from '../../unit/expression/syntheticFace.js';
import { createMeshHelper, decodeImage, type MeshHelper } from './meshHelper.js';

const facesDir = path.join(sharedMediaDir, 'faces');
const astronautPath = path.join(facesDir, 'astronaut.png');
if (!fs.existsSync(astronautPath))
  throw new Error(`These tests need the shared real media at ${sharedMediaDir} (PROVENANCE.md); it is not there.`);

let mesh: MeshHelper;
let stage: ExpressionStageHandle;
let astronaut: RgbFrame;
let astronautFace: FaceObservation;

beforeAll(async () => {
  mesh = await createMeshHelper();
  stage = await createExpressionStage();
  astronaut = await decodeImage(astronautPath);
  const face = await mesh.observe(astronaut);
  if (!face) throw new Error('no face found in astronaut.png');
  astronautFace = face;
});

afterAll(async () => {
  await stage?.close();
  await mesh?.close();
});

const format = (r: ExpressionResult): string => EXPRESSION_CLASSES.map((c) => `${c} ${r.scores[c].toFixed(3)}`).join(', ');
const sum = (r: ExpressionResult): number => Object.values(r.scores).reduce((a, b) => a + b, 0);

/** A fresh baseline, then `face` shown `times` times on consecutive frame indices; the last result. */
async function show(frame: RgbFrame, face: FaceObservation, times = 1, from = 0): Promise<ExpressionResult> {
  let result: ExpressionResult | undefined;
  for (let i = 0; i < times; i++) result = await stage.process({ ...frame, index: from + i }, face);
  if (!result) throw new Error('nothing processed');
  return result;
}

describe('expression stage on astronaut.png', () => {
  it('scores enjoyment as the top class (the acceptance test), eight classes summing to 1', async () => {
    stage.reset();
    const r = await show(astronaut, astronautFace);
    console.log(
      `astronaut.png: ${format(r)}\n  quality ${JSON.stringify(r.quality)}; ` +
        `eyes ${r.eyeOpenLeft.toFixed(3)}/${r.eyeOpenRight.toFixed(3)}, mouth ${r.mouthOpen.toFixed(3)}`,
    );
    const top = EXPRESSION_CLASSES.reduce((a, b) => (r.scores[b] > r.scores[a] ? b : a));
    expect(top).toBe('enjoyment');
    expect(sum(r)).toBeCloseTo(1, 9);
    expect(r.quality).toMatchObject({ tooSmall: false, turnedAway: false, blurred: false });
    expect(Object.values(r.aus).every((v) => v === 0)).toBe(true); // its own baseline
    expect(r.eyeOpenLeft).toBeGreaterThan(0.15);
    expect(r.mouthOpen).toBeGreaterThan(0.05); // the smile shows teeth
  });

  it('raises contempt for a one-sided lip-corner pull on the mesh, not for a symmetric one', async () => {
    const withLandmarks = (landmarks: Float32Array): FaceObservation => ({ ...astronautFace, landmarks });
    stage.reset();
    const before = await show(astronaut, astronautFace, 30);
    // The subject's left corner 0.07 IOD up and 0.07 out (~3 px each on this 43-px IOD): a smirk.
    const smirk = await stage.process(
      { ...astronaut, index: 30 },
      withLandmarks(displace(astronautFace.landmarks, [MESH.leftLipCorner], 0.07, -0.07)),
    );
    stage.reset();
    await show(astronaut, astronautFace, 30);
    const both = await stage.process(
      { ...astronaut, index: 30 },
      withLandmarks(displace(displace(astronautFace.landmarks, [MESH.leftLipCorner], 0.07, -0.07), [MESH.rightLipCorner], -0.07, -0.07)),
    );
    console.log(
      `one-sided: contempt ${smirk.scores.contempt.toFixed(3)} (au12_14 L ${smirk.aus.au12_14_left.toFixed(3)}, R ${smirk.aus.au12_14_right.toFixed(3)}); ` +
        `symmetric: contempt ${both.scores.contempt.toFixed(3)} (au06_12 ${both.aus.au06_12.toFixed(3)})`,
    );
    expect(before.scores.contempt).toBe(0);
    expect(smirk.scores.contempt).toBeGreaterThan(0.6);
    expect(smirk.aus.au12_14_left).toBeGreaterThan(0.08);
    expect(both.scores.contempt).toBeLessThan(0.01);
    expect(both.aus.au06_12).toBeGreaterThan(0.08);
    for (const r of [smirk, both]) expect(sum(r)).toBeCloseTo(1, 9);
    // The other seven keep the classifier's ratios.
    expect(smirk.scores.enjoyment / smirk.scores.neutral).toBeCloseTo(before.scores.enjoyment / before.scores.neutral, 3);
  });

  it('flags a blurred copy as blurred, with a lower sharpness', async () => {
    stage.reset();
    const sharp = await show(astronaut, astronautFace);
    const blurredFrame = await decodeImage(astronautPath, 'gblur=sigma=3');
    const face = await mesh.observe(blurredFrame);
    if (!face) throw new Error('no face in the blurred copy');
    const blurred = await show(blurredFrame, face, 1, 1);
    console.log(`sharpness: sharp ${sharp.quality.sharpness.toFixed(3)}, gblur σ=3 px ${blurred.quality.sharpness.toFixed(3)}`);
    expect(blurred.quality.blurred).toBe(true);
    expect(sharp.quality.blurred).toBe(false);
  });

  it('flags a turned head and a small face', async () => {
    stage.reset();
    const turned = await show(astronaut, { ...astronautFace, pose: { yaw: 40, pitch: 0, roll: 0 } });
    expect(turned.quality.turnedAway).toBe(true);
    const small = await show(astronaut, { ...astronautFace, box: { ...astronautFace.box, w: 35 } }, 1, 1);
    expect(small.quality.tooSmall).toBe(true);
  });

  it('reads the frame and the landmarks before it returns its promise: the caller may reuse both while the model runs', async () => {
    stage.reset();
    const expected = await show(astronaut, astronautFace, 3);
    stage.reset();
    await show(astronaut, astronautFace, 2);
    const frame = { ...astronaut, data: Uint8Array.from(astronaut.data) };
    const face = { ...astronautFace, landmarks: Float32Array.from(astronautFace.landmarks), pose: { ...astronautFace.pose } };
    const pending = stage.process({ ...frame, index: 2 }, face);
    frame.data.fill(0);
    face.landmarks.fill(0);
    face.pose.yaw = 80;
    expect(await pending).toEqual(expected);
  });

  it('reports its parameters as plain JSON (where the model runs is not one of them)', () => {
    const p = JSON.parse(JSON.stringify(stage.parameters())) as Record<string, unknown>;
    expect(p).toMatchObject({ minFaceWidthPx: 40, maxYawDeg: 30, intraOpNumThreads: 1, alignMode: '3d' });
    expect((p.model as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(p)).not.toMatch(/modelThread|worker/);
  });

  /** 40 frames whose faces move (a smile that comes and goes, a tilt): baseline, neutral judgement and scores all change along the way. */
  function sequence(): { frame: RgbFrame; face: FaceObservation }[] {
    return Array.from({ length: 40 }, (_, i) => {
      const smile = i >= 20 && i < 28 ? 0.06 : 0;
      const moved = displace(displace(astronautFace.landmarks, [MESH.leftLipCorner], smile, -smile), [MESH.rightLipCorner], -smile, -smile);
      return {
        frame: { ...astronaut, index: i },
        face: { ...astronautFace, landmarks: moved, pose: { ...astronautFace.pose, yaw: astronautFace.pose.yaw + (i % 7) } },
      };
    });
  }

  it('frames in flight together give exactly the results of one at a time, in order', async () => {
    const frames = sequence();
    stage.reset();
    const oneAtATime: ExpressionResult[] = [];
    for (const { frame, face } of frames) oneAtATime.push(await stage.process(frame, face));
    stage.reset();
    const overlapping = await Promise.all(frames.map(({ frame, face }) => stage.process(frame, face)));
    expect(overlapping).toEqual(oneAtATime);
    // The sequence did exercise the judgement: the smile shows in the scores.
    expect(oneAtATime[24]!.scores.enjoyment).not.toBe(oneAtATime[10]!.scores.enjoyment);
  });

  it('on its own thread (as the analysis runs it) the stage gives the numbers it gives on the calling thread', async () => {
    const threaded = await createThreadedExpressionStage();
    try {
      expect(threaded.parameters()).toEqual(JSON.parse(JSON.stringify(stage.parameters())));
      const frames = sequence();
      stage.reset();
      const direct: ExpressionResult[] = [];
      for (const { frame, face } of frames) direct.push(await stage.process(frame, face));
      const overThere = await Promise.all(frames.map(({ frame, face }) => threaded.process(frame, face)));
      expect(overThere).toEqual(direct);
      expect(threaded.baselineSource()).toBe(stage.baselineSource());
      // A reset is ordered with the frames: the same sequence again gives the same numbers.
      threaded.reset();
      expect(await Promise.all(frames.map(({ frame, face }) => threaded.process(frame, face)))).toEqual(direct);
    } finally {
      await threaded.close();
    }
    await expect(threaded.process({ ...astronaut, index: 0 }, astronautFace)).rejects.toThrow(/closed/);
  });
});

describe('expression stage on the other shared photos (printed for a sanity look)', () => {
  it('scores the top face of each photo, eight classes summing to 1', async () => {
    const lines: string[] = [];
    for (const file of [
      'Tom_Cruise_avp_2014_4.jpg',
      'bald_guys.jpg',
      '2008_001322.jpg',
      '2009_004587.jpg',
      '2008_002079.jpg',
      '2008_002506.jpg',
      '2008_001009.jpg',
    ]) {
      const frame = await decodeImage(path.join(facesDir, file));
      const face = await mesh.observe(frame);
      if (!face) {
        lines.push(`${file}: no face found`);
        continue;
      }
      stage.reset();
      const r = await show(frame, face);
      expect(sum(r)).toBeCloseTo(1, 9);
      const flags = Object.entries(r.quality)
        .filter(([k, v]) => k !== 'sharpness' && v)
        .map(([k]) => k);
      lines.push(
        `${file} (face ${face.box.w.toFixed(0)} px, yaw ${face.pose.yaw.toFixed(0)}°${flags.length ? `, ${flags.join(', ')}` : ''}): ${format(r)}`,
      );
    }
    console.log(lines.join('\n'));
  });
});
