import v8 from 'node:v8';
import type { BaselineState } from '../expression/neutralBaseline.js';
import type { TrackerState } from '../face/tracker.js';
import type { ExpressionStage, FaceStage } from '../types.js';

/**
 * What an analysis carries across frames, saved with each stored chunk so an
 * analysis interrupted (kill -9, a crash) goes on from its last chunk and
 * gives the rows an uninterrupted run gives: "two analyses with equal
 * fingerprints are the same computation" must hold for a resumed one too.
 *
 * The state is: the face tracker's (its track, the subject's last box, the
 * detection schedule: tracker.ts) and the expression stage's baseline rings
 * (baseline.ts), as they are after the last frame before `frame` and before
 * any frame from it on; and the face frames counted so far (for the summary).
 * Nothing else carries over: the decoder is run from the first frame again
 * (analyzeFrames.ts says why), and the other buffers are rewritten per frame.
 */
export interface PipelineState {
  version: typeof PIPELINE_STATE_VERSION;
  /** The first frame not yet analysed. */
  frame: number;
  faceFrames: number;
  face: TrackerState;
  expression: BaselineState;
}

/** Bumped whenever the layout above changes: a state of another version is not resumed from. */
export const PIPELINE_STATE_VERSION = 1;

/** Stages whose carried state can be saved and put back; stages without it (test stand-ins) are never resumed. */
export interface ResumableStages {
  face: FaceStage & { snapshot(): TrackerState; restore(state: TrackerState): void };
  expression: ExpressionStage & { snapshot(): Promise<BaselineState>; restore(state: BaselineState): void };
}

export function isResumable(stages: { face: FaceStage; expression: ExpressionStage }): stages is ResumableStages {
  const { face, expression } = stages as Partial<ResumableStages>;
  return (
    typeof face?.snapshot === 'function' &&
    typeof face.restore === 'function' &&
    typeof expression?.snapshot === 'function' &&
    typeof expression.restore === 'function'
  );
}

/**
 * Bytes to store: V8's structured serialisation keeps every double exactly
 * (NaN, ±Infinity and -0 included, which JSON would not) and typed arrays as
 * they are. Only read back by the same Micromoment version (the resume checks it).
 */
export function encodePipelineState(state: PipelineState): Uint8Array {
  return new Uint8Array(v8.serialize(state));
}

/** The stored state, or null when it is not one this version can resume from. */
export function decodePipelineState(bytes: Uint8Array): PipelineState | null {
  try {
    const state = v8.deserialize(bytes) as Partial<PipelineState> | null;
    if (state?.version !== PIPELINE_STATE_VERSION || !Number.isInteger(state.frame) || !state.face || !state.expression) return null;
    return state as PipelineState;
  } catch {
    return null;
  }
}

/**
 * Holds the states analyzeFrames saves (`keep`) until the chunk they go with is
 * stored: the chunk ending at frame F takes the state saved at F (`take`), so
 * both are written in one transaction. undefined where none was saved (the last
 * chunk: the analysis completes with it).
 */
export function stateShelf() {
  const shelf = new Map<number, Promise<PipelineState>>();
  return {
    keep(frame: number, state: Promise<PipelineState>): void {
      shelf.set(frame, state);
    },
    async take(frame: number): Promise<Uint8Array | undefined> {
      const state = shelf.get(frame);
      shelf.delete(frame);
      return state ? encodePipelineState(await state) : undefined;
    },
  };
}
