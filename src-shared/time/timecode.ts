// Text forms of a frame's time: a millisecond clock, a SMPTE-style timecode,
// and ffprobe's pts_time. All are computed exactly from ticks (see
// exactTime.ts), and every parser accepts only what its formatter prints.
//
// Why this HH:MM:SS:FF and not broadcast SMPTE:
// HH:MM:SS is the whole elapsed second the frame falls in; FF is how many
// earlier frames fall in that same second (0-based). For integer constant
// rates (25, 60) that is exactly ordinary non-drop timecode. For 30000/1001
// and for variable-rate recordings it stays tied to real elapsed time: a
// second holds 29 or 30 frames as the clock dictates, so there is no
// drop-frame arithmetic to explain, and the timecode never drifts from the
// clock (non-drop 29.97 timecode runs 3.6 s per hour behind it). Frame
// numbers themselves stay the identity; this is a label a person can read
// aloud and check against a player's clock.

import type { FrameTable } from './frameTable.js';
import { frameCount, ptsTicksAt } from './frameTable.js';
import { elapsedMilliseconds, elapsedWholeSeconds, ptsMicrosecondsRounded } from './exactTime.js';
import { firstIndexWhere } from './search.js';

// Hours have at least two digits and no superfluous leading zero beyond
// that, so that each time has exactly one spelling.
const HOURS = '(\\d{2}|[1-9]\\d{2,})';
const CLOCK = new RegExp(`^${HOURS}:([0-5]\\d):([0-5]\\d)\\.(\\d{3})$`);
const TIMECODE = new RegExp(`^${HOURS}:([0-5]\\d):([0-5]\\d):(\\d{2}|[1-9]\\d{2,})$`);

const pad = (value: bigint, width: number): string => value.toString().padStart(width, '0');

function formatHms(totalSeconds: bigint): string {
  const hours = totalSeconds / 3600n;
  const minutes = (totalSeconds / 60n) % 60n;
  const seconds = totalSeconds % 60n;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}`;
}

function parsedSeconds(h: string, m: string, s: string): bigint {
  return BigInt(h) * 3600n + BigInt(m) * 60n + BigInt(s);
}

/**
 * "HH:MM:SS.mmm" for a whole number of milliseconds; hours grow past 99 as
 * needed; a negative duration gets a leading '-'. Throws RangeError for a
 * number that is not a safe integer, since it would not print exactly.
 */
export function formatClock(ms: bigint | number): string {
  if (typeof ms === 'number' && !Number.isSafeInteger(ms)) {
    throw new RangeError(`${ms} is not a whole number of milliseconds`);
  }
  const value = BigInt(ms);
  const magnitude = value < 0n ? -value : value;
  const sign = value < 0n ? '-' : '';
  return `${sign}${formatHms(magnitude / 1000n)}.${pad(magnitude % 1000n, 3)}`;
}

/** The frame's elapsed time, floored to the millisecond, as "HH:MM:SS.mmm". */
export function frameToClock(t: FrameTable, frame: number): string {
  return formatClock(elapsedMilliseconds(t, frame));
}

/**
 * The frame a clock string names: the first frame that frameToClock prints
 * as this string, when there is one; otherwise the frame on screen at that
 * time (clamped to the last frame after the end). Null for a malformed
 * string. Only the strict "HH:MM:SS.mmm" form is accepted.
 */
export function clockToFrame(t: FrameTable, clock: string): number | null {
  const match = CLOCK.exec(clock);
  if (match === null) return null;
  const [, h = '', m = '', s = '', milli = ''] = match;
  const target = parsedSeconds(h, m, s) * 1000n + BigInt(milli);
  const n = frameCount(t);
  const first = firstIndexWhere(n, (f) => elapsedMilliseconds(t, f) >= target);
  if (first < n && elapsedMilliseconds(t, first) === target) return first;
  // No frame prints as this string, so none starts within [target, target+1ms):
  // the one on screen is the last frame that started before it. Frame 0
  // starts at 0 ms, so first ≥ 1 here.
  return Math.max(0, first - 1);
}

/** The first frame whose whole elapsed second is `second`, searching [0, end). */
function firstFrameOfSecond(t: FrameTable, second: bigint, end: number): number {
  return firstIndexWhere(end, (f) => elapsedWholeSeconds(t, f) >= second);
}

/** "HH:MM:SS:FF" as defined at the top of this file. */
export function frameToTimecode(t: FrameTable, frame: number): string {
  const second = elapsedWholeSeconds(t, frame);
  // Search only [0, frame]: the frame itself is in `second`, so the answer is there.
  const framesBefore = frame - firstFrameOfSecond(t, second, frame + 1);
  return `${formatHms(second)}:${pad(BigInt(framesBefore), 2)}`;
}

/**
 * The frame a timecode names, or null when the string is malformed, when no
 * frame falls in that second, or when FF is beyond the frames of that second.
 */
export function timecodeToFrame(t: FrameTable, timecode: string): number | null {
  const match = TIMECODE.exec(timecode);
  if (match === null) return null;
  const [, h = '', m = '', s = '', ff = ''] = match;
  const second = parsedSeconds(h, m, s);
  const n = frameCount(t);
  const frame = firstFrameOfSecond(t, second, n) + Number(ff);
  if (frame >= n || elapsedWholeSeconds(t, frame) !== second) return null;
  return frame;
}

/**
 * Raw PTS seconds with six decimals, as ffprobe prints pts_time, computed
 * exactly. A negative time that rounds to zero keeps its sign ("-0.000000"),
 * as printf does.
 */
export function formatPtsSeconds(t: FrameTable, frame: number): string {
  const micros = ptsMicrosecondsRounded(t, frame);
  const negative = micros < 0n || (micros === 0n && isNegativePts(t, frame));
  const magnitude = micros < 0n ? -micros : micros;
  return `${negative ? '-' : ''}${magnitude / 1_000_000n}.${pad(magnitude % 1_000_000n, 6)}`;
}

function isNegativePts(t: FrameTable, frame: number): boolean {
  return ptsTicksAt(t, frame) < 0;
}
