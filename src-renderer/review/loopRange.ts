import { frameAtElapsed, type FrameTable, elapsedSeconds } from '../../src-shared/time/index.js';

/** Seconds shown before an onset and after an offset when a candidate loops. */
export const LOOP_MARGIN_S = 0.5;

/** The frames a candidate loops over: from LOOP_MARGIN_S before its onset to LOOP_MARGIN_S after its offset, by the frame table's times. */
export function loopRangeFor(table: FrameTable, onset: number, offset: number, marginS = LOOP_MARGIN_S): { first: number; last: number } {
  const first = frameAtElapsed(table, Math.max(0, elapsedSeconds(table, onset) - marginS));
  const last = frameAtElapsed(table, elapsedSeconds(table, offset) + marginS);
  return { first: Math.min(first, onset), last: Math.max(last, offset) };
}
