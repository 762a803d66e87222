// Whole milliseconds for tools that place annotations on a millisecond clock
// (ELAN's EAF). A frame is on screen from its own time until the next frame's.
// The first whole millisecond at or after a frame's time therefore shows that
// frame, whereas the floored clock (timecode.ts) can name a millisecond at which
// the previous frame is still on screen. An interval of frames written as
// [first ms of its first frame, first ms of the frame after it) holds, at
// millisecond resolution, exactly those frames: no more, no fewer.

import type { FrameTable } from './frameTable.js';
import { frameCount, ptsTicksAt } from './frameTable.js';

/** ceil(ticks × num × 1000 / den) for non-negative tick counts, exactly. */
function ceilMilliseconds(t: FrameTable, elapsedTicks: bigint): bigint {
  const scaled = elapsedTicks * BigInt(t.timeBase.num) * 1000n;
  const den = BigInt(t.timeBase.den);
  return (scaled + den - 1n) / den;
}

function elapsedTicks(t: FrameTable, frame: number): bigint {
  return BigInt(ptsTicksAt(t, frame)) - BigInt(ptsTicksAt(t, 0));
}

/** The first whole millisecond (since the first frame) at which `frame` is on screen. */
export function firstMillisecondOnScreen(t: FrameTable, frame: number): number {
  return Number(ceilMilliseconds(t, elapsedTicks(t, frame)));
}

/**
 * The first whole millisecond after `frame` has left the screen: the next
 * frame's first millisecond; for the last frame, one frame gap (the gap before
 * it) later, as frameDurationSeconds assumes. A one-frame table lasts 1 ms.
 */
export function firstMillisecondAfter(t: FrameTable, frame: number): number {
  const n = frameCount(t);
  if (frame + 1 < n) return firstMillisecondOnScreen(t, frame + 1);
  ptsTicksAt(t, frame);
  if (n === 1) return 1;
  const lastGap = BigInt(ptsTicksAt(t, n - 1)) - BigInt(ptsTicksAt(t, n - 2));
  return Number(ceilMilliseconds(t, elapsedTicks(t, frame) + lastGap));
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
