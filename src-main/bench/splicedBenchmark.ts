import path from 'node:path';
import fs from 'node:fs';
import { analyzeFile } from '../library/analyzeFile.js';
import { memorySink } from '../analysis/pipeline/memorySink.js';
import { spotRecording } from '../spotting/spotTable.js';
import { evaluateSpotting } from '../evaluation/index.js';
import { planSplices, type SpliceSpec } from './splicePlan.js';
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
 * Two splice sets from the franck recording (24 fps): smiles of the same
 * person flashed for 1 to 12 frames into its calm stretch (33–60 s), one every
 * 2.75 s. The development set's smiles come from 62–66 s, the held-out set's
 * from 66–71 s (both at the calm stretch's head pose, so a splice is not also a
 * head jump); nothing in the spotter was adjusted while looking at either.
 */
export const SPLICE_SETS: { name: string; spec: SpliceSpec }[] = [
  { name: 'development (smiles from 62–66 s into calm 33–60 s)', spec: { calm: { from: 792, to: 1440 }, donorFrom: 1488, donorTo: 1584, lengths: [1, 2, 3, 4, 6, 8, 10, 12, 5], spacing: 66, emotion: 'enjoyment', fps: 24, guard: 12 } },
  { name: 'held out (smiles from 66–71 s into calm 33–60 s)', spec: { calm: { from: 792, to: 1440 }, donorFrom: 1584, donorTo: 1704, lengths: [12, 1, 10, 2, 8, 3, 6, 4, 1], spacing: 66, emotion: 'enjoyment', fps: 24, guard: 12 } },
];

export async function runSplicedSet(ffmpegPath: string, source: string, workDir: string, set: { name: string; spec: SpliceSpec }, index: number): Promise<SplicedResult> {
  const plan = planSplices(set.spec);
  fs.mkdirSync(workDir, { recursive: true });
  const clip = encodeSplicedClip(ffmpegPath, source, plan, set.spec.fps, path.join(workDir, `spliced-${index}-${plan.segments.length}.mp4`));
  let sink: ReturnType<typeof memorySink> | undefined;
  const analysis = await analyzeFile(clip, (row, landmarks) => sink!.write(row, landmarks), { beforeRows: (_p, table) => { sink = memorySink(table.ptsTicks.length); } });
  const output = spotRecording(analysis.table, sink!.values, sink!.landmarks);
  const predicted = output.candidates.map((c) => ({ onset: c.onsetFrame, offset: c.offsetFrame, apex: c.apexFrame, kind: c.kind, emotion: c.emotion, score: c.score }));
  const evaluation = evaluateSpotting(plan.truth, predicted, output.frames);
  const matchedTruth = new Set(evaluation.matches.filter((m) => m.kind === 'any').map((m) => m.truth));
  const guard = set.spec.guard;
  const outside = output.candidates.filter((c) => !plan.truth.some((t) => c.offsetFrame >= t.onset - guard && c.onsetFrame <= t.offset + guard));
  const calmMinutes = plan.calmFrames / set.spec.fps / 60;
  const emotionRight = evaluation.matches.filter((m) => m.kind === 'any' && output.candidates[m.predicted]?.emotion === plan.truth[m.truth]?.emotion).length;
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
  return `${r.name}: ${r.found}/${r.flashes} flashes found at IoU ≥ 0.5 (recall ${(100 * r.recall).toFixed(0)}%, F1 ${r.f1?.toFixed(2) ?? '–'}), ` +
    `emotion right on ${r.emotionRight}/${r.found}; ${r.falsePerMinute.toFixed(2)} false candidates per minute on ${r.calmMinutes.toFixed(2)} min of untouched frames` +
    (r.misses.length ? `; missed flashes of ${r.misses.join(', ')} frames` : '');
}
