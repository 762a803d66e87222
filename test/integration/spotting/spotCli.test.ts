import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { realMediaDir, repoRoot, tempDir } from '../../helpers/paths.js';
import { parseTruth } from '../../../src-main/evaluation/parseTruth.js';
import { noFaceClip } from '../../fixtures/analysisInputs.js';

const realClip = path.join(realMediaDir, 'cap13_edit2.mp4');
const labelsDir = path.join(repoRoot, 'test', 'fixtures', 'spotting-labels');

interface SpotJson {
  fps: number;
  frames: number;
  candidates: {
    onsetFrame: number;
    apexFrame: number;
    offsetFrame: number;
    onsetS: number;
    apexS: number;
    offsetS: number;
    durationS: number;
    kind: string;
    emotion: string;
    score: number;
    aus: string[];
    evidence: {
      regions: Record<string, number>;
      moved: string[];
      classRise: Record<string, number>;
      auZ: Record<string, number>;
      peak: number;
    };
    flags: { blinkNear: boolean; speechNear: boolean; headMoving: boolean; yawDeg: number; faceSizePx: number };
  }[];
  params: Record<string, unknown>;
  notes: string[];
}

describe('micromoment spot and evaluate', () => {
  it('prints candidates in the documented shape, with the parameters that found them', async () => {
    const run = await runCli(['spot', realClip, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as SpotJson;
    expect(out.fps).toBe(25);
    expect(out.frames).toBe(765);
    expect(out.params).toHaveProperty('onThreshold');
    expect(out.notes).toEqual([]);
    expect(out.candidates.length).toBeGreaterThan(0); // the checks below must have something to check
    for (const c of out.candidates) {
      expect(Object.keys(c).sort()).toEqual(
        [
          'apexFrame',
          'apexS',
          'aus',
          'durationS',
          'emotion',
          'evidence',
          'flags',
          'kind',
          'offsetFrame',
          'offsetS',
          'onsetFrame',
          'onsetS',
          'score',
        ].sort(),
      );
      expect(Object.keys(c.evidence).sort()).toEqual(['auZ', 'classRise', 'moved', 'peak', 'regions']);
      expect(Object.keys(c.flags).sort()).toEqual(['blinkNear', 'faceSizePx', 'headMoving', 'speechNear', 'yawDeg']);
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(c.onsetFrame).toBeLessThanOrEqual(c.apexFrame);
      expect(c.apexFrame).toBeLessThanOrEqual(c.offsetFrame);
      if (c.kind === 'micro') expect(c.durationS).toBeLessThanOrEqual(0.5);
      else if (c.kind === 'macro') expect(c.durationS > 0.5 && c.durationS <= 4).toBe(true);
      else expect(c.kind).toBe('onset-of-macro'); // its duration is the onset's, of any length up to 4 s
      expect(['enjoyment', 'sadness', 'anger', 'fear', 'surprise', 'contempt', 'disgust']).toContain(c.emotion);
    }
    // Deterministic: the same file gives the same candidates.
    const again = JSON.parse((await runCli(['spot', realClip, '--json'])).stdout) as SpotJson;
    expect(again.candidates).toEqual(out.candidates);

    // Scoring the candidates against themselves as ground truth gives F1 = 1.
    const dir = tempDir();
    const candidates = path.join(dir, 'candidates.json');
    const truth = path.join(dir, 'truth.csv');
    fs.writeFileSync(candidates, run.stdout);
    fs.writeFileSync(
      truth,
      'onset,offset,emotion,kind\n' +
        out.candidates.map((c) => `${c.onsetFrame},${c.offsetFrame},${c.emotion},${c.kind}`).join('\n') +
        '\n',
    );
    const evaluation = await runCli(['evaluate', '--truth', truth, '--candidates', candidates, '--json']);
    expect(evaluation.code, evaluation.stderr).toBe(0);
    const scores = JSON.parse(evaluation.stdout) as { overall: { f1: number | null; tp: number } };
    expect(scores.overall.tp).toBe(out.candidates.length);
    if (out.candidates.length) expect(scores.overall.f1).toBe(1);

    // The hand labels of this clip serve as evaluate's ground truth as they are.
    const labels = path.join(labelsDir, 'cap13_edit2.json');
    const labelled = JSON.parse(fs.readFileSync(labels, 'utf8')) as { intervals: unknown[] };
    const againstLabels = await runCli(['evaluate', '--truth', labels, '--candidates', candidates, '--json']);
    expect(againstLabels.code, againstLabels.stderr).toBe(0);
    const byLabels = JSON.parse(againstLabels.stdout) as { overall: { truth: number; predicted: number } };
    expect(byLabels.overall.truth).toBe(labelled.intervals.length);
    expect(byLabels.overall.predicted).toBe(out.candidates.length);
  });

  it('every hand-label file is a ground truth evaluate reads', () => {
    const files = fs.readdirSync(labelsDir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['cap12_edit.json', 'cap13_edit2.json', 'franck-excerpt.json']);
    for (const f of files) {
      const text = fs.readFileSync(path.join(labelsDir, f), 'utf8');
      const intervals = parseTruth(text, 'json');
      expect(intervals.length, f).toBe((JSON.parse(text) as { intervals: unknown[] }).intervals.length);
      expect(intervals.length, f).toBeGreaterThan(0);
    }
  });

  it('invents nothing on a recording without a face', async () => {
    const run = await runCli(['spot', await noFaceClip(), '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as SpotJson).candidates).toEqual([]);
  });

  it('says what is wrong with a malformed ground truth', async () => {
    const dir = tempDir();
    const truth = path.join(dir, 'truth.csv');
    const candidates = path.join(dir, 'c.json');
    fs.writeFileSync(truth, 'onset,offset\n10,5\n');
    fs.writeFileSync(candidates, JSON.stringify({ fps: 25, frames: 100, candidates: [] }));
    const run = await runCli(['evaluate', '--truth', truth, '--candidates', candidates]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/offset 5 is before onset 10/);
  });
});
