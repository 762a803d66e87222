import type { Emotion } from '../../src-shared/analysis/emotions.js';
import type { SpotParams } from './params.js';

/** The per-frame analysis of one recording, as the case store holds it. */
export interface SpotInput {
  /** Nominal frame rate (the library's median frame gap); used only where a frame's own duration is unknown (the last frame). */
  fps: number;
  /** Elapsed seconds of a frame (from the frame table; strictly increasing). */
  ptsSeconds: (frame: number) => number;
  frames: number;
  /** Column names of `values`, normally STORED_COLUMNS of src-shared/analysis/frameColumns.ts. */
  columns: readonly string[];
  /** Frame-major, columns.length values per frame; NaN = no value. */
  values: Float32Array;
  /** Frame-major, LANDMARK_SUBSET.length points per frame as x, y in quarter pixels; -32768 = none. */
  landmarks?: Int16Array;
}

/** The facial regions whose motion is evidence. */
export const REGIONS = ['brows', 'eyes', 'nose', 'mouth'] as const;
export type Region = (typeof REGIONS)[number];

export type CandidateKind = 'micro' | 'macro';

export interface CandidateEvidence {
  /** Peak robust z of each region's motion within the interval (action units and landmarks, eyes without blinks). */
  regions: Record<string, number>;
  /** Each class probability at the apex minus its local baseline (neutral included; negative = fell). */
  classRise: Record<string, number>;
}

export interface Candidate {
  onsetFrame: number;
  apexFrame: number;
  /** Inclusive. */
  offsetFrame: number;
  onsetS: number;
  apexS: number;
  /** Elapsed time of the offset frame. */
  offsetS: number;
  /** From the onset frame's start to the end of the offset frame (the next frame's time). */
  durationS: number;
  kind: CandidateKind;
  emotion: Emotion;
  /** 0..1, 1 − 2^(−apex evidence / scoreHalfZ): 0.5 at scoreHalfZ, 0.75 at twice that. */
  score: number;
  /** Action units whose z reached +auMovedZ in the interval (more of the action), in ACTION_UNITS order. */
  aus: string[];
  evidence: CandidateEvidence;
}

export type SuppressionReason = 'unreliable-face' | 'recording-edge' | 'too-long' | 'head-turn' | 'blink' | 'speech';

/** A departure found and then set aside, with the reason: for diagnostics and tests, never shown as a candidate. */
export interface SuppressedCandidate {
  onsetFrame: number;
  apexFrame: number;
  offsetFrame: number;
  reason: SuppressionReason;
}

export interface SpotResult {
  candidates: Candidate[];
  params: SpotParams;
  suppressed: SuppressedCandidate[];
}
