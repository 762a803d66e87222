// Public API of the time module: frame index is the identity of time;
// seconds and timecodes are derived from a recording's frame table.

export type { Rational } from './rational.js';
export { parseRational, rationalToNumber, formatRational } from './rational.js';

export type { FrameTable } from './frameTable.js';
export {
  frameCount,
  ptsTicksAt,
  elapsedTicksAt,
  ptsSeconds,
  elapsedSeconds,
  frameAtElapsed,
  frameAtPtsSeconds,
  frameDurationSeconds,
  isVariableFrameRate,
  nominalFrameRate,
  validateFrameTable,
} from './frameTable.js';

export { elapsedMilliseconds } from './exactTime.js';

export { formatClock, frameToClock, clockToFrame, frameToTimecode, timecodeToFrame, formatPtsSeconds } from './timecode.js';
