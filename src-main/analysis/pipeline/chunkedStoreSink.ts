import { STORED_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import { LANDMARK_VALUES_PER_FRAME } from '../../../src-shared/analysis/landmarkSubset.js';
import type { Db } from '../../store/openStore.js';
import { CHUNK_FRAMES, deleteResumePoint, insertChunk, putResumePoint } from '../../store/analysesRepo.js';

/** One full (or, at the end, the last partial) chunk of consecutive frames' stored values and landmarks. */
export interface AnalysisChunk {
  chunkIndex: number;
  firstFrame: number;
  frameCount: number;
  values: Float32Array;
  landmarks: Int16Array;
  /** The pipeline's state after the chunk's last frame (resumeState.ts), to resume from if the analysis is interrupted. */
  resumeState?: Uint8Array;
}

/**
 * Collects rows into chunks of CHUNK_FRAMES frames and hands each full chunk to
 * `onChunk` (awaited, so a slow writer holds the analysis back instead of rows
 * piling up). The arrays handed over are fresh copies the receiver may keep or
 * transfer to another thread.
 */
export function chunkingSink(
  onChunk: (chunk: AnalysisChunk) => void | Promise<void>,
  start: { chunkIndex: number; firstFrame: number } = { chunkIndex: 0, firstFrame: 0 },
) {
  const width = STORED_COLUMNS.length;
  const points = LANDMARK_VALUES_PER_FRAME;
  const values = new Float32Array(CHUNK_FRAMES * width);
  const landmarks = new Int16Array(CHUNK_FRAMES * points);
  let inChunk = 0;
  let { chunkIndex, firstFrame } = start;
  const flush = () => {
    if (inChunk === 0) return;
    const chunk = {
      chunkIndex,
      firstFrame,
      frameCount: inChunk,
      values: values.slice(0, inChunk * width),
      landmarks: landmarks.slice(0, inChunk * points),
    };
    chunkIndex += 1;
    firstFrame += inChunk;
    inChunk = 0;
    return onChunk(chunk);
  };
  return {
    write(row: Float64Array, rowLandmarks: Int16Array): void | Promise<void> {
      // The stored columns are the row without frame and pts_s (the first two).
      for (let c = 0; c < width; c++) values[inChunk * width + c] = row[c + 2]!;
      landmarks.set(rowLandmarks, inChunk * points);
      inChunk += 1;
      if (inChunk === CHUNK_FRAMES) return flush();
    },
    flush,
  };
}

/**
 * Writes each chunk in its own transaction, so a long analysis holds one chunk
 * in memory and a crash loses at most the chunk in progress.
 */
export function chunkedStoreSink(db: Db, analysisId: number) {
  const sink = chunkingSink((c) => writeChunk(db, analysisId, c));
  return { write: (row: Float64Array, rowLandmarks: Int16Array) => void sink.write(row, rowLandmarks), flush: () => void sink.flush() };
}

/** The chunk and the state to resume after it, together or not at all. */
export function writeChunk(db: Db, analysisId: number, c: AnalysisChunk): void {
  db.transaction(() => {
    insertChunk(db, analysisId, c.chunkIndex, c.firstFrame, c.frameCount, c.values, c.landmarks);
    if (c.resumeState) putResumePoint(db, analysisId, c.firstFrame + c.frameCount, c.resumeState);
    else deleteResumePoint(db, analysisId);
  }).immediate();
}
