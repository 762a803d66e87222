import { STORED_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import { LANDMARK_SUBSET } from '../../../src-shared/analysis/landmarkSubset.js';
import type { Db } from '../../store/openStore.js';
import { CHUNK_FRAMES, insertChunk } from '../../store/analysesRepo.js';

/**
 * Collects rows into chunks of CHUNK_FRAMES frames and writes each full chunk
 * in its own transaction, so a long analysis holds one chunk in memory and a
 * crash loses at most the chunk in progress.
 */
export function chunkedStoreSink(db: Db, analysisId: number) {
  const width = STORED_COLUMNS.length;
  const points = LANDMARK_SUBSET.length * 2;
  const values = new Float32Array(CHUNK_FRAMES * width);
  const landmarks = new Int16Array(CHUNK_FRAMES * points);
  let inChunk = 0;
  let chunkIndex = 0;
  const flush = () => {
    if (inChunk === 0) return;
    db.transaction(() => insertChunk(db, analysisId, chunkIndex, chunkIndex * CHUNK_FRAMES, inChunk, values.subarray(0, inChunk * width), landmarks.subarray(0, inChunk * points)))();
    chunkIndex += 1;
    inChunk = 0;
  };
  return {
    write(row: Float64Array, rowLandmarks: Int16Array): void {
      // The stored columns are the row without frame and pts_s (the first two).
      for (let c = 0; c < width; c++) values[inChunk * width + c] = row[c + 2]!;
      landmarks.set(rowLandmarks, inChunk * points);
      inChunk += 1;
      if (inChunk === CHUNK_FRAMES) flush();
    },
    flush,
  };
}
