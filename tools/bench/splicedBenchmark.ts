import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { spotRecording } from '../../src-main/spotting/spotTable.js';
import type { SpotOutput } from '../../src-main/spotting/spotOutput.js';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { evaluateSpotting } from '../../src-main/evaluation/index.js';
import { donorJump, planSplices, poseJumpDonors, poseMatchedDonors, type FrameMeasure } from './splicePlan.js';
import { STORED_COLUMNS, STORED_INDEX, type StoredColumn } from '../../src-shared/analysis/frameColumns.js';
import { encodeSplicedClip } from './splicedClip.js';
import { cachedAnalysis } from './analysisCache.js';
import type { SpliceSet, Subset } from './spliceSets.js';

export interface SplicedResult {
  name: string;
  subset: Subset;
  heldOut: boolean;
  flashes: number;
  found: number;
  recall: number;
  f1: number | null;
  emotionRight: number;
  falseCandidates: number;
  falsePerMinute: number;
  calmMinutes: number;
  /** Lengths in frames of the flashes missed. */
  misses: number[];
  /** The head-pose jump at each flash's splice (degrees), in flash order. */
  jumps: number[];
  /** Emotions named for the found flashes when they were not the truth's. */
  wrongEmotions: string[];
}

/** How a recording's rows are spotted: the product's spotter, or a variant being tried. */
export type Spotter = (table: FrameTable, values: Float32Array, landmarks: Int16Array) => SpotOutput;

export async function runSplicedSet(
  ffmpegPath: string,
  mediaDir: string,
  workDir: string,
  set: SpliceSet,
  index: number,
  spot: Spotter = spotRecording,
): Promise<SplicedResult> {
  const source = path.join(mediaDir, set.source);
  const sourceRows = await cachedAnalysis(source);
  const w = STORED_COLUMNS.length;
  const at: FrameMeasure = (f, c) => sourceRows.values[f * w + STORED_INDEX[c as StoredColumn]] ?? Number.NaN;
  const chooser =
    set.donors === 'pose-matched' ? poseMatchedDonors(at, set.spec, set.clarity) : poseJumpDonors(at, set.spec, set.clarity, set.donors);
  const plan = planSplices(set.spec, chooser);
  fs.mkdirSync(workDir, { recursive: true });
  const key = `${set.source}:` + plan.segments.map((s) => `${s.from}-${s.to}`).join(',');
  const clip = encodeSplicedClip(
    ffmpegPath,
    source,
    plan,
    set.spec.fps,
    path.join(workDir, `spliced-${index}-${crypto.createHash('sha1').update(key).digest('hex').slice(0, 10)}.mp4`),
  );
  const spliced = await cachedAnalysis(clip);
  const output = spot(spliced.table, spliced.values, spliced.landmarks);
  const predicted = output.candidates.map((c) => ({
    onset: c.onsetFrame,
    offset: c.offsetFrame,
    apex: c.apexFrame,
    kind: c.kind === 'onset-of-macro' ? ('macro' as const) : c.kind,
    emotion: c.emotion,
    score: c.score,
  }));
  const evaluation = evaluateSpotting(plan.truth, predicted, output.frames);
  const found = evaluation.matches.filter((m) => m.kind === 'any');
  const matchedTruth = new Set(found.map((m) => m.truth));
  const guard = set.spec.guard;
  const outside = output.candidates.filter(
    (c) => !plan.truth.some((t) => c.offsetFrame >= t.onset - guard && c.onsetFrame <= t.offset + guard),
  );
  const calmMinutes = plan.calmFrames / set.spec.fps / 60;
  const wrongEmotions = found
    .map((m) => output.candidates[m.predicted]?.emotion)
    .filter((e): e is NonNullable<typeof e> => e !== undefined && e !== set.spec.emotion);
  return {
    name: set.name,
    subset: set.subset,
    heldOut: set.heldOut,
    flashes: plan.truth.length,
    found: matchedTruth.size,
    recall: matchedTruth.size / plan.truth.length,
    f1: evaluation.anyKind.f1,
    emotionRight: found.length - wrongEmotions.length,
    falseCandidates: outside.length,
    falsePerMinute: outside.length / calmMinutes,
    calmMinutes,
    misses: plan.truth.map((t, i) => (matchedTruth.has(i) ? -1 : t.offset - t.onset + 1)).filter((n) => n >= 0),
    jumps: plan.truth.map((t) => donorJump(at, t.donorFrom, t.offset - t.onset + 1, t.calmBefore)),
    wrongEmotions,
  };
}

export function describeSplicedResult(r: SplicedResult): string {
  return (
    `${r.name}: ${r.found}/${r.flashes} flashes found at IoU ≥ 0.5 (recall ${(100 * r.recall).toFixed(0)}%, F1 ${r.f1?.toFixed(2) ?? '–'}), ` +
    `emotion right on ${r.emotionRight}/${r.found}${r.wrongEmotions.length ? ` (named ${r.wrongEmotions.join(', ')})` : ''}; ` +
    `${r.falseCandidates} false candidates on ${r.calmMinutes.toFixed(2)} min of untouched frames` +
    (r.misses.length ? `; missed flashes of ${r.misses.join(', ')} frames` : '') +
    `; head jumps at the splices ${r.jumps.map((j) => j.toFixed(0)).join(', ')}°`
  );
}
