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

export { spanMilliseconds } from '../../../src-shared/time/screenMilliseconds.js';
