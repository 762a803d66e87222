import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { elapsedSeconds } from '../../../src-shared/time/frameTable.js';
import { formatPtsSeconds, frameToClock, frameToTimecode } from '../../../src-shared/time/timecode.js';
import { firstMillisecondOnScreen } from '../../../src-shared/time/screenMilliseconds.js';
import type { FrameTime } from './reportModel.js';

/** Every printed form of a frame's time, all from the frame table (never from a frame rate). */
export function frameTime(t: FrameTable, frame: number): FrameTime {
  return {
    frame,
    pts: formatPtsSeconds(t, frame),
    timecode: frameToTimecode(t, frame),
    clock: frameToClock(t, frame),
    elapsedS: elapsedSeconds(t, frame),
    startMs: firstMillisecondOnScreen(t, frame),
  };
}

/**
 * How long frames onset…offset are on screen, in milliseconds: from the onset
 * frame's time to the end of the offset frame (the next frame's time; the last
 * frame lasts as long as the gap before it).
 */
export function spanMilliseconds(t: FrameTable, onset: number, offset: number): number {
  const { num, den } = t.timeBase;
  const start = BigInt(t.ptsTicks[onset] ?? 0);
  const n = t.ptsTicks.length;
  const last = BigInt(t.ptsTicks[n - 1] ?? 0);
  const gapBeforeLast = n > 1 ? last - BigInt(t.ptsTicks[n - 2] ?? 0) : 0n;
  const end = offset + 1 < n ? BigInt(t.ptsTicks[offset + 1] ?? 0) : last + gapBeforeLast;
  // Microseconds, exact, then shown with three decimals of a millisecond.
  const micros = ((end - start) * BigInt(num) * 1_000_000n) / BigInt(den);
  return Number(micros) / 1000;
}
