// The subject's own local baseline of a feature, and how far each frame departs
// from it in robust units. Offline, so the window looks both ways: a slow linear
// drift has the same median on both sides of t and is followed exactly.
import { MAD_TO_SIGMA, SortedWindow, medianInPlace } from './robustStats.js';
import type { Reliability } from './reliability.js';
import { firstAtOrAfter, lastAtOrBefore, type Timeline } from './timeline.js';

export interface WindowSpec {
  /** The window is [t − halfWindowS, t + halfWindowS] (s)… */
  halfWindowS: number;
  /** …without the frames closer to t than guardS (s); 0 keeps them all, t included. */
  guardS: number;
  /** Fewer finite values than this in the window: no baseline (NaN). */
  minCount: number;
}

/**
 * The baseline windows of every frame, computed once and shared by all features:
 * for frame t of a segment, a left range (frames before t) and a right range (t and
 * after) of the same segment, together [t − halfWindowS, t + halfWindowS] without
 * the frames closer to t than guardS.
 */
export class LocalWindows {
  readonly leftLo: Int32Array;
  readonly leftHi: Int32Array;
  readonly rightLo: Int32Array;
  readonly rightHi: Int32Array;

  constructor(
    readonly tl: Timeline,
    readonly rel: Reliability,
    readonly spec: WindowSpec,
  ) {
    const n = tl.frames;
    this.leftLo = new Int32Array(n);
    this.leftHi = new Int32Array(n).fill(-1);
    this.rightLo = new Int32Array(n);
    this.rightHi = new Int32Array(n).fill(-1);
    for (const { start, end } of rel.segments) {
      for (let t = start; t <= end; t++) {
        const time = tl.times[t] ?? 0;
        this.leftLo[t] = firstAtOrAfter(tl, time - spec.halfWindowS, start, end);
        this.leftHi[t] = Math.min(t - 1, lastAtOrBefore(tl, time - spec.guardS, start, end));
        this.rightLo[t] = Math.max(t, firstAtOrAfter(tl, time + spec.guardS, start, end));
        this.rightHi[t] = lastAtOrBefore(tl, time + spec.halfWindowS, start, end);
      }
    }
  }

  /**
   * Per reliable frame of each segment, the median of the series' finite values on
   * the reliable frames of its window (never across a lost face). NaN outside
   * segments, on unreliable frames, and where the window holds fewer than minCount values.
   */
  median(series: ArrayLike<number>): Float64Array {
    const { tl, rel, spec } = this;
    const out = new Float64Array(tl.frames).fill(Number.NaN);
    const window = new SortedWindow(256);
    const reliable = rel.reliable;
    const add = (j: number): void => {
      if (reliable[j]) window.add(series[j] ?? Number.NaN);
    };
    const remove = (j: number): void => {
      if (reliable[j]) window.remove(series[j] ?? Number.NaN);
    };
    for (const { start, end } of rel.segments) {
      window.clear();
      const left = { lo: start, hi: start - 1 };
      const right = { lo: start, hi: start - 1 };
      for (let t = start; t <= end; t++) {
        if (!reliable[t]) continue;
        moveRange(left, this.leftLo[t] ?? 0, this.leftHi[t] ?? -1, add, remove);
        moveRange(right, this.rightLo[t] ?? 0, this.rightHi[t] ?? -1, add, remove);
        if (window.size >= spec.minCount) out[t] = window.median();
      }
    }
    return out;
  }
}

/** The median of `series` over each frame's window (see LocalWindows). */
export function localMedian(series: ArrayLike<number>, tl: Timeline, rel: Reliability, spec: WindowSpec): Float64Array {
  return new LocalWindows(tl, rel, spec).median(series);
}

/**
 * Moves an index range [cur.lo, cur.hi] (empty when hi < lo) to [lo, hi], calling
 * remove for indices that leave and add for those that enter. O(change) when both
 * ends only move forward, as they do in a sliding window.
 */
export function moveRange(
  cur: { lo: number; hi: number },
  lo: number,
  hi: number,
  add: (j: number) => void,
  remove: (j: number) => void,
): void {
  if (lo === cur.lo && hi === cur.hi) return;
  if (hi < lo) {
    for (let j = cur.lo; j <= cur.hi; j++) remove(j);
  } else if (cur.hi < cur.lo) {
    for (let j = lo; j <= hi; j++) add(j);
  } else {
    for (let j = cur.lo; j <= Math.min(cur.hi, lo - 1); j++) remove(j);
    for (let j = Math.max(cur.lo, hi + 1); j <= cur.hi; j++) remove(j);
    for (let j = lo; j <= Math.min(hi, cur.lo - 1); j++) add(j);
    for (let j = Math.max(lo, cur.hi + 1); j <= hi; j++) add(j);
  }
  cur.lo = lo;
  cur.hi = hi;
}

export interface ScaleSpec {
  halfWindowS: number;
  /** Anchors every stepS seconds from each segment's start; linear in between. */
  stepS: number;
  /** The scale is never below this (noise of a perfectly still face is not zero evidence of anything). */
  floor: number;
}

/**
 * Robust scale of departures: 1.4826 × median |departure| over a long window of the
 * segment (so a talking stretch, which moves more, gets a larger scale than a calm
 * one), never below the floor. The floor wherever there is nothing to measure.
 */
export function localScale(departure: Float64Array, tl: Timeline, rel: Reliability, spec: ScaleSpec): Float64Array {
  const out = new Float64Array(tl.frames).fill(spec.floor);
  const scratch = new Float64Array(tl.frames);
  for (const { start, end } of rel.segments) {
    const t0 = tl.times[start] ?? 0;
    const t1 = tl.times[end] ?? 0;
    const anchors = Math.floor((t1 - t0) / spec.stepS) + 2;
    const anchorScale = new Float64Array(anchors);
    for (let k = 0; k < anchors; k++) {
      const a = t0 + k * spec.stepS;
      const lo = firstAtOrAfter(tl, a - spec.halfWindowS, start, end);
      const hi = lastAtOrBefore(tl, a + spec.halfWindowS, start, end);
      let n = 0;
      for (let j = lo; j <= hi; j++) {
        const d = departure[j] ?? Number.NaN;
        if (Number.isFinite(d)) scratch[n++] = Math.abs(d);
      }
      anchorScale[k] = MAD_TO_SIGMA * medianInPlace(scratch, n);
    }
    for (let t = start; t <= end; t++) {
      const u = ((tl.times[t] ?? t0) - t0) / spec.stepS;
      const k = Math.min(anchors - 2, Math.floor(u));
      const w = u - k;
      const a = anchorScale[k] ?? Number.NaN;
      const b = anchorScale[k + 1] ?? Number.NaN;
      const s = Number.isFinite(a) && Number.isFinite(b) ? a + (b - a) * w : Number.isFinite(a) ? a : b;
      out[t] = Number.isFinite(s) ? Math.max(s, spec.floor) : spec.floor;
    }
  }
  return out;
}

export interface Departure {
  baseline: Float64Array;
  /** (value − baseline) / scale; NaN where there is no baseline. */
  z: Float64Array;
}

/** Baseline, then departure, then its robust scale: the robust z of every frame. */
export function robustDeparture(series: ArrayLike<number>, windows: LocalWindows, scale: ScaleSpec): Departure {
  const { tl, rel } = windows;
  const baseline = windows.median(series);
  const departure = new Float64Array(tl.frames);
  for (let t = 0; t < tl.frames; t++) departure[t] = (series[t] ?? Number.NaN) - (baseline[t] ?? Number.NaN);
  const s = localScale(departure, tl, rel, scale);
  const z = new Float64Array(tl.frames);
  for (let t = 0; t < tl.frames; t++) z[t] = (departure[t] ?? Number.NaN) / (s[t] ?? scale.floor);
  return { baseline, z };
}
