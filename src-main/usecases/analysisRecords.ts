import type { AppContext } from '../app/context.js';
import { appVersion } from '../config/paths.js';
import { ownerState, THIS_PROCESS } from '../app/processOwner.js';
import type { LocatedTool } from '../media/ffmpegLocator.js';
import { appendAudit } from '../store/auditLog.js';
import { stateRef } from '../store/sealedState.js';
import {
  finishAnalysis,
  getAnalysis,
  getResumePoint,
  insertAnalysis,
  runningAnalyses,
  setAnalysisProvenance,
  type ResumePoint,
} from '../store/analysesRepo.js';
import { whyNotResumable } from './analysisResume.js';

/**
 * The store's side of an analysis: its row is opened, closed as complete or
 * failed, each with its audit entry, in one transaction each. Used by the
 * single-recording analysis and by the batch scan's writer alike.
 *
 * A row left 'running' by a process that died (crash, kill -9, power loss) is
 * resumed by the scan (startOrResumeAnalysisRecord) when it can be, and
 * otherwise closed as failed ("interrupted") the next time an analysis of the
 * same recording starts. Its process is in its provenance, `runner` ("host#pid"):
 * - this process: alive while this process still has it open (the set below);
 * - another process on this host: alive while that pid exists (a reused pid keeps
 *   it open: the safe side);
 * - another host (a case on a shared drive): cannot be told, so it is left alone;
 * - no runner (made before runners were recorded): interrupted.
 */
const openHere = new Set<number>();

export function analysisProvenance(
  identity: Record<string, unknown>,
  ffmpeg: LocatedTool,
  file: string,
  sha256: string,
): Record<string, unknown> {
  return {
    ...identity,
    tool: { name: 'micromoment', version: appVersion() },
    ffmpeg: { path: ffmpeg.path, version: ffmpeg.version, source: ffmpeg.source },
    file,
    sha256,
  };
}

/** The provenance as stored: with the process that writes the analysis (set by the process that commits it). */
function withRunner(provenance: Record<string, unknown>): Record<string, unknown> {
  return { ...provenance, runner: THIS_PROCESS };
}

export function startAnalysisRecord(
  ctx: AppContext,
  a: { recordingId: number; fingerprint: string; provenance: Record<string, unknown>; frameCount: number },
): number {
  const id = ctx.db
    .transaction(() => {
      closeInterruptedAnalyses(ctx, a.recordingId);
      const newId = insertAnalysis(ctx.db, {
        recordingId: a.recordingId,
        fingerprint: a.fingerprint,
        provenance: withRunner(a.provenance),
        frameCount: a.frameCount,
        startedBy: ctx.analyst,
      });
      appendAudit(ctx.db, {
        actor: ctx.analyst,
        action: 'analysis.started',
        target: `recording:${a.recordingId}`,
        after: { analysisId: newId, fingerprint: a.fingerprint },
        state: [stateRef.analysis(newId)],
      });
      return newId;
    })
    .immediate();
  openHere.add(id);
  return id;
}

/**
 * Starts an analysis of the recording, or goes on with one a process that is
 * gone left running (kill -9, a crash) when it is the same computation with a
 * state saved after its stored chunks (analysisResume.ts): then `resume` says
 * where to go on from, its provenance names this process, and the audit log
 * has 'analysis.resumed'. Interrupted analyses that cannot be resumed are closed
 * as before.
 */
export function startOrResumeAnalysisRecord(
  ctx: AppContext,
  a: { recordingId: number; fingerprint: string; provenance: Record<string, unknown>; frameCount: number },
): { id: number; resume: ResumePoint | null } {
  return ctx.db
    .transaction(() => {
      for (const { id, runner } of runningAnalyses(ctx.db, a.recordingId).reverse()) {
        if (runnerAlive(runner, id)) continue;
        const row = requireAnalysis(ctx, id);
        const point = getResumePoint(ctx.db, id);
        if (!point || whyNotResumable(row, point, a) !== null) continue;
        // The provenance keeps every run that wrote rows of it: who was interrupted where, and who went on.
        const resumes = Array.isArray(row.provenance.resumes) ? row.provenance.resumes : [];
        const resume = {
          fromFrame: point.frame,
          interruptedRunner: runner,
          runner: THIS_PROCESS,
          file: a.provenance.file,
          at: new Date().toISOString(),
        };
        setAnalysisProvenance(ctx.db, id, { ...withRunner(row.provenance), resumes: [...resumes, resume] });
        appendAudit(ctx.db, {
          actor: ctx.analyst,
          action: 'analysis.resumed',
          target: `recording:${a.recordingId}`,
          after: { analysisId: id, fingerprint: row.fingerprint, fromFrame: point.frame, interruptedRunner: runner },
          state: [stateRef.analysis(id)], // its provenance now names this process
        });
        openHere.add(id);
        closeInterruptedAnalyses(ctx, a.recordingId);
        return { id, resume: point };
      }
      return { id: startAnalysisRecord(ctx, a), resume: null };
    })
    .immediate();
}

export function completeAnalysisRecord(
  ctx: AppContext,
  analysisId: number,
  summary: { frames: number; faceFrames: number; decoderErrors: number; framesAnalysed?: number; resumedFromFrame?: number },
): void {
  try {
    const row = requireAnalysis(ctx, analysisId);
    ctx.db
      .transaction(() => {
        finishAnalysis(ctx.db, analysisId, 'complete', summary, null);
        appendAudit(ctx.db, {
          actor: ctx.analyst,
          action: 'analysis.completed',
          target: `recording:${row.recordingId}`,
          after: {
            analysisId,
            fingerprint: row.fingerprint,
            faceFrames: summary.faceFrames,
            frames: summary.frames,
            decoderErrors: summary.decoderErrors,
            ...(summary.resumedFromFrame !== undefined
              ? { resumedFromFrame: summary.resumedFromFrame, framesAnalysedThisRun: summary.framesAnalysed }
              : {}),
          },
          state: [stateRef.analysis(analysisId)],
        });
      })
      .immediate();
  } finally {
    // Even when the write failed (a full disk), this process no longer runs it:
    // the next start closes it as interrupted.
    openHere.delete(analysisId);
  }
}

export function failAnalysisRecord(ctx: AppContext, analysisId: number, message: string): void {
  try {
    const row = requireAnalysis(ctx, analysisId);
    ctx.db
      .transaction(() => {
        finishAnalysis(ctx.db, analysisId, 'failed', null, message);
        appendAudit(ctx.db, {
          actor: ctx.analyst,
          action: 'analysis.failed',
          target: `recording:${row.recordingId}`,
          after: { analysisId, error: message },
          state: [stateRef.analysis(analysisId)],
        });
      })
      .immediate();
  } finally {
    openHere.delete(analysisId);
  }
}

/** Closes the recording's 'running' analyses whose process is gone. Call inside a write transaction. */
export function closeInterruptedAnalyses(ctx: AppContext, recordingId: number): number[] {
  const closed: number[] = [];
  for (const { id, runner } of runningAnalyses(ctx.db, recordingId)) {
    if (runnerAlive(runner, id)) continue;
    const message = `interrupted: the process that ran it (${runner ?? 'not recorded'}) stopped before it finished; the analysis was made afresh`;
    finishAnalysis(ctx.db, id, 'failed', null, message);
    appendAudit(ctx.db, {
      actor: ctx.analyst,
      action: 'analysis.interrupted',
      target: `recording:${recordingId}`,
      after: { analysisId: id, runner },
      state: [stateRef.analysis(id)],
    });
    closed.push(id);
  }
  return closed;
}

function runnerAlive(runner: string | null, analysisId: number): boolean {
  if (runner === null) return false;
  const state = ownerState(runner);
  return state === 'this-process' ? openHere.has(analysisId) : state !== 'gone';
}

function requireAnalysis(ctx: AppContext, analysisId: number) {
  const row = getAnalysis(ctx.db, analysisId);
  if (!row) throw new Error(`analysis #${analysisId} is not in this case`);
  return row;
}
