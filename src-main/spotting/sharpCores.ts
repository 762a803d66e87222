// A brief expression can ride on a slower movement of the face (a flash of a
// smile while the brows are still coming down): the evidence stays raised for
// seconds and peaks sharply for a few frames. The peak interval then spans the
// whole movement, and the brief expression is lost inside a long candidate.
// Here such a sharp core is cut out as its own interval, and what is left on
// either side stays a candidate of its own when it still reaches the "on" level.
import type { PeakInterval } from './peaks.js';
import { spanSeconds, type Timeline } from './timeline.js';

export interface SharpCoreParams {
  /** The core: frames around the apex whose evidence stays at least this fraction of the apex's. */
  coreFraction: number;
  /** The apex must be at least this many times the highest evidence of the interval outside the core. */
  coreProminence: number;
  /** Only cores up to this long are cut out (the longest micro expression) (s). */
  microMaxS: number;
  /** Evidence the pieces left on either side must reach to stay intervals… */
  onThreshold: number;
  /** …and the evidence must fall below this between a piece's apex and the core's. */
  lowThreshold: number;
}

/**
 * Splits each interval longer than microMaxS whose apex is a sharp, prominent
 * core no longer than microMaxS. Intervals come back sorted by onset; they do
 * not overlap if the input did not.
 */
export function splitSharpCores(
  intervals: readonly PeakInterval[],
  evidence: ArrayLike<number> | ((frame: number) => number),
  tl: Timeline,
  p: SharpCoreParams,
): PeakInterval[] {
  const at = (i: number): number => {
    const v = (typeof evidence === 'function' ? evidence(i) : evidence[i]) ?? Number.NaN;
    return Number.isFinite(v) ? v : Number.NEGATIVE_INFINITY;
  };
  const out: PeakInterval[] = [];
  for (const iv of intervals) {
    if (spanSeconds(tl, iv.onset, iv.offset) <= p.microMaxS) {
      out.push({ ...iv });
      continue;
    }
    const level = p.coreFraction * iv.peak;
    let a = iv.apex;
    while (a > iv.onset && at(a - 1) >= level) a--;
    let b = iv.apex;
    while (b < iv.offset && at(b + 1) >= level) b++;
    let outside = Number.NEGATIVE_INFINITY;
    for (let t = iv.onset; t <= iv.offset; t++) if (t < a || t > b) outside = Math.max(outside, at(t));
    const sharp = spanSeconds(tl, a, b) <= p.microMaxS && iv.peak >= p.coreProminence * Math.max(outside, 0);
    if (!sharp) {
      out.push({ ...iv });
      continue;
    }
    // A side stays a movement of its own only when the evidence dips between it and the core: where it
    // does not, the side is the same movement's rise or fall (two fragments of one brow raise are one).
    const left = piece(iv.onset, a - 1, at, p.onThreshold);
    if (left && dipsBetween(left.apex, iv.apex, at, p.lowThreshold)) out.push(left);
    out.push({ onset: a, apex: iv.apex, offset: b, peak: iv.peak });
    const right = piece(b + 1, iv.offset, at, p.onThreshold);
    if (right && dipsBetween(iv.apex, right.apex, at, p.lowThreshold)) out.push(right);
  }
  return out.sort((x, y) => x.onset - y.onset);
}

/** The frames [from, to] as an interval with its own apex, when it reaches `on` somewhere. */
function piece(from: number, to: number, at: (i: number) => number, on: number): PeakInterval | null {
  if (to < from) return null;
  let apex = from;
  for (let t = from + 1; t <= to; t++) if (at(t) > at(apex)) apex = t;
  return at(apex) >= on ? { onset: from, apex, offset: to, peak: at(apex) } : null;
}

/** The evidence falls below `low` somewhere between two frames. */
function dipsBetween(from: number, to: number, at: (i: number) => number, low: number): boolean {
  for (let t = from + 1; t < to; t++) if (at(t) < low) return true;
  return false;
}
