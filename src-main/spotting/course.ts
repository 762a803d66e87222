// The course of a candidate's expression around it: was it already there before
// the onset (the candidate is then a fluctuation or the fading of a longer
// expression, not a new one), and is it still there long after the offset (the
// candidate is then the onset of a longer expression)? Read on the signal that
// carries the candidate: the named emotion's class probability when the
// classifier saw it rise, else the action unit that moved most.
import type { ActionUnit } from '../../src-shared/analysis/actionUnits.js';
import { EMOTIONS, type Emotion } from '../../src-shared/analysis/emotions.js';
import type { FrameEvidence } from './evidence.js';
import type { FrameTable } from './features.js';
import type { SpotParams } from './params.js';
import type { PeakInterval } from './peaks.js';
import type { Reliability } from './reliability.js';
import { firstAtOrAfter, lastAtOrBefore, type Timeline } from './timeline.js';
import { medianInPlace } from './robustStats.js';

export interface Course {
  /** What was read: a class probability or an action unit. */
  signal: Emotion | ActionUnit;
  /** Median of the signal over the second before the onset, at the apex, and over heldMinS after the offset. */
  before: number;
  apex: number;
  after: number;
}

/** The signal's course around the interval; null when nothing readable carries it. */
export function courseOf(
  table: FrameTable,
  ev: FrameEvidence,
  tl: Timeline,
  rel: Reliability,
  iv: PeakInterval,
  emotion: Emotion,
  aus: readonly ActionUnit[],
  params: SpotParams,
): Course | null {
  // The named emotion's probability when it rose clearly; else the class the classifier saw rise most, when clearly.
  let signal: Emotion | ActionUnit | null = null;
  if ((ev.classRise[emotion][iv.apex] ?? Number.NaN) >= params.courseClassRise) signal = emotion;
  else {
    let best = params.courseClassRise;
    for (const e of EMOTIONS) {
      const rise = ev.classRise[e][iv.apex] ?? Number.NaN;
      if (rise >= best) {
        best = rise;
        signal = e;
      }
    }
  }
  let sign = 1;
  if (!signal) {
    // The action unit that moved most at the apex, either way (a fall of au04 is brows rising).
    let best = 0;
    for (const au of aus) {
      const z = ev.auZ[au][iv.apex] ?? Number.NaN;
      if (Math.abs(z) > best) {
        best = Math.abs(z);
        signal = au;
        sign = Math.sign(z);
      }
    }
  }
  if (!signal) return null;
  const series = table.column(signal);
  const t0 = tl.times[iv.onset] ?? 0;
  const t1 = tl.times[iv.offset] ?? 0;
  const before = medianOver(series, rel, firstAtOrAfter(tl, t0 - params.courseBeforeS), iv.onset - 1, sign);
  const after = medianOver(series, rel, iv.offset + 1, lastAtOrBefore(tl, t1 + params.heldMinS), sign);
  const apex = sign * (series[iv.apex] ?? Number.NaN);
  if (![before, apex, after].every(Number.isFinite)) return null;
  return { signal, before, apex, after };
}

/** The expression was there before the onset as much as at the apex: the candidate adds nothing new. */
export function alreadyPresent(c: Course, params: SpotParams): boolean {
  const lowest = Math.min(c.before, c.after);
  const height = c.apex - lowest;
  return height > 0 && c.apex - c.before <= params.heldFraction * height;
}

/** The expression is still there, most of its height, for heldMinS after the offset: the onset of a longer one. */
export function heldAfter(c: Course, params: SpotParams): boolean {
  const rise = c.apex - c.before;
  return rise > 0 && c.after - c.before >= (1 - params.heldFraction) * rise;
}

function medianOver(series: Float64Array, rel: Reliability, from: number, to: number, sign: number): number {
  const values: number[] = [];
  for (let t = Math.max(0, from); t <= Math.min(series.length - 1, to); t++) {
    const v = series[t] ?? Number.NaN;
    if (rel.reliable[t] && Number.isFinite(v)) values.push(sign * v);
  }
  return values.length ? medianInPlace(Float64Array.from(values), values.length) : Number.NaN;
}
