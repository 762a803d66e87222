// The spotter: per-frame analysis in, candidate expressions out. Pure and
// deterministic: the same input and parameters give the same candidates.
import type { Emotion } from '../../src-shared/analysis/emotions.js';
import { describeCandidate } from './classify.js';
import { computeEvidence } from './evidence.js';
import { frameTable, type FrameTable } from './features.js';
import { channelIntervals, groupMovements } from './channels.js';
import { resolveSpotParams, type SpotParams } from './params.js';
import { findReliableFrames, type Reliability } from './reliability.js';
import { splitSharpCores } from './sharpCores.js';
import { qualityFlags, suppressionReason } from './suppression.js';
import { courseOf, heldAfter } from './course.js';
import type { ActionUnit } from '../../src-shared/analysis/actionUnits.js';
import { buildTimeline, spanSeconds, type Timeline } from './timeline.js';
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
  const notes = spottingNotes(table, tl, rel, params);
  if (rel.segments.length === 0) return { candidates: [], params, suppressed: [], notes };

  const ev = computeEvidence(table, tl, rel, params, input.landmarks);
  const movements = groupMovements(channelIntervals(ev, params), ev, tl, params);
  const sharp = {
    coreFraction: params.sharpCoreFraction,
    coreProminence: params.sharpCoreProminence,
    microMaxS: params.microMaxS,
    onThreshold: params.onThreshold,
    lowThreshold: params.lowThreshold,
  };
  // A piece cut out of a movement keeps the channels that made the movement.
  const intervals = movements.flatMap((m) =>
    splitSharpCores([m], ev.combined, tl, sharp).map((piece) => ({ ...piece, channels: m.channels })),
  );

  const probability = (e: Emotion, t: number): number => table.column(e)[t] ?? Number.NaN;
  const candidates: Candidate[] = [];
  const suppressed: SuppressedCandidate[] = [];
  const ctx = { table, tl, rel, ev, params };
  for (const iv of intervals) {
    const flags = qualityFlags(ctx, iv);
    const candidate = describeCandidate(iv, ev, tl, params, probability, flags);
    const course = courseOf(table, ev, tl, rel, iv, candidate.emotion, candidate.aus as ActionUnit[], params);
    const reason = suppressionReason(ctx, iv, candidate, course);
    if (reason) {
      suppressed.push({ onsetFrame: iv.onset, apexFrame: iv.apex, offsetFrame: iv.offset, reason });
      continue;
    }
    if (course && heldAfter(course, params)) candidate.kind = 'onset-of-macro';
    candidates.push(candidate);
  }
  return { candidates: distinct(candidates), params, suppressed, notes };
}

/**
 * One candidate per place: of two candidates that share more than half of the
 * longer one's frames (pieces of overlapping movements of the same frames), the
 * one with the higher score stands for both. A brief movement inside a longer one
 * of other frames stays a candidate of its own.
 */
function distinct(candidates: readonly Candidate[]): Candidate[] {
  const best = [...candidates].sort((a, b) => b.score - a.score || a.onsetFrame - b.onsetFrame);
  const kept: Candidate[] = [];
  for (const c of best) {
    const same = kept.some((k) => {
      const shared = Math.min(k.offsetFrame, c.offsetFrame) - Math.max(k.onsetFrame, c.onsetFrame) + 1;
      const longer = Math.max(k.offsetFrame - k.onsetFrame, c.offsetFrame - c.onsetFrame) + 1;
      return shared > 0.5 * longer;
    });
    if (!same) kept.push(c);
  }
  return kept.sort((a, b) => a.onsetFrame - b.onsetFrame || a.offsetFrame - b.offsetFrame);
}

/** What keeps the spotter from seeing much, said plainly for the analyst (spot's output and the API carry it). */
function spottingNotes(table: FrameTable, tl: Timeline, rel: Reliability, params: SpotParams): string[] {
  const notes: string[] = [];
  const faces = table.column('face');
  let withFace = 0;
  let reliable = 0;
  for (let t = 0; t < tl.frames; t++) {
    if (faces[t] === 1) withFace++;
    if (rel.reliable[t]) reliable++;
  }
  if (withFace === 0) notes.push('no face was found in any frame: there is nothing to spot');
  else if (reliable === 0)
    notes.push(
      `a face was found on ${withFace} of ${tl.frames} frames, but on none of them could it be trusted ` +
        '(turned away, too small, low confidence or a decoding issue): nothing was spotted',
    );
  const longest = rel.segments.reduce((m, s) => Math.max(m, spanSeconds(tl, s.start, s.end)), 0);
  if (reliable > 0 && longest < 2 * params.minBaselineS) {
    notes.push(
      `the face is trusted for at most ${longest.toFixed(2)} s at a time, ` +
        `less than the ${(2 * params.minBaselineS).toFixed(1)} s a baseline needs: departures from it cannot be measured`,
    );
  }
  return notes;
}
