// What is not an expression, though the face departed from its baseline. Each rule
// reads the interval (and a little around it); the first that applies names the reason.
import type { Emotion } from '../../src-shared/analysis/emotions.js';
import type { FrameEvidence } from './evidence.js';
import type { FrameTable } from './features.js';
import { regionPeaks } from './classify.js';
import type { SpotParams } from './params.js';
import type { PeakInterval } from './peaks.js';
import type { Reliability } from './reliability.js';
import { TIME_EPS, firstAtOrAfter, lastAtOrBefore, spanSeconds, type Timeline } from './timeline.js';
import { REGIONS, type Region, type SuppressionReason } from './types.js';

export interface SuppressionContext {
  table: FrameTable;
  tl: Timeline;
  rel: Reliability;
  ev: FrameEvidence;
  params: SpotParams;
}

/** Frames within `marginS` seconds of [onset, offset]. */
function around(tl: Timeline, onset: number, offset: number, marginS: number): [number, number] {
  return [firstAtOrAfter(tl, (tl.times[onset] ?? 0) - marginS), lastAtOrBefore(tl, (tl.times[offset] ?? 0) + marginS)];
}

/** Regions whose peak evidence in the interval reached regionMovedZ. */
export function movedRegions(ev: FrameEvidence, iv: PeakInterval, params: SpotParams): Region[] {
  const peaks = regionPeaks(ev, iv.onset, iv.offset);
  return REGIONS.filter((r) => peaks[r] >= params.regionMovedZ);
}

/** The recording's first or last frame is within edgeGuardS of the interval: no context to tell a departure from the analysis settling. */
export function nearRecordingEdge(ctx: SuppressionContext, iv: PeakInterval): boolean {
  const { tl, params } = ctx;
  return (
    (tl.times[iv.onset] ?? 0) - params.edgeGuardS < (tl.times[0] ?? 0) - TIME_EPS ||
    (tl.times[iv.offset] ?? 0) + params.edgeGuardS > (tl.times[tl.frames - 1] ?? 0) + TIME_EPS
  );
}

/** An unreliable frame (no face, turned away, too small, decode issue, low confidence) within edgeGuardS of the interval. */
export function nearUnreliableFace(ctx: SuppressionContext, iv: PeakInterval): boolean {
  const [a, b] = around(ctx.tl, iv.onset, iv.offset, ctx.params.edgeGuardS);
  for (let t = a; t <= b; t++) if (!ctx.rel.reliable[t]) return true;
  return false;
}

/** Yaw, pitch or roll changing by headTurnDeg or more within headTurnWindowS, anywhere within headMarginS of the interval. */
export function headTurns(ctx: SuppressionContext, iv: PeakInterval): boolean {
  const { tl, rel, params } = ctx;
  const [a, b] = around(tl, iv.onset, iv.offset, params.headMarginS);
  const angles = [ctx.table.column('yaw'), ctx.table.column('pitch'), ctx.table.column('roll')];
  for (let i = a; i <= b; i++) {
    if (!rel.reliable[i]) continue;
    const until = (tl.times[i] ?? 0) + params.headTurnWindowS + TIME_EPS;
    for (let j = i + 1; j <= b && (tl.times[j] ?? Infinity) <= until; j++) {
      if (!rel.reliable[j]) continue;
      for (const angle of angles) {
        if (Math.abs((angle[j] ?? 0) - (angle[i] ?? 0)) >= params.headTurnDeg) return true;
      }
    }
  }
  return false;
}

/** The interval overlaps a blink and no region but the eyes moved. */
export function onlyBlink(ctx: SuppressionContext, iv: PeakInterval): boolean {
  let overlaps = false;
  for (let t = iv.onset; t <= iv.offset && !overlaps; t++) overlaps = ctx.ev.blink[t] === 1;
  return overlaps && movedRegions(ctx.ev, iv, ctx.params).every((r) => r === 'eyes');
}

/**
 * Openings of the mouth (mouth_open rising from ≤ 30% to ≥ 60% of its range) within
 * speechWindowS of the apex; 0 when its range is below speechMinAmplitude.
 */
export function mouthOpenings(ctx: SuppressionContext, apex: number): number {
  const { tl, rel, params } = ctx;
  const mouth = ctx.table.column('mouth_open');
  const a = firstAtOrAfter(tl, (tl.times[apex] ?? 0) - params.speechWindowS);
  const b = lastAtOrBefore(tl, (tl.times[apex] ?? 0) + params.speechWindowS);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let t = a; t <= b; t++) {
    const v = mouth[t] ?? Number.NaN;
    if (!rel.reliable[t] || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const range = hi - lo;
  if (!(range >= params.speechMinAmplitude)) return 0;
  const closedAt = lo + 0.3 * range;
  const openAt = lo + 0.6 * range;
  let open: boolean | null = null;
  let openings = 0;
  for (let t = a; t <= b; t++) {
    const v = mouth[t] ?? Number.NaN;
    if (!rel.reliable[t] || !Number.isFinite(v)) continue;
    if (open === null) open = v >= openAt;
    else if (!open && v >= openAt) {
      open = true;
      openings++;
    } else if (open && v <= closedAt) open = false;
  }
  return openings;
}

/** Speech: only the mouth moved (or nothing but the classifier), the mouth oscillates, and the emotion's class did not rise by speechKeepClassRise. */
export function speechOnly(ctx: SuppressionContext, iv: PeakInterval, emotion: Emotion): boolean {
  if (!movedRegions(ctx.ev, iv, ctx.params).every((r) => r === 'mouth')) return false;
  if ((ctx.ev.classRise[emotion][iv.apex] ?? 0) >= ctx.params.speechKeepClassRise) return false;
  return mouthOpenings(ctx, iv.apex) >= ctx.params.speechMinOpenings;
}

/** The first rule that sets the interval aside, or null for a candidate. */
export function suppressionReason(ctx: SuppressionContext, iv: PeakInterval, emotion: Emotion): SuppressionReason | null {
  if (nearUnreliableFace(ctx, iv)) return 'unreliable-face';
  if (nearRecordingEdge(ctx, iv)) return 'recording-edge';
  if (spanSeconds(ctx.tl, iv.onset, iv.offset) > ctx.params.macroMaxS + TIME_EPS) return 'too-long';
  if (headTurns(ctx, iv) && !((ctx.ev.classRise[emotion][iv.apex] ?? 0) >= ctx.params.headTurnKeepClassRise)) return 'head-turn';
  if (onlyBlink(ctx, iv)) return 'blink';
  if (speechOnly(ctx, iv, emotion)) return 'speech';
  return null;
}
