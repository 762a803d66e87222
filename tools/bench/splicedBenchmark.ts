import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { analyzeFileInMemory } from '../../src-main/usecases/analyzeFile.js';
import { spotRecording } from '../../src-main/spotting/spotTable.js';
import { evaluateSpotting } from '../../src-main/evaluation/index.js';
import { planSplices, type DonorChooser, type SpliceSpec } from './splicePlan.js';
import { STORED_COLUMNS, STORED_INDEX } from '../../src-shared/analysis/frameColumns.js';
import { encodeSplicedClip } from './splicedClip.js';

export interface SplicedResult {
  name: string;
  flashes: number;
  found: number;
  recall: number;
  f1: number | null;
  emotionRight: number;
  falsePerMinute: number;
  calmMinutes: number;
  misses: number[];
}

/**
 * Splice sets from the franck recording (24 fps): smiles of the same person
 * flashed for 1 to 12 frames into its calm stretches, each flash taking the
 * donor frames at the calm frame's head pose (so a splice is not also a head
 * jump). The first two sets were used while developing the spotter (the
 * sharp-core split and the head-turn exception were made looking at their
 * misses); the last two were added afterwards and were not looked at before
 * their figures were taken: smiles from other moments (10–14 s, 22–29 s),
 * other flash orders, and another calm stretch (2.5–8.75 s).
 */
export const SPLICE_SETS: { name: string; spec: SpliceSpec }[] = [
  {
    name: 'development A (smiles from 62–66 s into calm 33–60 s)',
    spec: {
      calm: { from: 792, to: 1440 },
      donorFrom: 1488,
      donorTo: 1584,
      lengths: [1, 2, 3, 4, 6, 8, 10, 12, 5],
      spacing: 66,
      emotion: 'enjoyment',
      fps: 24,
      guard: 12,
    },
  },
  {
    name: 'development B (smiles from 66–71 s into calm 33–60 s)',
    spec: {
      calm: { from: 792, to: 1440 },
      donorFrom: 1584,
      donorTo: 1704,
      lengths: [12, 1, 10, 2, 8, 3, 6, 4, 1],
      spacing: 66,
      emotion: 'enjoyment',
      fps: 24,
      guard: 12,
    },
  },
  {
    name: 'held out C (smiles from 10–14 s into calm 33–60 s)',
    spec: {
      calm: { from: 792, to: 1440 },
      donorFrom: 240,
      donorTo: 336,
      lengths: [6, 2, 12, 4, 1, 10, 3, 8],
      spacing: 66,
      emotion: 'enjoyment',
      fps: 24,
      guard: 12,
    },
  },
  {
    name: 'held out D (smiles from 22–29 s into calm 2.5–8.75 s)',
    spec: {
      calm: { from: 60, to: 210 },
      donorFrom: 528,
      donorTo: 696,
      lengths: [3, 7, 1],
      spacing: 36,
      emotion: 'enjoyment',
      fps: 24,
      guard: 12,
    },
  },
];

/**
 * A spliced flash must not also be a jump of the head (the spotter rightly
 * suppresses head movements): each flash takes the donor frames whose head
 * pose is closest to the calm frame it follows, among runs where the smile is
 * clear (enjoyment ≥ 0.7 on every frame).
 */
export function poseMatchedDonors(values: Float32Array, spec: SpliceSpec): DonorChooser {
  const w = STORED_COLUMNS.length;
  const at = (f: number, c: (typeof STORED_COLUMNS)[number]) => values[f * w + STORED_INDEX[c]]!;
  const poseGap = (a: number, b: number) =>
    Math.max(Math.abs(at(a, 'yaw') - at(b, 'yaw')), Math.abs(at(a, 'pitch') - at(b, 'pitch')), Math.abs(at(a, 'roll') - at(b, 'roll')));
  return (length, calmBefore) => {
    let best = spec.donorFrom;
    let bestGap = Infinity;
    for (let d = spec.donorFrom; d + length - 1 <= spec.donorTo; d++) {
      let gap = 0;
      let clear = true;
      for (let f = d; f < d + length; f++) {
        if (!(at(f, 'enjoyment') >= 0.7)) clear = false;
        gap = Math.max(gap, poseGap(f, calmBefore));
      }
      if (clear && gap < bestGap) {
        best = d;
        bestGap = gap;
      }
    }
    return best;
  };
}

export async function runSplicedSet(
  ffmpegPath: string,
  source: string,
  workDir: string,
  set: { name: string; spec: SpliceSpec },
  index: number,
): Promise<SplicedResult> {
  const sourceRows = await analyzeFileInMemory(source);
  const plan = planSplices(set.spec, poseMatchedDonors(sourceRows.values, set.spec));
  fs.mkdirSync(workDir, { recursive: true });
  const key = plan.segments.map((s) => s.from).join('-');
  const clip = encodeSplicedClip(
    ffmpegPath,
    source,
    plan,
    set.spec.fps,
    path.join(workDir, `spliced-${index}-${crypto.createHash('sha1').update(key).digest('hex').slice(0, 10)}.mp4`),
  );
  const spliced = await analyzeFileInMemory(clip);
  const output = spotRecording(spliced.table, spliced.values, spliced.landmarks);
  const predicted = output.candidates.map((c) => ({
    onset: c.onsetFrame,
    offset: c.offsetFrame,
    apex: c.apexFrame,
    kind: c.kind,
    emotion: c.emotion,
    score: c.score,
  }));
  const evaluation = evaluateSpotting(plan.truth, predicted, output.frames);
  const matchedTruth = new Set(evaluation.matches.filter((m) => m.kind === 'any').map((m) => m.truth));
  const guard = set.spec.guard;
  const outside = output.candidates.filter(
    (c) => !plan.truth.some((t) => c.offsetFrame >= t.onset - guard && c.onsetFrame <= t.offset + guard),
  );
  const calmMinutes = plan.calmFrames / set.spec.fps / 60;
  const emotionRight = evaluation.matches.filter(
    (m) => m.kind === 'any' && output.candidates[m.predicted]?.emotion === plan.truth[m.truth]?.emotion,
  ).length;
  return {
    name: set.name,
    flashes: plan.truth.length,
    found: matchedTruth.size,
    recall: matchedTruth.size / plan.truth.length,
    f1: evaluation.anyKind.f1,
    emotionRight,
    falsePerMinute: outside.length / calmMinutes,
    calmMinutes,
    misses: plan.truth.map((t, i) => (matchedTruth.has(i) ? -1 : t.offset - t.onset + 1)).filter((n) => n >= 0),
  };
}

export function describeSplicedResult(r: SplicedResult): string {
  return (
    `${r.name}: ${r.found}/${r.flashes} flashes found at IoU ≥ 0.5 (recall ${(100 * r.recall).toFixed(0)}%, F1 ${r.f1?.toFixed(2) ?? '–'}), ` +
    `emotion right on ${r.emotionRight}/${r.found}; ${r.falsePerMinute.toFixed(2)} false candidates per minute ` +
    `on ${r.calmMinutes.toFixed(2)} min of untouched frames` +
    (r.misses.length ? `; missed flashes of ${r.misses.join(', ')} frames` : '')
  );
}
