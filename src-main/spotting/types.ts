import type { Emotion } from '../../src-shared/analysis/emotions.js';
import type { SpotParams } from './params.js';
import type { CandidateEvidence, QualityFlags } from '../../src-shared/domain/candidateEvidence.js';

export type { CandidateEvidence, QualityFlags };

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

/**
 * micro: at most microMaxS; macro: at most macroMaxS; onset-of-macro: a brief
 * rise that goes on into an expression held for longer (the candidate is its onset).
 */
export type CandidateKind = 'micro' | 'macro' | 'onset-of-macro';

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
  flags: QualityFlags;
}

export type SuppressionReason =
  | 'unreliable-face'
  | 'recording-edge'
  | 'too-long'
  | 'held-expression'
  | 'no-facial-motion'
  | 'no-clear-expression'
  | 'head-turn'
  | 'blink'
  | 'speech';

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
  /** Why there is little or nothing to spot, in plain sentences (no face, too short a recording, …); empty when all is well. */
  notes: string[];
}
