import type { DecodeStats, FrameDecoderInfo } from './frameDecoder.js';

/**
 * The messages between the player (main thread) and its decode worker. Runs
 * are numbered by the player; a run's frames always arrive before its end.
 */
export type ToDecodeWorker =
  | { type: 'open'; url: string; pts: Float64Array; maxSide: number }
  | { type: 'decode'; run: number; from: number; to: number }
  | { type: 'cancel'; run: number }
  | { type: 'close' };

export type FromDecodeWorker =
  | { type: 'opened'; info: FrameDecoderInfo }
  | { type: 'open-failed'; message: string }
  | { type: 'frame'; run: number; frame: number; bitmap: ImageBitmap }
  /**
   * `cancelled`: stopped early because the player asked; `unmatched`: pictures the frame table did not know, so far;
   * on the shared clock (sharedNow()): `receivedAt` when the worker got the request, `cancelReceivedAt` when it got
   * the run's cancel (null: none came while it ran), `endedAt` when the run ended.
   */
  | {
      type: 'run-end';
      run: number;
      cancelled: boolean;
      stats: DecodeStats;
      unmatched: number;
      receivedAt: number;
      cancelReceivedAt: number | null;
      endedAt: number;
    }
  | { type: 'run-failed'; run: number; message: string };
