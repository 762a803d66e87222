import type { ExpressionStage, FaceStage } from '../types.js';

/** The stages of one analysis run, with what identifies their computation. */
export interface AnalysisStageSet {
  face: FaceStage;
  expression: ExpressionStage;
  /** Every parameter and threshold the stages use. */
  parameters: Record<string, unknown>;
  /** SHA-256 of each model file run, by model name. */
  models: Record<string, string>;
  close(): Promise<void>;
}

export interface StageOptions {
  intraOpNumThreads?: number;
  /** Displayed source pixels per analysis-frame pixel (above 1 when ffmpeg scales large frames down). */
  sourcePixelsPerFramePixel?: number;
}

export type StageFactory = (options: StageOptions) => Promise<AnalysisStageSet>;
