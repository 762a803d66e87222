import type { BatchPhase } from '../../src-shared/domain/batch.js';
import type { LocatedTool } from '../media/ffmpegLocator.js';
import type { ScanFileOutcome } from './scanFile.js';
import type { ScanStoreOp } from './scanStore.js';

/** The messages between the scan's coordinator (owner of the case connection) and a scan worker. */

export interface WorkerInit {
  ffmpeg: LocatedTool;
  ffprobeCandidates: LocatedTool[];
}

export type ToWorker =
  | { t: 'job'; jobId: number; path: string; claimsVideo: boolean }
  | { t: 'cancel'; jobId: number }
  | { t: 'pause' }
  | { t: 'resume' }
  | { t: 'reply'; callId: number; ok: true; result: unknown }
  | { t: 'reply'; callId: number; ok: false; error: { message: string; code?: string } };

export type FromWorker =
  | { t: 'ready' }
  | { t: 'progress'; jobId: number; phase: BatchPhase; done: number; total: number }
  | { t: 'call'; callId: number; jobId: number; op: ScanStoreOp; args: unknown[] }
  | { t: 'result'; jobId: number; outcome: ScanFileOutcome };

/** The part of a worker_threads Worker the coordinator uses, so tests can stand in a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

/** The typed arrays of a message, to transfer rather than copy. */
export function transferables(value: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 3 || v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && !out.includes(v.buffer))
        out.push(v.buffer);
      return;
    }
    if (Array.isArray(v)) for (const item of v) visit(item, depth + 1);
    else for (const item of Object.values(v)) visit(item, depth + 1);
  };
  visit(value, 0);
  return out;
}
