// What a found interval is: micro or macro, which emotion, which action units
// moved, how strong. Everything is read at the apex or over the interval.
import { ACTION_UNITS, type ActionUnit } from '../../src-shared/analysis/actionUnits.js';
import { EMOTIONS, EXPRESSION_CLASSES, type Emotion } from '../../src-shared/analysis/emotions.js';
import type { FrameEvidence } from './evidence.js';
import type { SpotParams } from './params.js';
import type { PeakInterval } from './peaks.js';
import { TIME_EPS, spanSeconds, timeOf, type Timeline } from './timeline.js';
import { movedAus, regionPeaks } from './evidenceSummary.js';
import { REGIONS, type Candidate, type CandidateKind, type QualityFlags } from './types.js';

/**
 * Action-unit patterns of the emotions (after EMFACS prototypes, limited to the AUs
 * measured): weight of each AU's rise. Contempt is the one-sided lip corner instead.
 */
export const EMOTION_AU_PATTERNS: Record<Exclude<Emotion, 'contempt'>, Partial<Record<ActionUnit, number>>> = {
  enjoyment: { au06_12: 1 },
  sadness: { au15: 1, au04: 0.5, au01_02: 0.25 },
  anger: { au04: 1, au07: 0.5, au05: 0.25 },
  fear: { au20: 1, au01_02: 0.5, au04: 0.5, au05: 0.5 },
  surprise: { au01_02: 1, au05: 0.5, au26: 0.5 },
  disgust: { au09: 1, au04: 0.25, au15: 0.25 },
};

export function kindOf(durationS: number, params: SpotParams): CandidateKind {
  return durationS <= params.microMaxS + TIME_EPS ? 'micro' : 'macro';
}

/**
 * How much an emotion's AU pattern rose at a frame, in robust z: the weighted mean of
 * the positive z of its AUs; for contempt, how much one lip corner rose beyond the
 * other, max(0, max(zL, zR) − max(0, min(zL, zR))).
 */
export function auPatternZ(emotion: Emotion, ev: FrameEvidence, t: number): number {
  const z = (au: ActionUnit): number => {
    const v = ev.auZ[au][t] ?? Number.NaN;
    return Number.isFinite(v) ? v : 0;
  };
  if (emotion === 'contempt') {
    const l = z('au12_14_left');
    const r = z('au12_14_right');
    return Math.max(0, Math.max(l, r) - Math.max(0, Math.min(l, r)));
  }
  let sum = 0;
  let weights = 0;
  for (const [au, w] of Object.entries(EMOTION_AU_PATTERNS[emotion]) as [ActionUnit, number][]) {
    sum += w * Math.max(0, z(au));
    weights += w;
  }
  return weights > 0 ? sum / weights : 0;
}

/**
 * The action units an emotion cannot be named without, when the face moved
 * (after EMFACS: fear has the brows drawn together or the lips stretched, which
 * a brow flash with widened eyes, surprise, has not; anger has the brows drawn
 * down or the lids tightened; …). One of them must reach auRequiredZ at the
 * apex. Contempt needs its one-sided lip corner (contemptQualifies).
 */
export const EMOTION_REQUIRES: Record<Exclude<Emotion, 'contempt'>, readonly ActionUnit[]> = {
  enjoyment: ['au06_12'],
  sadness: ['au15', 'au04'],
  anger: ['au04', 'au07'],
  fear: ['au04', 'au20'],
  surprise: ['au01_02', 'au05', 'au26'],
  disgust: ['au09', 'au15'],
};

/** What naming reads besides the evidence: the head at the apex. */
export interface NamingContext {
  /** The head turned or nodded around the candidate (suppression.ts headTurns). */
  headMoving: boolean;
  /** |yaw| at the apex, degrees. */
  yawDeg: number;
}

/**
 * Contempt is named only from a one-sided lip-corner raise that holds in the
 * face's own frame: its asymmetry z reaches contemptMinZ, the head is not turning,
 * and it is not turned beyond contemptMaxYawDeg (a smile seen from the side looks
 * one-sided in any 2-D measure, and the mesh guesses the far side).
 */
export function contemptQualifies(ev: FrameEvidence, apex: number, params: SpotParams, head: NamingContext): boolean {
  return auPatternZ('contempt', ev, apex) >= params.contemptMinZ && !head.headMoving && head.yawDeg <= params.contemptMaxYawDeg;
}

/** The emotion's required action units moved at the apex (contempt: its own asymmetry, the head still). */
export function meetsRequirement(emotion: Emotion, ev: FrameEvidence, apex: number, params: SpotParams, head: NamingContext): boolean {
  if (emotion === 'contempt') return contemptQualifies(ev, apex, params, head);
  return EMOTION_REQUIRES[emotion].some((au) => (ev.auZ[au][apex] ?? Number.NaN) >= params.auRequiredZ);
}

/**
 * The emotion whose evidence rises most at the apex (class probability rise over
 * its local baseline + auSupportPerZ × its AU pattern's z) among those whose
 * required action units moved; when none did (the classifier alone saw it), the
 * highest-scoring one but contempt, which always needs its own. Ties go to the
 * earlier emotion of EMOTIONS; when nothing is measurable, the emotion with the
 * highest probability.
 */
export function nameEmotion(
  ev: FrameEvidence,
  apex: number,
  params: SpotParams,
  probability: (e: Emotion, t: number) => number,
  head: NamingContext = { headMoving: false, yawDeg: 0 },
): Emotion {
  const scored: { emotion: Emotion; score: number }[] = [];
  let measured = false;
  for (const e of EMOTIONS) {
    const rise = ev.classRise[e][apex] ?? Number.NaN;
    const pattern = auPatternZ(e, ev, apex);
    if (Number.isFinite(rise) || pattern > 0) measured = true;
    scored.push({ emotion: e, score: (Number.isFinite(rise) ? rise : 0) + params.auSupportPerZ * pattern });
  }
  if (measured) {
    const ranked = [...scored].sort((a, b) => b.score - a.score || EMOTIONS.indexOf(a.emotion) - EMOTIONS.indexOf(b.emotion));
    const supported = ranked.find((s) => meetsRequirement(s.emotion, ev, apex, params, head));
    return (supported ?? ranked.find((s) => s.emotion !== 'contempt') ?? ranked[0]!).emotion;
  }
  let best: Emotion = EMOTIONS[0];
  let topP = Number.NEGATIVE_INFINITY;
  for (const e of EMOTIONS) {
    const p = probability(e, apex);
    if (p > topP) {
      best = e;
      topP = p;
    }
  }
  return best;
}

/** 1 − 2^(−peak / scoreHalfZ): 0 for no evidence, 0.5 at scoreHalfZ, towards 1 as evidence grows. */
export function scoreOf(peak: number, params: SpotParams): number {
  return peak > 0 ? 1 - 2 ** (-peak / params.scoreHalfZ) : 0;
}

/**
 * The score an analyst reviews by: the evidence's score, lowered for each thing
 * that makes a departure less likely an expression than it looks (on the
 * hand-labelled real clips these are the blinks, the talking and the turns of
 * the head): a blink near, speech around it, the head moving, and no region of
 * the face moving (the classifier alone).
 */
export function reviewScore(peak: number, flags: QualityFlags, facialMotion: boolean, params: SpotParams): number {
  let s = scoreOf(peak, params);
  for (const doubt of [flags.blinkNear, flags.speechNear, flags.headMoving, !facialMotion]) if (doubt) s *= params.doubtFactor;
  return s;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function describeCandidate(
  iv: PeakInterval & { channels?: readonly string[] },
  ev: FrameEvidence,
  tl: Timeline,
  params: SpotParams,
  probability: (e: Emotion, t: number) => number,
  flags: QualityFlags,
): Candidate {
  const durationS = spanSeconds(tl, iv.onset, iv.offset);
  const regions = regionPeaks(ev, iv.onset, iv.offset);
  const classRise: Record<string, number> = {};
  for (const c of EXPRESSION_CLASSES) {
    const v = ev.classRise[c][iv.apex] ?? Number.NaN;
    classRise[c] = Number.isFinite(v) ? round(v, 4) : 0;
  }
  const auZ: Record<string, number> = {};
  for (const au of ACTION_UNITS) {
    const v = ev.auZ[au][iv.apex] ?? Number.NaN;
    auZ[au] = Number.isFinite(v) ? round(v, 2) : 0;
  }
  const moved = REGIONS.filter((r) => regions[r] >= params.regionMovedZ);
  return {
    onsetFrame: iv.onset,
    apexFrame: iv.apex,
    offsetFrame: iv.offset,
    onsetS: round(timeOf(tl, iv.onset), 6),
    apexS: round(timeOf(tl, iv.apex), 6),
    offsetS: round(timeOf(tl, iv.offset), 6),
    durationS: round(durationS, 6),
    kind: kindOf(durationS, params),
    emotion: nameEmotion(ev, iv.apex, params, probability, { headMoving: flags.headMoving, yawDeg: flags.yawDeg }),
    score: round(reviewScore(iv.peak, flags, moved.length > 0, params), 4),
    aus: movedAus(ev, iv.onset, iv.offset, params),
    evidence: {
      regions: Object.fromEntries(REGIONS.map((r) => [r, round(regions[r], 3)])),
      moved,
      classRise,
      auZ,
      peak: round(iv.peak, 2),
    },
    flags,
  };
}
