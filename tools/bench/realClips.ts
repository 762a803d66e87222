import fs from 'node:fs';
import path from 'node:path';
import { spotRecording } from '../../src-main/spotting/spotTable.js';
import type { SpotOutput } from '../../src-main/spotting/spotOutput.js';
import { packageRoot } from '../../src-main/config/paths.js';
import { cachedAnalysis } from './analysisCache.js';
import type { Spotter } from './splicedBenchmark.js';

/** A hand-labelled interval of a real clip (test/fixtures/spotting-labels/). */
interface LabelledInterval {
  onset: number;
  offset: number;
  label: 'real' | 'blink' | 'speech' | 'head' | 'other';
  emotion?: string;
  note: string;
}

type Candidate = SpotOutput['candidates'][number];

export interface LabelledCandidate {
  candidate: Candidate;
  /** What the labeller saw there; 'unlabelled' when no labelled interval overlaps it (look at it, then label it). */
  label: LabelledInterval['label'] | 'unlabelled';
  note: string;
}

export interface RealClipResult {
  name: string;
  minutes: number;
  candidates: LabelledCandidate[];
  /** Real expressions the labeller saw, and how many of them at least one candidate overlaps. */
  realEvents: number;
  realFound: number;
  cached: boolean;
}

export const LABELLED_CLIPS = ['cap12_edit', 'cap13_edit2', 'franck-excerpt'];

const labelsDir = () => path.join(packageRoot(), 'test', 'fixtures', 'spotting-labels');

/** The labels of one clip: its real intervals and the intervals of other movements. */
export function readLabels(name: string): { recording: string; intervals: LabelledInterval[] } {
  const raw = JSON.parse(fs.readFileSync(path.join(labelsDir(), `${name}.json`), 'utf8')) as {
    recording: string;
    intervals: { onset: number; offset: number; emotion: string; note: string }[];
    notReal: { onset: number; offset: number; label: LabelledInterval['label']; note: string }[];
  };
  return {
    recording: raw.recording,
    intervals: [...raw.intervals.map((i) => ({ ...i, label: 'real' as const })), ...raw.notReal],
  };
}

/**
 * Spots one of the hand-labelled real clips and says what each candidate is:
 * real when it overlaps a real interval, else the label of the first other
 * interval it overlaps, else unlabelled.
 */
export async function spotLabelledClip(name: string, mediaDir: string, spot: Spotter = spotRecording): Promise<RealClipResult> {
  const labels = readLabels(name);
  const analysis = await cachedAnalysis(path.join(mediaDir, path.basename(labels.recording)));
  const output = spot(analysis.table, analysis.values, analysis.landmarks);
  const overlaps = (c: Candidate, i: LabelledInterval) => c.onsetFrame <= i.offset && c.offsetFrame >= i.onset;
  const candidates = output.candidates.map((candidate): LabelledCandidate => {
    const seen =
      labels.intervals.find((i) => i.label === 'real' && overlaps(candidate, i)) ?? labels.intervals.find((i) => overlaps(candidate, i));
    return seen ? { candidate, label: seen.label, note: seen.note } : { candidate, label: 'unlabelled', note: '' };
  });
  const real = labels.intervals.filter((i) => i.label === 'real');
  return {
    name,
    minutes: output.frames / output.fps / 60,
    candidates,
    realEvents: real.length,
    realFound: real.filter((i) => output.candidates.some((c) => overlaps(c, i))).length,
    cached: analysis.cached,
  };
}

export function describeRealClip(r: RealClipResult): string[] {
  const real = r.candidates.filter((c) => c.label === 'real').length;
  const labelled = r.candidates.filter((c) => c.label !== 'unlabelled').length;
  const lines = [
    `${r.name}: ${r.candidates.length} candidates in ${r.minutes.toFixed(2)} min = ${(r.candidates.length / r.minutes).toFixed(1)} per minute; ` +
      `${real} real of ${labelled} labelled; real expressions found ${r.realFound}/${r.realEvents}` +
      (r.cached ? ' (analysis from the benchmark cache)' : ''),
  ];
  for (const { candidate: c, label, note } of r.candidates) {
    lines.push(
      `    ${String(c.onsetFrame).padStart(5)}–${String(c.offsetFrame).padEnd(5)} ${c.kind.padEnd(14)} ${c.emotion.padEnd(9)} ` +
        `score ${c.score.toFixed(2)}  ${label.toUpperCase()}${note ? `: ${note}` : ''}`,
    );
  }
  return lines;
}
