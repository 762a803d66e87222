// Frame times. Every window of the spotter is in seconds and becomes a range of
// frames here, by binary search over the frames' own elapsed times, so variable
// frame rates need nothing special.

/** Times within this of each other are equal (floating-point sums of frame durations). */
export const TIME_EPS = 1e-6;

export interface Timeline {
  frames: number;
  fps: number;
  /** Elapsed seconds of each frame, strictly increasing. */
  times: Float64Array;
}

export function buildTimeline(frames: number, fps: number, ptsSeconds: (frame: number) => number): Timeline {
  if (!Number.isInteger(frames) || frames < 0) throw new Error(`frames must be a whole number ≥ 0, got ${frames}`);
  if (!Number.isFinite(fps) || fps <= 0) throw new Error(`fps must be a positive number, got ${fps}`);
  const times = new Float64Array(frames);
  for (let i = 0; i < frames; i++) {
    const t = ptsSeconds(i);
    if (!Number.isFinite(t)) throw new Error(`ptsSeconds(${i}) is not a finite number (${t})`);
    if (i > 0 && !(t > (times[i - 1] ?? t)))
      throw new Error(`frame times must increase: frame ${i} at ${t} s is not after frame ${i - 1} at ${times[i - 1]} s`);
    times[i] = t;
  }
  return { frames, fps, times };
}

export function timeOf(tl: Timeline, frame: number): number {
  return tl.times[frame] ?? Number.NaN;
}

/** When a frame stops being shown: the next frame's time, or one nominal frame duration after the last. */
export function endTimeOf(tl: Timeline, frame: number): number {
  return frame + 1 < tl.frames ? timeOf(tl, frame + 1) : timeOf(tl, frame) + 1 / tl.fps;
}

/** Seconds from the start of `onset` to the end of `offset` (inclusive interval). */
export function spanSeconds(tl: Timeline, onset: number, offset: number): number {
  return endTimeOf(tl, offset) - timeOf(tl, onset);
}

/** First frame in [lo, hi] whose time is ≥ t − TIME_EPS (hi + 1 when none). */
export function firstAtOrAfter(tl: Timeline, t: number, lo = 0, hi = tl.frames - 1): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((tl.times[mid] ?? 0) < t - TIME_EPS) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Last frame in [lo, hi] whose time is ≤ t + TIME_EPS (lo − 1 when none). */
export function lastAtOrBefore(tl: Timeline, t: number, lo = 0, hi = tl.frames - 1): number {
  return firstAfter(tl, t, lo, hi) - 1;
}

/** First frame in [lo, hi] whose time is > t + TIME_EPS (hi + 1 when none). */
function firstAfter(tl: Timeline, t: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((tl.times[mid] ?? 0) <= t + TIME_EPS) a = mid + 1;
    else b = mid;
  }
  return a;
}
