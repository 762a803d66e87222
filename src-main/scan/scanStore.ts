import type { Probe } from '../../src-shared/domain/recording.js';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import type { AnalysisChunk } from '../analysis/pipeline/chunkedStoreSink.js';
import type { ProbedRecording } from '../media/probeAndIndex.js';
import type { EvidenceStat } from '../usecases/importSteps.js';
import type { SpotOutput } from '../spotting/spotOutput.js';

/** A recording of the case as a scan worker needs it. */
export interface ClaimedRecording {
  id: number;
  probe: Probe;
  frames: number;
  table: FrameTable;
  /** The file declares noticeably more video than decodes (cut short or damaged: src-shared/domain/shortfall.ts), or null. */
  warning: string | null;
}

export interface BegunAnalysis {
  id: number;
  /** The saved pipeline state (pipeline/resumeState.ts) and the index of the next chunk to store. */
  resume: { state: Uint8Array; nextChunk: number } | null;
}

export type Claim =
  | { recording: ClaimedRecording | null }
  /** Another process's scan works on these bytes: `holder` is its "host#pid"; `checkable` is false when it runs on another computer. */
  | { heldBy: string; checkable: boolean };

export interface AnalysisState {
  /** A complete analysis with the fingerprint asked for, if there is one. */
  analysisId: number | null;
  /** A spotting run on that analysis with the parameters asked for, if there is one. */
  spotting: { id: number; candidates: number } | null;
}

/**
 * What a scan of one file asks of the case store. Workers compute; only the
 * thread that owns the database connection writes (src-main/scan/scanWriter.ts),
 * so every call here is asynchronous: across threads it is a message and a reply.
 */
export interface ScanStore {
  /**
   * Takes these bytes for this job (waiting while another job of the scan holds the
   * same hash, so duplicates are processed once) and returns the recording if
   * the case already has it, after recording this path as a location of it.
   * When another process's scan holds them (scanLeases.ts), says which, and takes nothing.
   */
  claim(sha256: string, file: string, evidence: EvidenceStat): Promise<Claim>;
  commitImport(file: string, sha256: string, evidence: EvidenceStat, probed: ProbedRecording): Promise<ClaimedRecording>;
  analysisState(recordingId: number, fingerprint: string, spotParams: unknown): Promise<AnalysisState>;
  /** Starts an analysis, or takes over one a dead process left running (analysisRecords.ts): then `resume` says where to go on from. */
  beginAnalysis(recordingId: number, fingerprint: string, provenance: Record<string, unknown>, frameCount: number): Promise<BegunAnalysis>;
  writeChunk(analysisId: number, chunk: AnalysisChunk): Promise<void>;
  completeAnalysis(
    analysisId: number,
    summary: { frames: number; faceFrames: number; decoderErrors: number; framesAnalysed?: number; resumedFromFrame?: number },
  ): Promise<void>;
  failAnalysis(analysisId: number, message: string): Promise<void>;
  readAnalysis(analysisId: number, frames: number): Promise<{ values: Float32Array; landmarks: Int16Array }>;
  storeSpotting(recordingId: number, analysisId: number, output: SpotOutput): Promise<number>;
}

export type ScanStoreOp = keyof ScanStore;
export const SCAN_STORE_OPS: readonly ScanStoreOp[] = [
  'claim',
  'commitImport',
  'analysisState',
  'beginAnalysis',
  'writeChunk',
  'completeAnalysis',
  'failAnalysis',
  'readAnalysis',
  'storeSpotting',
];
