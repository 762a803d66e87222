// Measuring the spotter against ground truth (MEGC protocol).
export {
  intervalIoU,
  kindFromDuration,
  type ExpressionKind,
  type FrameInterval,
  type LabelledInterval,
  type PredictedInterval,
} from './intervals.js';
export { matchIntervals, type IntervalMatch } from './match.js';
export { evaluateSpotting, sumCounts, unionFrames, type SpottingCounts, type SpottingEvaluation, type SpottingMatch } from './metrics.js';
export { parseTruth, parseKind, type TruthOptions } from './parseTruth.js';
export { parseCandidates, type ParsedCandidates } from './parseCandidates.js';
export { normaliseEmotion } from './emotionLabels.js';
