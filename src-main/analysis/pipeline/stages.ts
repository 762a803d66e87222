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

export type StageFactory = (options: { intraOpNumThreads?: number }) => Promise<AnalysisStageSet>;
