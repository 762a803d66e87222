// The frame table: the list of presentation timestamps ffmpeg decoded.
//
// The frame index is the identity of a moment in a recording; seconds are a
// derived view of it. Everything here takes a frame and answers a question
// about time, or takes a time and answers with a frame, always against the
// decoded timestamps rather than a nominal rate, because recordings from
// phones and screen capture are often variable-frame-rate.
//
// Functions below assume a table that passed validateFrameTable; they only
// check the frame index, which is the argument most likely to be wrong.

import type { Rational } from './rational.js';
import { firstIndexWhere } from './search.js';

export interface FrameTable {
  /** Time base of ptsTicks, e.g. {num:1, den:12288}. */
  readonly timeBase: Rational;
  /**
   * Presentation timestamp of each decoded frame in time-base ticks, as ffmpeg decodes it;
   * strictly increasing integers (may be negative, |v| < 2^53). Index = frame number.
   */
  readonly ptsTicks: ArrayLike<number>;
}

/** Number of frames in the table. */
export function frameCount(t: FrameTable): number {
  return t.ptsTicks.length;
}

/**
 * The PTS of `frame` in ticks. Throws RangeError for an index that is not an
 * integer in [0, frameCount): a wrong frame number is a bug in the caller, and
 * answering with a clamped or NaN time would hide it.
 */
export function ptsTicksAt(t: FrameTable, frame: number): number {
  const ticks = Number.isInteger(frame) ? t.ptsTicks[frame] : undefined;
  if (ticks === undefined) {
    throw new RangeError(`frame ${frame} is not in [0, ${t.ptsTicks.length})`);
  }
  return ticks;
}

/** Ticks since the first frame. Exact: validation keeps the span below 2^53. */
export function elapsedTicksAt(t: FrameTable, frame: number): number {
  return ptsTicksAt(t, frame) - ptsTicksAt(t, 0);
}

function ticksToSeconds(t: FrameTable, ticks: number): number {
  // Same expression everywhere, so that a frame's seconds always compare
  // equal to themselves when fed back into frameAtElapsed / frameAtPtsSeconds.
  return (ticks * t.timeBase.num) / t.timeBase.den;
}

/** Raw PTS in seconds (ticks × time base), like ffprobe's pts_time. A float. */
export function ptsSeconds(t: FrameTable, frame: number): number {
  return ticksToSeconds(t, ptsTicksAt(t, frame));
}

/**
 * Seconds since the first frame's PTS. The time origin of a recording is its
 * first frame, as players show it: a file whose stream starts at PTS 1.4 s or
 * at -0.2 s still shows 0:00 on its first frame. Timecodes use this origin.
 */
export function elapsedSeconds(t: FrameTable, frame: number): number {
  return ticksToSeconds(t, elapsedTicksAt(t, frame));
}

/**
 * The frame on screen at `seconds` of `secondsOf`: the last frame whose time
 * is <= seconds; frame 0 before the start; the last frame after the end.
 * The comparison uses the same float expression that produced the frame's
 * seconds, so feeding a frame's own time back finds that frame exactly.
 */
function frameOnScreenAt(t: FrameTable, seconds: number, secondsOf: (frame: number) => number): number {
  if (Number.isNaN(seconds)) throw new RangeError('time is NaN');
  const n = frameCount(t);
  if (n === 0) throw new RangeError('the frame table is empty');
  const firstAfter = firstIndexWhere(n, (f) => secondsOf(f) > seconds);
  return Math.max(0, firstAfter - 1);
}

/** The frame on screen at an elapsed time (seconds since the first frame). */
export function frameAtElapsed(t: FrameTable, seconds: number): number {
  return frameOnScreenAt(t, seconds, (f) => elapsedSeconds(t, f));
}

/** The frame on screen at a raw PTS time in seconds (as ffprobe's pts_time). */
export function frameAtPtsSeconds(t: FrameTable, seconds: number): number {
  return frameOnScreenAt(t, seconds, (f) => ptsSeconds(t, f));
}

/**
 * How long `frame` stays on screen: the gap to the next frame. The last frame
 * has no next one, so it is assumed to last as long as the gap before it; a
 * one-frame table has no gap at all, so 0.
 */
export function frameDurationSeconds(t: FrameTable, frame: number): number {
  const ticks = ptsTicksAt(t, frame);
  const n = frameCount(t);
  if (frame + 1 < n) return ticksToSeconds(t, ptsTicksAt(t, frame + 1) - ticks);
  if (frame > 0) return ticksToSeconds(t, ticks - ptsTicksAt(t, frame - 1));
  return 0;
}

function gapsInTicks(t: FrameTable): number[] {
  const gaps: number[] = [];
  for (let f = 1; f < frameCount(t); f++) gaps.push(ptsTicksAt(t, f) - ptsTicksAt(t, f - 1));
  return gaps;
}

/**
 * True when frame gaps differ by more than `toleranceTicks`. The default of
 * one tick is the rounding a muxer does when a rate does not divide the time
 * base: 30000/1001 in 1/90000 gives gaps of exactly 3003, but in 1/1000 it
 * gives 33 and 34 alternately, which is still a constant-rate recording.
 * A dropped frame (a double gap) counts as variable, as it should: the frame
 * index can then no longer be derived from a nominal rate.
 */
export function isVariableFrameRate(t: FrameTable, toleranceTicks = 1): boolean {
  // A loop rather than Math.max(...gaps): an hour at 60 fps is 216 000 gaps,
  // more arguments than some engines accept in one call.
  let min = Infinity;
  let max = -Infinity;
  for (const gap of gapsInTicks(t)) {
    min = Math.min(min, gap);
    max = Math.max(max, gap);
  }
  return max - min > toleranceTicks;
}

/**
 * Frames per second from the median gap, or null with fewer than two frames.
 * The median rather than the mean, so that a few dropped or duplicated frames
 * do not move the nominal rate. It is a label for display, not a way to find
 * frames: use the table for that.
 */
export function nominalFrameRate(t: FrameTable): number | null {
  const gaps = gapsInTicks(t).sort((a, b) => a - b);
  if (gaps.length === 0) return null;
  const mid = Math.floor(gaps.length / 2);
  const upper = gaps[mid] ?? 0;
  const median = gaps.length % 2 === 1 ? upper : ((gaps[mid - 1] ?? 0) + upper) / 2;
  return t.timeBase.den / (median * t.timeBase.num);
}

/**
 * Null when the table can be trusted by every function of this module, or a
 * message saying what is wrong with it. Checked once, where a table enters
 * the program, rather than on every call.
 */
export function validateFrameTable(t: FrameTable): string | null {
  const { num, den } = t.timeBase;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num <= 0 || den <= 0) {
    return `time base ${num}/${den} is not a positive fraction of integers`;
  }
  const n = t.ptsTicks.length;
  if (n === 0) return 'the frame table is empty';
  let previous: number | undefined;
  for (let f = 0; f < n; f++) {
    const ticks = t.ptsTicks[f];
    if (ticks === undefined || !Number.isSafeInteger(ticks)) {
      return `frame ${f}: PTS ${ticks} is not an integer below 2^53 in magnitude`;
    }
    if (previous !== undefined && ticks <= previous) {
      return `frame ${f}: PTS ${ticks} does not follow ${previous} (PTS must strictly increase)`;
    }
    previous = ticks;
  }
  // Elapsed ticks are computed as plain numbers; they are exact only below 2^53.
  const first = t.ptsTicks[0] ?? 0;
  if (!Number.isSafeInteger((previous ?? first) - first)) {
    return 'the span from first to last PTS is 2^53 ticks or more';
  }
  return null;
}
