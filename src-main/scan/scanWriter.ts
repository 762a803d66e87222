import type { AppContext } from '../app/context.js';
import { writeChunk } from '../analysis/pipeline/chunkedStoreSink.js';
import { completeAnalysisRecord, failAnalysisRecord, startOrResumeAnalysisRecord } from '../usecases/analysisRecords.js';
import { commitImport, recordLocation } from '../usecases/importSteps.js';
import { scheduleProxyIfNeeded } from '../proxy/proxyQueue.js';
import { storeSpottingRun } from '../usecases/spotImportedRecording.js';
import { getAnalysis, latestCompleteAnalysis, nextChunkIndex, readAnalysisLandmarks, readAnalysisValues } from '../store/analysesRepo.js';
import { findRecordingIdBySha, getFrameTable, getRecording } from '../store/recordingsRepo.js';
import { findSpottingRun } from '../store/spottingRepo.js';
import { releaseScanLease, takeScanLease } from './scanLeases.js';
import type { Claim, ClaimedRecording, ScanStore } from './scanStore.js';
import { isStoreFatal } from './storeErrors.js';
import { shortfallWarning } from '../../src-shared/domain/shortfall.js';

/**
 * The one writer of a scan: it owns the case connection and commits what the
 * workers compute, each change in its own transaction with its audit entry.
 *
 * Why one writer rather than a connection per worker: the audit chain appends
 * by reading the last entry and inserting the next, and every change must be
 * one transaction with its entry. One connection serialises all of that by
 * construction, with no SQLITE_BUSY to retry and no chance of two workers
 * racing for the chain's head. The writes are small (a recording, a chunk of
 * 1024 frames, a spotting run) next to the analysis that produces them, so one
 * thread keeps up with any number of workers. The transactions are IMMEDIATE, so
 * another process writing to the same case (the app) waits on the busy timeout
 * instead of failing.
 *
 * It also keeps, per job: the hash it holds (two paths with the same bytes are
 * processed one after the other, so the second finds the first complete; the
 * case-wide lease does the same against other processes' scans, scanLeases.ts) and
 * the analyses it has open (closed as failed if the job ends without closing them,
 * e.g. when its worker dies).
 */
export interface ScanWriter {
  storeFor(jobId: number): ScanStore;
  /** Releases the job's hash and closes any analysis it left open, as failed with `reason`. */
  endJob(jobId: number, reason: string): void;
}

export function createScanWriter(ctx: AppContext, onFatal: (err: unknown) => void): ScanWriter {
  const holders = new Map<string, number>();
  const waiters = new Map<string, (() => void)[]>();
  const heldBy = new Map<number, string>();
  /** Jobs that hold their hash's lease in the case too (against other processes' scans). */
  const leased = new Set<number>();
  const openAnalyses = new Map<number, Set<number>>();
  const ended = new Set<number>();

  const wakeNext = (sha: string) => {
    const queue = waiters.get(sha);
    const next = queue?.shift();
    if (queue && queue.length === 0) waiters.delete(sha);
    next?.();
  };

  const release = (jobId: number) => {
    const sha = heldBy.get(jobId);
    if (sha === undefined) return;
    heldBy.delete(jobId);
    holders.delete(sha);
    if (leased.delete(jobId)) {
      try {
        releaseScanLease(ctx.db, sha);
      } catch {
        // Not written (a full disk): the lease dies with this process all the same.
      }
    }
    wakeNext(sha);
  };

  const acquire = async (jobId: number, sha: string) => {
    while (holders.has(sha) && holders.get(sha) !== jobId) {
      await new Promise<void>((resolve) => {
        const queue = waiters.get(sha) ?? [];
        queue.push(resolve);
        waiters.set(sha, queue);
      });
    }
    // A job that ended while it waited (its worker died) must not take the hash for good.
    if (ended.has(jobId)) {
      wakeNext(sha);
      throw new Error('the job ended while it waited for another file with the same bytes');
    }
    holders.set(sha, jobId);
    heldBy.set(jobId, sha);
  };

  const recordingFor = (id: number): ClaimedRecording => {
    const recording = getRecording(ctx.db, id);
    const table = getFrameTable(ctx.db, id);
    if (!recording || !table) throw new Error(`recording #${id} is not in this case`);
    return {
      id,
      probe: recording.probe,
      frames: recording.frames,
      table: { timeBase: table.timeBase, ptsTicks: table.ptsTicks },
      warning: shortfallWarning(recording.probe.durationS ?? null, recording.durationS),
    };
  };

  /** A store error that no other file could escape either (a full disk) stops the whole scan. */
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (err) {
        if (isStoreFatal(err)) onFatal(err);
        throw err;
      }
    };

  return {
    storeFor(jobId) {
      const opened = () => {
        let set = openAnalyses.get(jobId);
        if (!set) openAnalyses.set(jobId, (set = new Set()));
        return set;
      };
      return {
        async claim(sha256, file, evidence) {
          await acquire(jobId, sha256);
          return guarded((): Claim => {
            const lease = takeScanLease(ctx.db, sha256);
            if (!lease.taken) {
              release(jobId);
              return { heldBy: lease.holder, checkable: lease.checkable };
            }
            leased.add(jobId);
            const id = findRecordingIdBySha(ctx.db, sha256);
            if (id === undefined) return { recording: null };
            recordLocation(ctx, id, file, sha256, evidence);
            return { recording: recordingFor(id) };
          })();
        },
        commitImport: async (file, sha256, evidence, probed) =>
          guarded(() => {
            const id = commitImport(ctx, { file, sha256, evidence, probed }).id;
            // In a host (serve, the desktop app) a recording the browser cannot play well gets its review proxy in the background.
            scheduleProxyIfNeeded(ctx, id);
            return recordingFor(id);
          })(),
        analysisState: async (recordingId, fingerprint, spotParams) =>
          guarded(() => {
            const complete = latestCompleteAnalysis(ctx.db, recordingId);
            if (!complete || complete.fingerprint !== fingerprint) return { analysisId: null, spotting: null };
            return { analysisId: complete.id, spotting: findSpottingRun(ctx.db, complete.id, spotParams) ?? null };
          })(),
        beginAnalysis: async (recordingId, fingerprint, provenance, frameCount) =>
          guarded(() => {
            const { id, resume } = startOrResumeAnalysisRecord(ctx, { recordingId, fingerprint, provenance, frameCount });
            opened().add(id);
            return { id, resume: resume ? { state: resume.state, nextChunk: nextChunkIndex(ctx.db, id) } : null };
          })(),
        writeChunk: async (analysisId, chunk) => guarded(() => writeChunk(ctx.db, analysisId, chunk))(),
        completeAnalysis: async (analysisId, summary) =>
          guarded(() => {
            opened().delete(analysisId);
            completeAnalysisRecord(ctx, analysisId, summary);
          })(),
        failAnalysis: async (analysisId, message) =>
          guarded(() => {
            opened().delete(analysisId);
            failAnalysisRecord(ctx, analysisId, message);
          })(),
        readAnalysis: async (analysisId, frames) =>
          guarded(() => {
            if (getAnalysis(ctx.db, analysisId)?.status !== 'complete') throw new Error(`analysis #${analysisId} is not complete`);
            return {
              values: readAnalysisValues(ctx.db, analysisId, 0, frames),
              landmarks: readAnalysisLandmarks(ctx.db, analysisId, 0, frames),
            };
          })(),
        storeSpotting: async (recordingId, analysisId, output) => guarded(() => storeSpottingRun(ctx, recordingId, analysisId, output))(),
      };
    },
    endJob(jobId, reason) {
      ended.add(jobId);
      release(jobId);
      const open = openAnalyses.get(jobId);
      openAnalyses.delete(jobId);
      for (const analysisId of open ?? []) {
        try {
          failAnalysisRecord(ctx, analysisId, reason);
        } catch (err) {
          // A full disk cannot record the failure either; the next analysis of the
          // recording closes this one as interrupted.
          if (isStoreFatal(err)) onFatal(err);
        }
      }
    },
  };
}
