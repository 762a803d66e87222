import { setTimeout as sleep } from 'node:timers/promises';
import type { BatchPhase } from '../../src-shared/domain/batch.js';
import { describeOwner } from '../app/processOwner.js';
import { analyzeFrames } from '../analysis/pipeline/analyzeFrames.js';
import { chunkingSink } from '../analysis/pipeline/chunkedStoreSink.js';
import { analysisIdentity } from '../analysis/pipeline/fingerprint.js';
import { decodePipelineState, stateShelf } from '../analysis/pipeline/resumeState.js';
import { CHUNK_FRAMES } from '../store/analysesRepo.js';
import type { StageFactory } from '../analysis/pipeline/stages.js';
import { sourcePixelsPerFramePixel } from '../analysis/decode/analysisSize.js';
import { analysisProvenance } from '../usecases/analysisRecords.js';
import { describeImportError } from '../usecases/importErrors.js';
import { indexEvidence, statEvidence, type EvidenceStat } from '../usecases/importSteps.js';
import type { LocatedTool } from '../media/ffmpegLocator.js';
import { sha256File } from '../media/hashFile.js';
import { ProbeError } from '../media/probe.js';
import { probeOnly } from '../media/probeAndIndex.js';
import { resolveSpotParams } from '../spotting/params.js';
import { spotRecording } from '../spotting/spotTable.js';
import type { PauseGate } from './pauseGate.js';
import type { ClaimedRecording, ScanStore } from './scanStore.js';
import { isStoreError } from './storeErrors.js';

export interface ScanFileDeps {
  store: ScanStore;
  createStages: StageFactory;
  ffmpeg: LocatedTool;
  ffprobeCandidates: LocatedTool[];
  signal: AbortSignal;
  gate: PauseGate;
  progress(phase: BatchPhase, done: number, total: number): void;
}

export type ScanFileOutcome =
  | { status: 'done' | 'skipped'; sha256: string; recordingId: number; frames: number; candidates: number; warning: string | null }
  | { status: 'failed' | 'ignored' | 'cancelled'; sha256: string | null; recordingId: number | null; error: string };

/**
 * One file of a scan, start to end: probe (a file that is no recording is
 * ignored or failed here, before anything reads it whole); hash; import unless the case has these
 * bytes; analyse unless a complete analysis by the same models, parameters and
 * pipeline exists; spot unless that analysis has a run with the same spotter
 * parameters. All of that already there means `skipped`. Runs where CPU time
 * is cheap (a worker thread); every write goes through `store`. It never
 * throws: what goes wrong is the outcome, with its reason.
 */
export async function scanFile(file: string, claimsVideo: boolean, deps: ScanFileDeps): Promise<ScanFileOutcome> {
  const { store, signal, gate } = deps;
  let sha256: string | null = null;
  let recordingId: number | null = null;
  // The step reached, to say which one failed (set through the progress reports).
  const reached: { phase: BatchPhase } = { phase: 'probing' };
  const progress = deps.progress;
  deps = {
    ...deps,
    progress: (p, done, total) => {
      reached.phase = p;
      progress(p, done, total);
    },
  };
  try {
    await gate.wait(signal);
    const evidence = statEvidence(file);
    // Looked at before it is read whole: a disk image of 20 GB that is no video
    // was hashed for 84 s only to be ignored. The probe reads a few MB at most.
    deps.progress('probing', 0, 1);
    try {
      await probeOnly(file, deps.ffprobeCandidates);
    } catch (err) {
      // A file whose name and bytes never said "video" is not a failure when it is not one.
      if (!claimsVideo && err instanceof ProbeError && !signal.aborted)
        return { status: 'ignored', sha256: null, recordingId: null, error: err.message };
      throw err;
    }
    await gate.wait(signal);
    deps.progress('hashing', 0, evidence.size);
    sha256 = await sha256File(file, (bytes) => deps.progress('hashing', bytes, evidence.size), { signal, hold: gate });

    let recording: ClaimedRecording | null = await claimWhenFree(file, sha256, evidence, deps);
    const alreadyInCase = recording !== null;
    if (!recording) {
      await gate.wait(signal);
      deps.progress('indexing', 0, 1);
      let probed;
      try {
        probed = await indexEvidence(file, evidence, (n, expected) => deps.progress('indexing', n, expected), deps.ffprobeCandidates, {
          signal,
          hold: gate,
        });
      } catch (err) {
        // Probed as a video above, but ffprobe says otherwise now (all ffprobes crashed then, or the file changed).
        if (!claimsVideo && err instanceof ProbeError && !signal.aborted)
          return { status: 'ignored', sha256, recordingId: null, error: err.message };
        throw err;
      }
      recording = await store.commitImport(file, sha256, evidence, probed);
    }
    recordingId = recording.id;

    await gate.wait(signal);
    const spotParams = resolveSpotParams();
    const analysisId = await analyseUnlessCurrent(file, sha256, recording, spotParams, deps);
    if (analysisId.skip)
      return {
        status: alreadyInCase ? 'skipped' : 'done',
        sha256,
        recordingId,
        frames: recording.frames,
        candidates: analysisId.skip.candidates,
        warning: recording.warning,
      };

    await gate.wait(signal);
    deps.progress('spotting', 0, 1);
    const { values, landmarks } = await store.readAnalysis(analysisId.id, recording.frames);
    const output = spotRecording(recording.table, values, landmarks, spotParams);
    signal.throwIfAborted();
    await store.storeSpotting(recording.id, analysisId.id, output);
    deps.progress('spotting', 1, 1);
    return {
      status: 'done',
      sha256,
      recordingId,
      frames: recording.frames,
      candidates: output.candidates.length,
      warning: recording.warning,
    };
  } catch (err) {
    // A store error is the reason even when the batch, stopping on it, cancelled this job meanwhile.
    if (signal.aborted && !isStoreError(err))
      return { status: 'cancelled', sha256, recordingId, error: 'cancelled before it was finished: scan again to finish it' };
    const reason = describeScanError(err);
    const error =
      reached.phase === 'analysing' ? `analysis failed: ${reason}` : reached.phase === 'spotting' ? `spotting failed: ${reason}` : reason;
    return { status: 'failed', sha256, recordingId, error };
  }
}

/** How often a file that another process's scan holds is looked at again. */
const LEASE_RECHECK_MS = 1000;

/**
 * Claims the bytes for this job, waiting while another scan of the case on
 * this computer works on them (it finishes them, and this one then finds them
 * complete; or it dies, and its lease is taken over). A scan on another
 * computer cannot be watched: the file fails, naming it.
 */
async function claimWhenFree(file: string, sha256: string, evidence: EvidenceStat, deps: ScanFileDeps): Promise<ClaimedRecording | null> {
  const { store, signal, gate } = deps;
  for (;;) {
    deps.progress('waiting', 0, 1);
    const claim = await store.claim(sha256, file, evidence);
    if ('recording' in claim) return claim.recording;
    if (!claim.checkable) {
      throw new Error(
        `being scanned by another process (${describeOwner(claim.heldBy)}), which this computer cannot check: scan again once that scan is over`,
      );
    }
    await sleep(LEASE_RECHECK_MS, undefined, { signal });
    await gate.wait(signal);
  }
}

/**
 * The id of the current complete analysis (made now if there is none), or
 * `skip` when it also has a spotting run with these parameters.
 */
async function analyseUnlessCurrent(
  file: string,
  sha256: string,
  recording: ClaimedRecording,
  spotParams: unknown,
  deps: ScanFileDeps,
): Promise<{ id: number; skip?: { candidates: number } }> {
  const { store, signal, gate } = deps;
  const { probe } = recording;
  const stages = await deps.createStages({
    intraOpNumThreads: 1,
    sourcePixelsPerFramePixel: sourcePixelsPerFramePixel(probe.width, probe.height),
  });
  try {
    const { fingerprint, identity } = analysisIdentity(stages.models, stages.parameters);
    const state = await store.analysisState(recording.id, fingerprint, spotParams);
    if (state.analysisId !== null)
      return state.spotting ? { id: state.analysisId, skip: { candidates: state.spotting.candidates } } : { id: state.analysisId };

    const provenance = analysisProvenance(identity, deps.ffmpeg, file, sha256);
    const begun = await store.beginAnalysis(recording.id, fingerprint, provenance, recording.frames);
    const analysisId = begun.id;
    try {
      // A resumed analysis goes on after its stored chunks, from the state saved with the last (resumeState.ts).
      const resume = begun.resume ? decodePipelineState(begun.resume.state) : null;
      if (begun.resume && !resume) throw new Error('the saved state of the analysis to resume cannot be read');
      const from = resume?.frame ?? 0;
      deps.progress('analysing', from, recording.frames);
      const shelf = stateShelf();
      const sink = chunkingSink(
        async (chunk) => store.writeChunk(analysisId, { ...chunk, resumeState: await shelf.take(chunk.firstFrame + chunk.frameCount) }),
        { chunkIndex: begun.resume?.nextChunk ?? 0, firstFrame: from },
      );
      const summary = await analyzeFrames(
        { ffmpegPath: deps.ffmpeg.path, file, codec: probe.videoCodec, width: probe.width, height: probe.height, table: recording.table },
        stages,
        async (row, landmarks) => {
          if (gate.paused) await gate.wait(signal);
          await sink.write(row, landmarks);
        },
        {
          signal,
          onProgress: (done, total) => deps.progress('analysing', done, total),
          checkpoints: { every: CHUNK_FRAMES, keep: shelf.keep },
          ...(resume ? { resume } : {}),
        },
      );
      await sink.flush();
      await store.completeAnalysis(analysisId, summary);
    } catch (err) {
      const message = signal.aborted && !isStoreError(err) ? 'cancelled before it finished' : describeScanError(err);
      // If this write fails too (a full disk), the writer closes it when the job ends,
      // or the next analysis of the recording closes it as interrupted.
      await store.failAnalysis(analysisId, message).catch(() => undefined);
      throw err;
    }
    return { id: analysisId };
  } finally {
    await stages.close();
  }
}

/** One line: what went wrong with this file. */
export function describeScanError(err: unknown): string {
  if (isStoreError(err)) return `the case database could not be written (${(err as Error).message})`;
  return describeImportError(err).replace(/^could not be imported: /, '');
}
