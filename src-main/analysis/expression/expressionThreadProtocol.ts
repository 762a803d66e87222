import type { ExpressionResult, FaceObservation } from '../types.js';
import type { BaselineSource, BaselineState } from './neutralBaseline.js';
import type { ExpressionStageOptions } from './options.js';

/** The frame as sent: a view of the decoder's shared ring (no copy) or, for frames that live elsewhere, a copy. */
export interface FrameMessage {
  index: number;
  width: number;
  height: number;
  data: Uint8Array;
}

export type ExpressionThreadRequest =
  | { type: 'process'; id: number; frame: FrameMessage; face: FaceObservation }
  | { type: 'reset' }
  | { type: 'snapshot'; id: number }
  | { type: 'restore'; state: BaselineState }
  | { type: 'close' };

export type ExpressionThreadReply =
  | { type: 'ready'; parameters: Record<string, unknown> }
  | { type: 'load-failed'; name: string; message: string }
  | { type: 'result'; id: number; result: ExpressionResult; baselineSource: BaselineSource }
  | { type: 'failed'; id: number; message: string }
  | { type: 'snapshot'; id: number; state: BaselineState }
  /** A snapshot could not be put back: every later frame would be judged against the wrong baseline. */
  | { type: 'restore-failed'; message: string };

export type ExpressionThreadData = ExpressionStageOptions;
