/**
 * What a spotted candidate carries to explain itself: the evidence that made it
 * and the doubts near it. Made by the spotter (src-main/spotting), stored with
 * the spotting run, shown by the review window and the reports.
 */

/** What made the candidate, for the analyst and the report. */
export interface CandidateEvidence {
  /** Peak robust z of each region's motion within the interval (action units and landmarks, eyes without blinks). */
  regions: Record<string, number>;
  /** The regions whose peak reached regionMovedZ: the face's own motion, in its own frame. */
  moved: string[];
  /** Each class probability at the apex minus its local baseline (neutral included; negative = fell). */
  classRise: Record<string, number>;
  /** Robust z of every action unit at the apex (positive = more of the action). */
  auZ: Record<string, number>;
  /** The combined evidence at the apex (motion + classWeight × classifier, robust z). */
  peak: number;
}

/** Things near a candidate that make it less likely an expression than it looks; the score is lowered for each. */
export interface QualityFlags {
  /** A blink within blinkRecoveryS of the interval. */
  blinkNear: boolean;
  /** The mouth opened and closed at least speechMinOpenings times within speechWindowS of the apex. */
  speechNear: boolean;
  /** Yaw, pitch or roll changed by headTurnDeg within headTurnWindowS, within headMarginS of the interval. */
  headMoving: boolean;
  /** |yaw| at the apex, degrees. */
  yawDeg: number;
  /** Width of the face box at the apex, pixels of the analysed picture. */
  faceSizePx: number;
}
