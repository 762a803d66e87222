// The spotter: per-frame analysis in, candidate expressions out. Pure and
// deterministic: the same input and parameters give the same candidates.
import type { Emotion } from '../../src-shared/analysis/emotions.js';
import { describeCandidate } from './classify.js';
import { computeEvidence } from './evidence.js';
import { frameTable } from './features.js';
import { mergeIntervals } from './merge.js';
import { resolveSpotParams, type SpotParams } from './params.js';
import { findPeakIntervals } from './peaks.js';
import { findReliableFrames } from './reliability.js';
import { splitSharpCores } from './sharpCores.js';
import { suppressionReason } from './suppression.js';
import { buildTimeline } from './timeline.js';
import type { Candidate, SpotInput, SpotResult, SuppressedCandidate } from './types.js';

/**
 * Finds candidate micro (≤ microMaxS) and macro (≤ macroMaxS) expressions: departures of
 * the face from its own local baseline (README.md). Returns them in onset order with
 * every parameter used, and the departures set aside with the reason.
 */
export function spotCandidates(input: SpotInput, overrides?: Partial<SpotParams>): SpotResult {
  const params = resolveSpotParams(overrides);
  const tl = buildTimeline(input.frames, input.fps, input.ptsSeconds);
  const table = frameTable(input);
  const rel = findReliableFrames(table, tl, params);
  if (rel.segments.length === 0) return { candidates: [], params, suppressed: [] };

  const ev = computeEvidence(table, tl, rel, params, input.landmarks);
  const peaks = findPeakIntervals(ev.combined, params.onThreshold, params.lowThreshold, params.boundaryFraction);
  const merged = mergeIntervals(peaks, tl, params.mergeGapS);
  const intervals = splitSharpCores(merged, ev.combined, tl, {
    coreFraction: params.sharpCoreFraction,
    coreProminence: params.sharpCoreProminence,
    microMaxS: params.microMaxS,
    onThreshold: params.onThreshold,
  });

  const probability = (e: Emotion, t: number): number => table.column(e)[t] ?? Number.NaN;
  const candidates: Candidate[] = [];
  const suppressed: SuppressedCandidate[] = [];
  const ctx = { table, tl, rel, ev, params };
  for (const iv of intervals) {
    const candidate = describeCandidate(iv, ev, tl, params, probability);
    const reason = suppressionReason(ctx, iv, candidate.emotion);
    if (reason) suppressed.push({ onsetFrame: iv.onset, apexFrame: iv.apex, offsetFrame: iv.offset, reason });
    else candidates.push(candidate);
  }
  return { candidates, params, suppressed };
}
