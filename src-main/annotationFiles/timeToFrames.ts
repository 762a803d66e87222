import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { frameAtElapsed } from '../../src-shared/time/frameTable.js';
import { firstMillisecondOnScreen } from '../../src-shared/time/screenMilliseconds.js';

/**
 * The frame on screen at whole millisecond `ms` since the first frame, as the
 * EAF export writes times (each frame from its first whole millisecond on
 * screen), so an exported interval comes back as the same frames: the onset is
 * the frame on screen at its start, the offset the frame on screen at the last
 * millisecond before its end. Null before the first frame or after the last.
 */
export function frameAtMillisecond(t: FrameTable, ms: number): number | null {
  const n = t.ptsTicks.length;
  if (!Number.isFinite(ms) || ms < 0 || n === 0) return null;
  // The last frame whose first millisecond is at or before ms.
  let lo = 0;
  let hi = n - 1;
  if (firstMillisecondOnScreen(t, 0) > ms) return null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (firstMillisecondOnScreen(t, mid) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The frame on screen at `seconds` since the first frame (a plain CSV's onset_s / offset_s). */
export function frameAtSeconds(t: FrameTable, seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return frameAtElapsed(t, seconds);
}
