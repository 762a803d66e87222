import type { AppContext } from '../app/context.js';
import { getAnalysis, latestCompleteAnalysis, type AnalysisRow } from '../store/analysesRepo.js';
import { analysisProvenance, completeAnalysisRecord, failAnalysisRecord, startAnalysisRecord } from './analysisRecords.js';
import { getFrameTable, getRecording } from '../store/recordingsRepo.js';
import { presentOriginal } from './presentOriginal.js';
import { analyzeFrames } from '../analysis/pipeline/analyzeFrames.js';
import { chunkedStoreSink } from '../analysis/pipeline/chunkedStoreSink.js';
import { analysisIdentity } from '../analysis/pipeline/fingerprint.js';
import type { StageFactory } from '../analysis/pipeline/stages.js';
import { sourcePixelsPerFramePixel } from '../analysis/decode/analysisSize.js';
import { ApiError } from '../../src-shared/api/apiError.js';

export interface AnalyzeOptions {
  /** Redo even when an analysis with the same fingerprint is complete. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Analyses an imported recording and stores every frame's row in the case,
 * tagged with what produced it. A complete analysis with the same fingerprint
 * (same models, parameters and pipeline version) is reused, not redone.
 */
export async function analyzeImportedRecording(
  ctx: AppContext,
  recordingId: number,
  createStages: StageFactory,
  options: AnalyzeOptions = {},
): Promise<AnalysisRow> {
  const recording = getRecording(ctx.db, recordingId);
  const table = getFrameTable(ctx.db, recordingId);
  if (!recording || !table) throw new ApiError('not-found', `No recording with id ${recordingId} in this case.`);
  const file = presentOriginal(ctx, recordingId, recording.sizeBytes);
  const stages = await createStages({
    intraOpNumThreads: 1,
    sourcePixelsPerFramePixel: sourcePixelsPerFramePixel(recording.probe.width, recording.probe.height),
  });
  try {
    const { fingerprint, identity } = analysisIdentity(stages.models, stages.parameters);
    const existing = latestCompleteAnalysis(ctx.db, recordingId);
    if (existing && existing.fingerprint === fingerprint && !options.force) return existing;

    const { ffmpeg } = ctx.tools();
    const provenance = analysisProvenance(identity, ffmpeg, file, recording.sha256);
    const analysisId = startAnalysisRecord(ctx, { recordingId, fingerprint, provenance, frameCount: recording.frames });
    const sink = chunkedStoreSink(ctx.db, analysisId);
    try {
      const summary = await analyzeFrames(
        {
          ffmpegPath: ffmpeg.path,
          file,
          codec: recording.probe.videoCodec,
          width: recording.probe.width,
          height: recording.probe.height,
          table,
        },
        stages,
        (row, landmarks) => sink.write(row, landmarks),
        {
          onProgress: (done, total) => {
            options.onProgress?.(done, total);
            ctx.emit('analysis.progress', { recordingId, done, total });
          },
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      sink.flush();
      completeAnalysisRecord(ctx, analysisId, summary);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      failAnalysisRecord(ctx, analysisId, message);
      throw new ApiError('failed', `Analysis of recording #${recordingId} failed: ${message}`);
    }
    return getAnalysis(ctx.db, analysisId)!;
  } finally {
    await stages.close();
  }
}
