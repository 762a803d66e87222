import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { ptsSeconds } from '../../../src-shared/time/index.js';
import { LANDMARK_VALUES_PER_FRAME } from '../../../src-shared/analysis/landmarkSubset.js';
import { analysisSize } from '../decode/analysisSize.js';
import { decodeFrames } from '../decode/frameStream.js';
import type { ExpressionResult, ExpressionStage, FaceObservation, FaceStage } from '../types.js';
import { buildFrameRow, newFrameRow, quantiseLandmarks } from './frameRow.js';
import { isResumable, PIPELINE_STATE_VERSION, type PipelineState } from './resumeState.js';

export interface AnalysisInput {
  ffmpegPath: string;
  file: string;
  /** Displayed size of the recording (after rotation). */
  width: number;
  height: number;
  codec: string;
  table: FrameTable;
}

export interface AnalysisStages {
  face: FaceStage;
  expression: ExpressionStage;
}

/** Receives rows in frame order; the row and landmark buffers are reused after it returns. */
export type RowSink = (row: Float64Array, landmarks: Int16Array) => void | Promise<void>;

export interface AnalysisSummary {
  frames: number;
  faceFrames: number;
  /** Frames this run passed through the stages: all decoded ones, or those from the resume point on. */
  framesAnalysed: number;
  /** Set when this run went on from an interrupted one's stored rows: the first frame it analysed (reports show it). */
  resumedFromFrame?: number;
  /** Frames in the frame table that this decode did not produce (rows with face = 0 and decode_issue = 1). */
  missingFrames: number;
  framesWithDecodeIssues: number;
  decoderErrors: number;
  /** The first decoder messages, for the report. */
  decoderMessages: string[];
  analysisWidth: number;
  analysisHeight: number;
  elapsedMs: number;
}

export interface AnalysisOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Go on from a saved state (resumeState.ts): frames before `resume.frame` are
   * decoded again but neither analysed nor passed to the sink. The stages must be resumable.
   */
  resume?: PipelineState;
  /** Saves the carried state at frames `every`, 2·`every`, … (each before any later frame is analysed) for `keep`. */
  checkpoints?: { every: number; keep(frame: number, state: Promise<PipelineState>): void };
}

export class FrameSequenceError extends Error {}

/**
 * Frames whose expression is still being judged while the face stage goes on
 * with the next ones. The expression model runs on its own thread; a few frames
 * of slack let both threads stay busy through uneven frames (a detection frame
 * costs more). Rows still leave in frame order.
 */
const FRAMES_IN_FLIGHT = 3;

interface PendingRow {
  index: number;
  /** Gives the frame's ring slot back: once its expression is judged (the stage may read the pixels until then). */
  release: () => void;
  face: FaceObservation | null;
  decodeIssue: boolean;
  /** Settled, never rejected: a failure is carried as a value until the row's turn (no unhandled rejection meanwhile). */
  expression: Promise<{ ok: true; value: ExpressionResult | null } | { ok: false; error: unknown }>;
}

/**
 * Every frame of the frame table gets exactly one row, in order. Decoded frames
 * are matched to the table by their PTS: a frame the decoder did not produce
 * this time (damaged data) becomes a row with face = 0 and decode_issue = 1,
 * never a missing row; a frame the table does not know stops the analysis,
 * because then the recording is not the one that was indexed.
 *
 * A resumed analysis decodes from the first frame, not from a seek: the frames
 * it then analyses are the very pictures an uninterrupted decode gives, with the
 * same decode_issue marks and decoder error count (a seek would restart the
 * decoder at a key frame: exact for clean streams, but not for damaged ones,
 * whose errors and dropped frames depend on where decoding began). Decoding
 * costs a few percent of analysing (README, Analyse every frame).
 */
export async function analyzeFrames(
  input: AnalysisInput,
  stages: AnalysisStages,
  sink: RowSink,
  options: AnalysisOptions = {},
): Promise<AnalysisSummary> {
  const started = performance.now();
  const size = analysisSize(input.width, input.height);
  const toSource = input.width / size.width;
  const total = input.table.ptsTicks.length;
  const row = newFrameRow();
  const landmarks = new Int16Array(LANDMARK_VALUES_PER_FRAME);
  const summary: AnalysisSummary = {
    frames: total,
    faceFrames: 0,
    framesAnalysed: 0,
    missingFrames: 0,
    framesWithDecodeIssues: 0,
    decoderErrors: 0,
    decoderMessages: [],
    analysisWidth: size.width,
    analysisHeight: size.height,
    elapsedMs: 0,
  };
  let next = 0;
  const from = options.resume?.frame ?? 0;
  if (options.resume) summary.resumedFromFrame = from;
  const saved = savedStates(stages, summary, total, options);

  const pending: PendingRow[] = [];

  /** Writes the oldest pending row, once its expression is judged. */
  const emitOldest = async () => {
    const p = pending.shift()!;
    const settled = await p.expression;
    p.release();
    if (!settled.ok) throw settled.error;
    await sink(
      buildFrameRow(row, p.index, ptsSeconds(input.table, p.index), p.face, settled.value, toSource, p.decodeIssue),
      quantiseLandmarks(landmarks, p.face, toSource),
    );
  };

  const emitMissing = async (upTo: number) => {
    // Before the resume point their rows are stored already: counted, not written again.
    for (; next < Math.min(upTo, from); next++) {
      summary.missingFrames += 1;
      summary.framesWithDecodeIssues += 1;
    }
    if (next < upTo) while (pending.length > 0) await emitOldest();
    for (; next < upTo; next++) {
      summary.missingFrames += 1;
      summary.framesWithDecodeIssues += 1;
      await sink(
        buildFrameRow(row, next, ptsSeconds(input.table, next), null, null, toSource, true),
        quantiseLandmarks(landmarks, null, toSource),
      );
    }
  };

  try {
    for await (const decoded of decodeFrames({
      ffmpegPath: input.ffmpegPath,
      file: input.file,
      codec: input.codec,
      width: size.width,
      height: size.height,
      holdUntilReleased: true,
      ...(options.signal ? { signal: options.signal } : {}),
      onDecoderError: (message) => {
        summary.decoderErrors += 1;
        if (summary.decoderMessages.length < 20) summary.decoderMessages.push(message);
      },
    })) {
      const index = findFrame(input.table, decoded.ptsTicks, next);
      if (index === -1) {
        throw new FrameSequenceError(
          `the decoder produced a frame at PTS ${decoded.ptsTicks} that the frame table does not have (after frame ${next - 1}): ` +
            `the file is not the one that was indexed, or the ffmpeg in use decodes it differently; re-import it`,
        );
      }
      if (index < from) {
        await emitMissing(index);
        if (decoded.decodeIssue) summary.framesWithDecodeIssues += 1;
        next = index + 1;
        decoded.release!();
        continue;
      }
      // Taken before any row is written: a chunk's state is there by the time the chunk is.
      saved.upTo(index);
      await emitMissing(index);
      const frame = { index, width: decoded.width, height: decoded.height, data: decoded.data };
      const face = await stages.face.process(frame);
      // The expression stage may read the frame until its promise settles (types.ts): the slot is held until then.
      const expression = face ? stages.expression.process(frame, face) : Promise.resolve(null);
      pending.push({
        index,
        release: decoded.release!,
        face,
        decodeIssue: decoded.decodeIssue,
        expression: expression.then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
      });
      summary.framesAnalysed += 1;
      if (face) summary.faceFrames += 1;
      if (decoded.decodeIssue) summary.framesWithDecodeIssues += 1;
      next = index + 1;
      while (pending.length > FRAMES_IN_FLIGHT) await emitOldest();
      if (index % 50 === 0) options.onProgress?.(next, total);
    }
    saved.upTo(total - 1);
    while (pending.length > 0) await emitOldest();
  } finally {
    // On a failure, let the frames in flight settle before the caller closes the stages.
    await Promise.all(pending.map((p) => p.expression));
  }
  await emitMissing(total);
  options.onProgress?.(total, total);
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/**
 * Puts a resumed analysis's state back into the stages, then saves the state at
 * each checkpoint frame: `upTo(frame)` before `frame` is analysed saves every
 * checkpoint up to it not saved yet (the state then is that after every frame
 * before them: the frames between, if any, were not decoded).
 */
function savedStates(stages: AnalysisStages, summary: AnalysisSummary, total: number, options: AnalysisOptions) {
  const { resume, checkpoints } = options;
  // Stages that cannot save their state (test stand-ins) just save none.
  if (resume && !isResumable(stages))
    throw new Error('these analysis stages cannot restore a saved state: the analysis cannot be resumed with them');
  if (resume && isResumable(stages)) {
    stages.face.restore(resume.face);
    stages.expression.restore(resume.expression);
    summary.faceFrames = resume.faceFrames;
  }
  const every = checkpoints?.every ?? Infinity;
  let due = checkpoints ? (Math.floor((resume?.frame ?? 0) / every) + 1) * every : Infinity;
  return {
    upTo(frame: number): void {
      for (; due <= frame && due < total && isResumable(stages); due += every) {
        const at = due;
        const face = stages.face.snapshot();
        const faceFrames = summary.faceFrames;
        const state = stages.expression
          .snapshot()
          .then((expression): PipelineState => ({ version: PIPELINE_STATE_VERSION, frame: at, faceFrames, face, expression }));
        state.catch(() => undefined); // a failed stage fails the analysis through its rows
        checkpoints!.keep(at, state);
      }
    },
  };
}

/** The table index with this PTS, looking at the expected next index first. */
function findFrame(table: FrameTable, ptsTicks: number, expected: number): number {
  if (table.ptsTicks[expected] === ptsTicks) return expected;
  let lo = expected;
  let hi = table.ptsTicks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = table.ptsTicks[mid]!;
    if (v === ptsTicks) return mid;
    if (v < ptsTicks) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
