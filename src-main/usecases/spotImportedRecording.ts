import type { AppContext } from '../app/context.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { appendAudit } from '../store/auditLog.js';
import { stateRef } from '../store/sealedState.js';
import { readAnalysisLandmarks, readAnalysisValues } from '../store/analysesRepo.js';
import { getFrameTable } from '../store/recordingsRepo.js';
import { insertSpottingRun } from '../store/spottingRepo.js';
import { spotRecording } from '../spotting/spotTable.js';
import type { SpotOutput } from '../spotting/spotOutput.js';
import type { StageFactory } from '../analysis/pipeline/stages.js';
import { analyzeImportedRecording } from './analyzeRecording.js';

/**
 * Spots candidates in an imported recording. The analysis it works on is the
 * current one: a complete analysis made by these models and parameters is
 * reused; a missing or stale one (other models, parameters or pipeline) is
 * made afresh first, never silently used.
 */
export async function spotImportedRecording(
  ctx: AppContext,
  recordingId: number,
  createStages: StageFactory,
): Promise<SpotOutput & { analysisId: number; spottingRunId: number }> {
  const table = getFrameTable(ctx.db, recordingId);
  if (!table) throw new ApiError('not-found', `No recording with id ${recordingId} in this case.`);
  const analysis = await analyzeImportedRecording(ctx, recordingId, createStages);
  const frames = table.ptsTicks.length;
  const output = spotRecording(
    table,
    readAnalysisValues(ctx.db, analysis.id, 0, frames),
    readAnalysisLandmarks(ctx.db, analysis.id, 0, frames),
  );
  const spottingRunId = storeSpottingRun(ctx, recordingId, analysis.id, output);
  return { ...output, analysisId: analysis.id, spottingRunId };
}

/** Stores a spotting run with the parameters that found its candidates, and its audit entry, in one transaction. */
export function storeSpottingRun(ctx: AppContext, recordingId: number, analysisId: number, output: SpotOutput): number {
  return ctx.db
    .transaction(() => {
      const id = insertSpottingRun(ctx.db, {
        recordingId,
        analysisId,
        params: output.params as unknown as Record<string, unknown>,
        candidates: output.candidates,
        createdBy: ctx.analyst,
      });
      appendAudit(ctx.db, {
        actor: ctx.analyst,
        action: 'spotting.completed',
        target: `recording:${recordingId}`,
        after: { spottingRunId: id, analysisId, candidates: output.candidates.length },
        state: [stateRef.spottingRun(id)],
      });
      return id;
    })
    .immediate();
}
