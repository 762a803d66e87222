// Exact tick arithmetic for everything that is printed or compared at a
// boundary (a millisecond, a whole second, a microsecond).
//
// Floats cannot do this: 1001 ticks of 1/1000 s is 1.001 s, yet
// Math.floor(1001 / 1000 * 1000) is 1000, so a float clock would print
// 00:00:01.000 for a frame that ffprobe places at 1.001. Ticks × num × scale
// fits easily in a BigInt, and BigInt division is exact.

import type { FrameTable } from './frameTable.js';
import { ptsTicksAt } from './frameTable.js';

function elapsedTicks(t: FrameTable, frame: number): bigint {
  return BigInt(ptsTicksAt(t, frame)) - BigInt(ptsTicksAt(t, 0));
}

/** floor(elapsed × unitsPerSecond). Elapsed time is never negative, so BigInt's truncation is the floor. */
function floorElapsed(t: FrameTable, frame: number, unitsPerSecond: bigint): bigint {
  const { num, den } = t.timeBase;
  return (elapsedTicks(t, frame) * BigInt(num) * unitsPerSecond) / BigInt(den);
}

/** Whole milliseconds since the first frame, floored: a clock shows a frame only once it has been reached. */
export function elapsedMilliseconds(t: FrameTable, frame: number): bigint {
  return floorElapsed(t, frame, 1000n);
}

/** The whole elapsed second the frame falls in. */
export function elapsedWholeSeconds(t: FrameTable, frame: number): bigint {
  return floorElapsed(t, frame, 1n);
}

/**
 * Raw PTS in microseconds, rounded to nearest with ties to even: what
 * printf("%f") does for a value it holds exactly, and so what ffprobe prints
 * for pts_time. (ffprobe rounds a double; for the rare exact tie that a double
 * cannot hold, the two may differ in the last digit.)
 */
export function ptsMicrosecondsRounded(t: FrameTable, frame: number): bigint {
  const { num, den } = t.timeBase;
  const scaled = BigInt(ptsTicksAt(t, frame)) * BigInt(num) * 1_000_000n;
  const divisor = BigInt(den);
  const magnitude = scaled < 0n ? -scaled : scaled;
  let quotient = magnitude / divisor;
  const twiceRemainder = (magnitude % divisor) * 2n;
  if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;
  return scaled < 0n ? -quotient : quotient;
}
