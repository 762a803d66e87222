// What a found interval is: micro or macro, which emotion, which action units
// moved, how strong. Everything is read at the apex or over the interval.
import { ACTION_UNITS, type ActionUnit } from '../../src-shared/analysis/actionUnits.js';
import { EMOTIONS, EXPRESSION_CLASSES, type Emotion } from '../../src-shared/analysis/emotions.js';
import type { FrameEvidence } from './evidence.js';
import { REGION_AUS } from './evidence.js';
import type { SpotParams } from './params.js';
import type { PeakInterval } from './peaks.js';
import { TIME_EPS, spanSeconds, timeOf, type Timeline } from './timeline.js';
import { REGIONS, type Candidate, type CandidateKind, type Region } from './types.js';

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

const EYE_AUS: readonly ActionUnit[] = REGION_AUS.eyes;

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
 * The emotion whose evidence rises most at the apex: class probability rise over its
 * local baseline + auSupportPerZ × its AU pattern's z. Ties go to the earlier emotion
 * of EMOTIONS; when nothing is measurable, the emotion with the highest probability.
 */
export function nameEmotion(ev: FrameEvidence, apex: number, params: SpotParams, probability: (e: Emotion, t: number) => number): Emotion {
  let best: Emotion = EMOTIONS[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  let measured = false;
  for (const e of EMOTIONS) {
    const rise = ev.classRise[e][apex] ?? Number.NaN;
    const pattern = auPatternZ(e, ev, apex);
    if (Number.isFinite(rise) || pattern > 0) measured = true;
    const s = (Number.isFinite(rise) ? rise : 0) + params.auSupportPerZ * pattern;
    if (s > bestScore) {
      best = e;
      bestScore = s;
    }
  }
  if (measured) return best;
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

/** Peak of each region's evidence over the interval (0 where nothing was measured). */
export function regionPeaks(ev: FrameEvidence, onset: number, offset: number): Record<Region, number> {
  const out = {} as Record<Region, number>;
  for (const r of REGIONS) {
    let best = 0;
    for (let t = onset; t <= offset; t++) {
      const v = ev.region[r][t] ?? Number.NaN;
      if (v > best) best = v;
    }
    out[r] = best;
  }
  return out;
}

/**
 * AUs whose z reached +auMovedZ somewhere in the interval (more of that action; eye AUs
 * not during blinks), in ACTION_UNITS order. A fall (less of the action, e.g. au04 when
 * the brows rise) is region evidence but not listed.
 */
export function movedAus(ev: FrameEvidence, onset: number, offset: number, params: SpotParams): ActionUnit[] {
  return ACTION_UNITS.filter((au) => {
    for (let t = onset; t <= offset; t++) {
      if (EYE_AUS.includes(au) && ev.blink[t]) continue;
      if ((ev.auZ[au][t] ?? Number.NaN) >= params.auMovedZ) return true;
    }
    return false;
  });
}

/** 1 − 2^(−peak / scoreHalfZ): 0 for no evidence, 0.5 at scoreHalfZ, towards 1 as evidence grows. */
export function scoreOf(peak: number, params: SpotParams): number {
  return peak > 0 ? 1 - 2 ** (-peak / params.scoreHalfZ) : 0;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function describeCandidate(
  iv: PeakInterval,
  ev: FrameEvidence,
  tl: Timeline,
  params: SpotParams,
  probability: (e: Emotion, t: number) => number,
): Candidate {
  const durationS = spanSeconds(tl, iv.onset, iv.offset);
  const regions = regionPeaks(ev, iv.onset, iv.offset);
  const classRise: Record<string, number> = {};
  for (const c of EXPRESSION_CLASSES) {
    const v = ev.classRise[c][iv.apex] ?? Number.NaN;
    classRise[c] = Number.isFinite(v) ? round(v, 4) : 0;
  }
  return {
    onsetFrame: iv.onset,
    apexFrame: iv.apex,
    offsetFrame: iv.offset,
    onsetS: round(timeOf(tl, iv.onset), 6),
    apexS: round(timeOf(tl, iv.apex), 6),
    offsetS: round(timeOf(tl, iv.offset), 6),
    durationS: round(durationS, 6),
    kind: kindOf(durationS, params),
    emotion: nameEmotion(ev, iv.apex, params, probability),
    score: round(scoreOf(iv.peak, params), 4),
    aus: movedAus(ev, iv.onset, iv.offset, params),
    evidence: {
      regions: Object.fromEntries(REGIONS.map((r) => [r, round(regions[r], 3)])),
      classRise,
    },
  };
}
