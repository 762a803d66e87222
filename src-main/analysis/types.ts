import type { ActionUnitEvidence } from '../../src-shared/analysis/actionUnits.js';
import type { ExpressionScores } from '../../src-shared/analysis/emotions.js';

/** One decoded frame, scaled by ffmpeg to the analysis size, displayed orientation, rgb24. */
export interface RgbFrame {
  /** Index in the recording's frame table. */
  index: number;
  width: number;
  height: number;
  /** width*height*3 bytes, row-major RGB. Valid for as long as the stage that receives it may read it (see each stage). */
  data: Uint8Array;
}

/** A face box in analysis-frame pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HeadPose {
  /** Degrees. Yaw: positive when the subject turns to their left; pitch: positive looking up; roll: positive tilting to their left. */
  yaw: number;
  pitch: number;
  roll: number;
}

/** The subject's face on one frame, as the face stage finds it. */
export interface FaceObservation {
  /** Tight box around the landmarks, analysis-frame pixels. */
  box: Box;
  /** 0..1: the landmark model's face flag on this frame (the same measure on every frame, detection or not, so the series is comparable). */
  confidence: number;
  /** 468 MediaPipe mesh points, x, y in analysis-frame pixels and z in the same pixel scale (relative depth), 468*3 floats. */
  landmarks: Float32Array;
  pose: HeadPose;
  /** How many faces the detector saw on the most recent detection (the subject included). */
  facesSeen: number;
  /** True when this frame ran the detector (not only tracking). */
  detected: boolean;
}

/** Follows one consistent subject through a recording, frame by frame, in order. */
export interface FaceStage {
  process(frame: RgbFrame): Promise<FaceObservation | null>;
}

export interface QualityFlags {
  tooSmall: boolean;
  turnedAway: boolean;
  blurred: boolean;
  /** The sharpness measure behind `blurred`, for traceability. */
  sharpness: number;
}

/** What the expression stage adds to a frame with a face. */
export interface ExpressionResult {
  scores: ExpressionScores;
  aus: ActionUnitEvidence;
  quality: QualityFlags;
  /** Raw geometry kept for the spotter: eye openness (left, right) and mouth opening, in inter-ocular units. */
  eyeOpenLeft: number;
  eyeOpenRight: number;
  mouthOpen: number;
}

/**
 * Scores expressions and action units; stateful (the subject's neutral baseline).
 * Contract: frames may be passed before earlier ones are judged; they are
 * judged in the order passed. The observation (landmarks, pose) is read at
 * once; the frame's pixels may be read until the promise settles, so the
 * caller keeps them intact until then (the in-process stage happens to read
 * them at once; the threaded one reads them on its own thread).
 */
export interface ExpressionStage {
  process(frame: RgbFrame, face: FaceObservation): Promise<ExpressionResult>;
}
