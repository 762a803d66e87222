import type { MethodName, MethodParsedArgs, MethodResult } from '../../src-shared/api/contract.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import type { AppContext } from '../app/context.js';
import { appVersion } from '../config/paths.js';
import { locateTool } from '../media/ffmpegLocator.js';
import { importRecordings } from '../usecases/importRecording.js';
import { listAudit } from '../store/auditLog.js';
import { latestAnalysis, latestCompleteAnalysis, readAnalysisValues } from '../store/analysesRepo.js';
import { analyzeImportedRecording } from '../usecases/analyzeRecording.js';
import { spotImportedRecording } from '../usecases/spotImportedRecording.js';
import { createDefaultStages } from '../analysis/pipeline/defaultStages.js';
import { STORED_COLUMNS } from '../../src-shared/analysis/frameColumns.js';
import { modelsInfo } from '../analysis/models/modelsInfo.js';
import { getFrameTable, getRecording, listRecordings } from '../store/recordingsRepo.js';
import { currentBatch, requireBatch, startBatch } from '../scan/batchService.js';
import { recordingEntry } from '../proxy/proxyState.js';
import { proxyQueueFor, scheduleProxyIfNeeded } from '../proxy/proxyQueue.js';
import { latestSpottingRun } from '../store/spottingRepo.js';
import { countAnnotations } from '../store/annotationsRepo.js';
import { importFolder } from '../usecases/importFolder.js';
import { reviewMediaFor } from '../review/reviewMedia.js';
import { reviewSeries, seriesEnvelope, seriesSlice, toBase64 } from '../review/reviewSeries.js';
import { makeFilmstrip } from '../report/grabs/filmstrip.js';
import { exportReportForWindow } from '../report/exportForWindow.js';
import { readCaseDetails } from '../store/caseDetailsRepo.js';
import { setCaseDetails } from '../usecases/caseDetails.js';
import { completePass, startPass } from '../usecases/codingPasses.js';
import { agreementAsData, agreementBetweenCoders } from '../usecases/agreementBetweenCoders.js';
import { requireSetVisible } from '../annotations/passRules.js';
import { adjudicate } from '../annotations/adjudicate.js';
import { listPasses, openPassOf } from '../store/codingPassesRepo.js';
import { annotationState, applyAnnotationChange, redoAnnotationChange, undoAnnotationChange } from '../annotations/annotationService.js';

export type Handlers = { [M in MethodName]: (ctx: AppContext, args: MethodParsedArgs<M>) => Promise<MethodResult<M>> | MethodResult<M> };

/** The implementation of every contract method. The hosts only route to these. */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: appVersion(),
    dbPath: ctx.dbPath,
    analyst: ctx.analyst,
    ffmpeg: safeLocate('ffmpeg'),
    ffprobe: safeLocate('ffprobe'),
    ...safeModelsInfo(),
  }),
  'library.list': (ctx) => listRecordings(ctx.db).map((r) => recordingEntry(ctx, r)),
  'library.get': (ctx, { id }) => recordingEntry(ctx, getRecording(ctx.db, id) ?? notFound(id)),
  'library.import': async (ctx, { paths, analyst }) => {
    const results = await importRecordings(actingAs(ctx, analyst), paths);
    // In a host (serve, the desktop app) the proxies the new recordings need are made in the background.
    for (const r of results) if (r.id !== undefined && r.status !== 'failed') scheduleProxyIfNeeded(ctx, r.id);
    return results;
  },
  'library.importFolder': async (ctx, { path, analyst }) => {
    const outcome = await importFolder(actingAs(ctx, analyst), path);
    for (const r of outcome.results) if (r.id !== undefined && r.status !== 'failed') scheduleProxyIfNeeded(ctx, r.id);
    return outcome;
  },
  'library.states': (ctx, { analyst }) =>
    listRecordings(ctx.db).map((r) => {
      const analysis = latestAnalysis(ctx.db, r.id);
      // The working set's counts are decisions too: hidden from an analyst coding the recording blind.
      const blind = analyst ? openPassOf(ctx.db, r.id, analyst)?.blind === true : false;
      return {
        id: r.id,
        analysis: analysis ? { status: analysis.status, framesDone: analysis.framesDone, frameCount: analysis.frameCount } : null,
        candidates: latestSpottingRun(ctx.db, r.id)?.candidates.length ?? null,
        annotations: blind ? { total: 0, accepted: 0, rejected: 0, pending: 0, hidden: true } : countAnnotations(ctx.db, r.id),
      };
    }),
  'library.frameTable': (ctx, { id }) => {
    const table = getFrameTable(ctx.db, id) ?? notFound(id);
    warmReviewSeries(ctx, id);
    return table;
  },
  'analysis.run': (ctx, { id, force }) => analyzeImportedRecording(ctx, id, createDefaultStages, { force }),
  'analysis.latest': (ctx, { id }) => {
    if (!getRecording(ctx.db, id)) notFound(id);
    return latestAnalysis(ctx.db, id) ?? null;
  },
  'analysis.frames': (ctx, { id, from, count }) => {
    const analysis = latestCompleteAnalysis(ctx.db, id);
    if (!analysis) throw new ApiError('not-found', `Recording #${id} has no complete analysis: run the analysis first.`);
    const n = Math.max(0, Math.min(count, analysis.frameCount - from));
    const values = Array.from(readAnalysisValues(ctx.db, analysis.id, from, n), (v) => (Number.isNaN(v) ? null : v));
    return { analysisId: analysis.id, columns: [...STORED_COLUMNS], from, count: n, values };
  },
  'spot.run': async (ctx, { id, analyst }) => {
    const result = await spotImportedRecording(ctx, id, createDefaultStages);
    const pass = analyst ? openPassOf(ctx.db, id, analyst) : undefined;
    const candidates = pass?.hideSpotterEmotion ? result.candidates.map(withoutEmotion) : result.candidates;
    return { ...result, candidates, params: result.params as unknown as Record<string, unknown> };
  },
  'batch.start': (ctx, { paths, workers }) => startBatch(ctx, paths, workers),
  'batch.status': (ctx) => currentBatch(ctx)?.status() ?? null,
  'batch.pause': (ctx) => {
    const batch = requireBatch(ctx);
    batch.pause();
    return batch.status();
  },
  'batch.resume': (ctx) => {
    const batch = requireBatch(ctx);
    batch.resume();
    return batch.status();
  },
  'batch.cancel': (ctx) => {
    const batch = requireBatch(ctx);
    batch.cancel();
    return batch.status();
  },
  'proxy.make': (ctx, { id, force }) => {
    const recording = getRecording(ctx.db, id) ?? notFound(id);
    const before = recordingEntry(ctx, recording).proxy;
    if (!force && (before.status === 'not-needed' || before.status === 'ready')) return before;
    void proxyQueueFor(ctx).enqueue(id, { force });
    return recordingEntry(ctx, recording).proxy;
  },
  'spot.latest': (ctx, { id, analyst }) => {
    const recording = getRecording(ctx.db, id) ?? notFound(id);
    const run = latestSpottingRun(ctx.db, id);
    if (!run) return null;
    const candidates = run.candidates as MethodResult<'spot.run'>['candidates'];
    const pass = analyst ? openPassOf(ctx.db, id, analyst) : undefined;
    return {
      fps: recording.fps,
      frames: recording.frames,
      candidates: pass?.hideSpotterEmotion ? candidates.map(withoutEmotion) : candidates,
      params: run.params,
      analysisId: run.analysisId,
      spottingRunId: run.id,
    };
  },
  'review.media': (ctx, { id }) => reviewMediaFor(recordingEntry(ctx, getRecording(ctx.db, id) ?? notFound(id))),
  'review.series': (ctx, { id, from, count, columns }) => {
    const series = reviewSeries(ctx.db, ctx.dbPath, id);
    const slice = seriesSlice(series, from, count, columns);
    return { analysisId: series.analysisId, columns, from: slice.from, count: slice.count, data: toBase64(slice.data) };
  },
  'review.filmstrip': (ctx, { id, onset, offset, apex }) => makeFilmstrip(ctx, id, onset, offset, apex),
  'review.envelope': (ctx, { id, from, to, buckets, columns }) => {
    const series = reviewSeries(ctx.db, ctx.dbPath, id);
    const envelope = seriesEnvelope(series, from, to, buckets, columns);
    return {
      analysisId: series.analysisId,
      columns,
      from: envelope.from,
      to: envelope.to,
      buckets: envelope.buckets,
      min: toBase64(envelope.min),
      max: toBase64(envelope.max),
    };
  },
  'annotations.list': (ctx, { recordingId, analyst, passId }) => annotationState(ctx.db, recordingId, analyst, null, passId),
  'annotations.apply': (ctx, { recordingId, analyst, change, passId }) =>
    applyAnnotationChange(ctx.db, recordingId, analyst, change, passId),
  'annotations.undo': (ctx, { recordingId, analyst, passId }) => undoAnnotationChange(ctx.db, recordingId, analyst, passId),
  'annotations.redo': (ctx, { recordingId, analyst, passId }) => redoAnnotationChange(ctx.db, recordingId, analyst, passId),
  'passes.list': (ctx, { recordingId }) => listPasses(ctx.db, recordingId),
  'passes.start': (ctx, { recordingId, analyst, blind, hideSpotterEmotion }) =>
    startPass(ctx.db, recordingId, analyst, { blind, hideSpotterEmotion }),
  'passes.complete': (ctx, { passId, analyst }) => completePass(ctx.db, passId, analyst),
  'adjudication.decide': (ctx, { recordingId, analyst, a, b, choose }) => adjudicate(ctx.db, recordingId, analyst, a, b, choose),
  'agreement.get': (ctx, { recordingId, analyst, spotter, minIoU, boundaryFrames }) => {
    requireSetVisible(ctx.db, recordingId, analyst, null); // a blind coder sees no one else's figures either
    return agreementAsData(
      agreementBetweenCoders(ctx, recordingId, { files: [], withSpotter: spotter, minIoU, passes: 'all', boundaryFrames }),
    );
  },
  'report.export': (ctx, { id, format, allowMismatch, redactNotes, analyst }) => {
    // A report states every decision and the spotter's proposals: not for an analyst still coding this recording blind.
    requireSetVisible(ctx.db, id, actingAs(ctx, analyst).analyst, null);
    return exportReportForWindow(actingAs(ctx, analyst), id, format, { allowMismatch, redactNotes });
  },
  'case.get': (ctx) => readCaseDetails(ctx.db),
  'case.set': (ctx, { analyst, details }) => setCaseDetails(ctx.db, analyst, details),
  'audit.list': (ctx, { afterSeq, limit }) => listAudit(ctx.db, afterSeq, limit),
};

/**
 * The review window asks for the frame table first and for the timeline's
 * curves right after: read the per-frame series in between (after this reply
 * is sent), so a long recording's timeline does not wait for the store.
 */
function warmReviewSeries(ctx: AppContext, id: number): void {
  if (latestCompleteAnalysis(ctx.db, id))
    setImmediate(() => {
      try {
        reviewSeries(ctx.db, ctx.dbPath, id);
      } catch {
        /* the timeline will report it */
      }
    });
}

/** The same context, acting for the analyst the window named (the process's default otherwise). */
function actingAs(ctx: AppContext, analyst: string | undefined): AppContext {
  return analyst ? { ...ctx, analyst } : ctx;
}

function notFound(id: number): never {
  throw new ApiError('not-found', `No recording with id ${id} in this case.`);
}

function safeModelsInfo(): { models: MethodResult<'app.info'>['models']; modelsError?: string } {
  try {
    return { models: modelsInfo() };
  } catch (error) {
    return { models: null, modelsError: (error as Error).message };
  }
}

function safeLocate(name: 'ffmpeg' | 'ffprobe') {
  try {
    return locateTool(name);
  } catch {
    return null;
  }
}

/** A candidate as a blind coder who asked not to see the spotter's emotion gets it: without the emotion or the classifier's rise. */
function withoutEmotion(c: MethodResult<'spot.run'>['candidates'][number]): MethodResult<'spot.run'>['candidates'][number] {
  return { ...c, emotion: 'hidden', ...(c.evidence ? { evidence: { ...c.evidence, classRise: {} } } : {}) };
}
