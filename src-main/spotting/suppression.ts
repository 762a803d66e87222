// What is not an expression, though the face departed from its baseline. Each rule
// reads the interval (and a little around it); the first that applies names the reason.
import type { ActionUnit } from '../../src-shared/analysis/actionUnits.js';
import { EMOTIONS, EXPRESSION_CLASSES, type Emotion } from '../../src-shared/analysis/emotions.js';
import { alreadyPresent, type Course } from './course.js';
import { REGION_AUS, type FrameEvidence } from './evidence.js';
import type { FrameTable } from './features.js';
import { regionPeaks } from './evidenceSummary.js';
import { EMOTION_REQUIRES, meetsRequirement } from './classify.js';
import type { SpotParams } from './params.js';
import type { PeakInterval } from './peaks.js';
import type { Reliability } from './reliability.js';
import { TIME_EPS, firstAtOrAfter, lastAtOrBefore, spanSeconds, type Timeline } from './timeline.js';
import { REGIONS, type Candidate, type QualityFlags, type Region, type SuppressionReason } from './types.js';

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

/** Frames of a blink, widened by blinkRecoveryS after it (the lids and brows settling), that touch the interval. */
function nearBlink(ctx: SuppressionContext, iv: PeakInterval): boolean {
  const [a, b] = around(ctx.tl, iv.onset, iv.offset, ctx.params.blinkRecoveryS);
  for (let t = a; t <= b; t++) if (ctx.ev.blink[t] === 1) return true;
  return false;
}

/**
 * A blink and its recovery, near a blink: unless the brows rose (a brow raise
 * with a blink stays a candidate), or the classifier saw the named emotion rise
 * clearly and its own action units show it, the candidate is the blink's when its
 * emotion is not shown by its action units (the classifier reads sadness or fear
 * in closed eyes), or when nothing but the eyes and brows moved (the brows dip and
 * the head nods with a blink).
 */
export function blinkAndRecovery(ctx: SuppressionContext, iv: PeakInterval, candidate: Candidate, supported: boolean): boolean {
  if (!nearBlink(ctx, iv)) return false;
  if (candidate.aus.includes('au01_02')) return false; // the brows rose: not what a blink does to them
  if ((ctx.ev.classRise[candidate.emotion][iv.apex] ?? 0) >= ctx.params.blinkKeepClassRise && supported) return false;
  return !supported || movedRegions(ctx.ev, iv, ctx.params).every((r) => r === 'eyes' || r === 'brows');
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

/**
 * Speech: only the mouth moved, and either it moved by opening alone (the jaw:
 * au26 without the corners; a vowel held, a word begun, whatever the classifier
 * reads in an open mouth), or it opened and closed at syllable rate around the
 * apex without both the named emotion's required action units moving and the
 * classifier seeing it rise (a smile while talking, its corners up and the
 * classifier seeing it, stays a candidate; the classifier's reading of a talking
 * mouth alone does not, nor a mouth's movement the classifier does not read).
 */
export function speechOnly(ctx: SuppressionContext, iv: PeakInterval, candidate: Candidate): boolean {
  if (!movedRegions(ctx.ev, iv, ctx.params).every((r) => r === 'mouth')) return false;
  if (jawOnly(candidate)) return true;
  if (mouthOpenings(ctx, iv.apex) < ctx.params.speechMinOpenings) return false;
  // While talking, the named emotion stays a candidate only when both its own action units and the classifier show it.
  return !(requiredMoved(candidate) && (ctx.ev.classRise[candidate.emotion][iv.apex] ?? 0) >= ctx.params.courseClassRise);
}

/** One of the named emotion's required action units is among those that moved (reached auMovedZ). */
function requiredMoved(candidate: Candidate): boolean {
  return candidate.emotion === 'contempt' || EMOTION_REQUIRES[candidate.emotion].some((au) => candidate.aus.includes(au));
}

const LIP_CORNER_AUS: readonly ActionUnit[] = ['au06_12', 'au12_14_left', 'au12_14_right', 'au15', 'au20'];

/** The mouth moved by opening: au26 among the moved action units, none of the lip corners'. */
function jawOnly(candidate: Candidate): boolean {
  return candidate.aus.includes('au26') && !candidate.aus.some((au) => LIP_CORNER_AUS.includes(au as ActionUnit));
}

/**
 * The face returning towards neutral, not a new expression: neutral's probability
 * rose by at least fadingNeutralRise while the named emotion's barely rose and
 * none of its own action units moved (the end of a smile, a smile narrowing while
 * talking).
 */
export function fadingToNeutral(ctx: SuppressionContext, iv: PeakInterval, candidate: Candidate): boolean {
  if (requiredMoved(candidate)) return false; // the face itself shows the emotion's action units: something new
  const neutral = ctx.ev.classRise.neutral[iv.apex] ?? Number.NaN;
  const own = ctx.ev.classRise[candidate.emotion][iv.apex] ?? Number.NaN;
  return neutral >= ctx.params.fadingNeutralRise && !(own >= ctx.params.courseClassRise / 2);
}

/**
 * Neither the classifier nor the face shows the emotion named clearly: its class
 * probability rose less than courseClassRise, none of its required action units
 * moved (reached auMovedZ) in the interval, and no region's landmarks moved as far
 * as clearLandmarkZ. Something departed from the baseline, but nothing an analyst
 * could name.
 */
/**
 * How much the classifier saw the emotion rise at a frame. Fear and surprise, the
 * classifier's most frequent confusion (FER2013), count as one: a brow raise the
 * classifier reads as fear rose as surprise.
 */
export function emotionRise(ev: FrameEvidence, emotion: Emotion, t: number): number {
  const own = ev.classRise[emotion][t] ?? 0;
  const sibling = emotion === 'surprise' ? 'fear' : emotion === 'fear' ? 'surprise' : null;
  return sibling ? Math.max(own, ev.classRise[sibling][t] ?? 0) : own;
}

export function noClearExpression(ctx: SuppressionContext, iv: PeakInterval, candidate: Candidate): boolean {
  const rise = (e: Emotion) => ctx.ev.classRise[e][iv.apex] ?? 0;
  if (rise(candidate.emotion) >= ctx.params.courseClassRise) return false;
  if (candidate.emotion === 'contempt') return false; // named only when its own asymmetry holds (classify.ts)
  const required = EMOTION_REQUIRES[candidate.emotion];
  if (required.some((au) => candidate.aus.includes(au))) return false;
  // A region's landmarks moved far in the face's own frame: a deformation an analyst can see, whatever the AUs say.
  const lm = ctx.ev.landmarkRegion;
  if (lm)
    for (const r of REGIONS) for (let t = iv.onset; t <= iv.offset; t++) if ((lm[r][t] ?? 0) >= ctx.params.clearLandmarkZ) return false;
  // While the head moves the action units' 2-D geometry is not trusted (headOnly); the region of the emotion's
  // own action units moving in the face's own frame stands in for them.
  if (candidate.flags.headMoving && requiredRegionMoved(ctx, iv, candidate.emotion)) return false;
  // Two measures agree: one of the emotion's own action units reached auRequiredZ at the apex and the landmarks
  // of its region, with the head's pose taken out in 3-D, moved by agreeLandmarkZ there (a one-frame brow raise).
  if (lm)
    for (const au of required) {
      if ((ctx.ev.auZ[au][iv.apex] ?? Number.NaN) < ctx.params.auRequiredZ) continue;
      const region = REGIONS.find((r) => REGION_AUS[r].includes(au));
      if (region && (lm[region][iv.apex] ?? 0) >= ctx.params.agreeLandmarkZ) return false;
    }
  // Fear and surprise, the classifier's most frequent confusion (FER2013), count as one: a brow raise the
  // classifier reads as fear is clear when its action units show surprise at least faintly.
  const sibling = candidate.emotion === 'surprise' ? 'fear' : candidate.emotion === 'fear' ? 'surprise' : null;
  if (sibling && rise(sibling) >= ctx.params.courseClassRise) {
    return !required.some((au) => (ctx.ev.auZ[au][iv.apex] ?? Number.NaN) >= ctx.params.auRequiredZ);
  }
  return true;
}

/**
 * The landmarks of a region holding one of the emotion's required action units
 * moved by agreeLandmarkZ or more at the apex, with the head's pose taken out in
 * 3-D (contempt: never; it needs its own asymmetry with the head still).
 */
function requiredRegionMoved(ctx: SuppressionContext, iv: PeakInterval, emotion: Emotion): boolean {
  const lm = ctx.ev.landmarkRegion;
  if (!lm || emotion === 'contempt') return false;
  // A head movement the fit did not take out moves every region; an expression moves a few.
  if (REGIONS.filter((r) => (lm[r][iv.apex] ?? 0) >= ctx.params.regionMovedZ).length > 2) return false;
  return REGIONS.some(
    (r) => REGION_AUS[r].some((au) => EMOTION_REQUIRES[emotion].includes(au)) && (lm[r][iv.apex] ?? 0) >= ctx.params.agreeLandmarkZ,
  );
}

/**
 * Within an expression held all around it: one class (not the one named, not
 * neutral) is the classifier's top class, at heldClassMin or more, half a second
 * before the onset and after the offset, and still at half that at the apex
 * (laughing within a smile; talking within one). The candidate is a movement
 * inside that expression, not a new one.
 */
export function withinHeldExpression(ctx: SuppressionContext, iv: PeakInterval, emotion: Emotion): boolean {
  const { tl, params } = ctx;
  const before = lastAtOrBefore(tl, (tl.times[iv.onset] ?? 0) - params.courseBeforeS / 2);
  const after = firstAtOrAfter(tl, (tl.times[iv.offset] ?? 0) + params.courseBeforeS / 2);
  const top = (t: number): { cls: string; p: number } => {
    let best = { cls: '', p: -1 };
    for (const c of EXPRESSION_CLASSES) {
      const p = ctx.table.column(c)[t] ?? Number.NaN;
      if (p > best.p) best = { cls: c, p };
    }
    return best;
  };
  const [pre, post] = [top(before), top(after)];
  const held = pre.cls as Emotion | 'neutral';
  if (held === emotion || held === 'neutral' || post.cls !== held || pre.p < params.heldClassMin || post.p < params.heldClassMin)
    return false;
  // The class the classifier reads on this face most of the time is its resting face (some faces read as sad
  // or angry at rest), not an expression held.
  if (held === restingClass(ctx)) return false;
  // Still there at the apex, if not on top: a laugh's burst reads as fear or contempt for a frame.
  return (ctx.table.column(held)[iv.apex] ?? 0) >= params.heldClassMin / 2;
}

const resting = new WeakMap<FrameEvidence, string>();

/** The classifier's most frequent top class over the recording's reliable frames. */
function restingClass(ctx: SuppressionContext): string {
  let cls = resting.get(ctx.ev);
  if (cls === undefined) {
    const counts = new Map<string, number>();
    const columns = EXPRESSION_CLASSES.map((c) => [c, ctx.table.column(c)] as const);
    for (let t = 0; t < ctx.tl.frames; t++) {
      if (!ctx.rel.reliable[t]) continue;
      let best = '';
      let p = -1;
      for (const [c, col] of columns) if ((col[t] ?? -1) > p) [best, p] = [c, col[t] ?? -1];
      counts.set(best, (counts.get(best) ?? 0) + 1);
    }
    cls = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'neutral';
    resting.set(ctx.ev, cls);
  }
  return cls;
}

/** No region of the face moved in its own frame and the classifier saw no emotion rise clearly: nothing to show an analyst. */
export function noFacialMotion(ctx: SuppressionContext, iv: PeakInterval): boolean {
  if (movedRegions(ctx.ev, iv, ctx.params).length > 0) return false;
  let rise = 0;
  for (const e of EMOTIONS) rise = Math.max(rise, ctx.ev.classRise[e][iv.apex] ?? 0);
  return rise < ctx.params.courseClassRise;
}

/**
 * The head moved, and the face did not show an emotion of its own: no region's
 * landmarks moved in the face's own frame, or only the eyes' did (a nod changes how
 * open the lids look), or the emotion named is not shown by its own action units;
 * and the classifier did not see the emotion rise by headTurnKeepClassRise, nor
 * rise by courseClassRise while the emotion's own action units moved.
 */
export function headOnly(ctx: SuppressionContext, iv: PeakInterval, candidate: Candidate, supported: boolean): boolean {
  if (!headTurns(ctx, iv)) return false;
  const rise = emotionRise(ctx.ev, candidate.emotion, iv.apex);
  if (rise >= ctx.params.headTurnKeepClassRise) return false;
  // The emotion's own action units moved and the classifier saw it rise: both agree, whatever the head did.
  if (requiredMoved(candidate) && rise >= ctx.params.courseClassRise) return false;
  // While the head moves, the action units (a few points' geometry) are not trusted alone: a region counts as
  // moved only where its landmarks, with the pose taken out in 3-D, moved too; without landmarks, none does.
  const lm = ctx.ev.landmarkRegion;
  const moved = movedRegions(ctx.ev, iv, ctx.params).filter((r) => {
    if (!lm) return false;
    for (let t = iv.onset; t <= iv.offset; t++) if ((lm[r][t] ?? 0) >= ctx.params.regionMovedZ) return true;
    return false;
  });
  return moved.length === 0 || moved.every((r) => r === 'eyes') || !supported;
}

/** What near the interval makes it doubtful (each lowers the review score; classify.ts). */
export function qualityFlags(ctx: SuppressionContext, iv: PeakInterval): QualityFlags {
  const yaw = ctx.table.column('yaw')[iv.apex] ?? Number.NaN;
  const width = ctx.table.column('face_w')[iv.apex] ?? Number.NaN;
  return {
    blinkNear: nearBlink(ctx, iv),
    speechNear: mouthOpenings(ctx, iv.apex) >= ctx.params.speechMinOpenings,
    headMoving: headTurns(ctx, iv),
    yawDeg: Number.isFinite(yaw) ? Math.round(Math.abs(yaw) * 10) / 10 : 0,
    faceSizePx: Number.isFinite(width) ? Math.round(width) : 0,
  };
}

/** The first rule that sets the interval aside, or null for a candidate. */
export function suppressionReason(
  ctx: SuppressionContext,
  iv: PeakInterval,
  candidate: Candidate,
  course: Course | null,
): SuppressionReason | null {
  if (nearUnreliableFace(ctx, iv)) return 'unreliable-face';
  if (nearRecordingEdge(ctx, iv)) return 'recording-edge';
  if (spanSeconds(ctx.tl, iv.onset, iv.offset) > ctx.params.macroMaxS + TIME_EPS) return 'too-long';
  if (course && alreadyPresent(course, ctx.params)) return 'held-expression';
  if (fadingToNeutral(ctx, iv, candidate)) return 'held-expression';
  if (withinHeldExpression(ctx, iv, candidate.emotion)) return 'held-expression';
  const flags = candidate.flags;
  const supported =
    meetsRequirement(candidate.emotion, ctx.ev, iv.apex, ctx.params, { headMoving: flags.headMoving, yawDeg: flags.yawDeg }) ||
    (flags.headMoving && requiredRegionMoved(ctx, iv, candidate.emotion));
  if (headOnly(ctx, iv, candidate, supported)) return 'head-turn';
  if (blinkAndRecovery(ctx, iv, candidate, supported)) return 'blink';
  if (speechOnly(ctx, iv, candidate)) return 'speech';
  if (noFacialMotion(ctx, iv)) return 'no-facial-motion';
  if (noClearExpression(ctx, iv, candidate)) return 'no-clear-expression';
  return null;
}
