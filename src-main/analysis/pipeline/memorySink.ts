import { STORED_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import { LANDMARK_VALUES_PER_FRAME } from '../../../src-shared/analysis/landmarkSubset.js';

/**
 * Keeps every row of one analysis in memory, in the stored layout (float32
 * values without frame and pts_s, int16 landmarks): for commands that analyse a
 * file without a case store, then work on the whole series (the spotter).
 * A three-hour recording at 30 fps takes about 100 MB.
 */
export function memorySink(frames: number) {
  const width = STORED_COLUMNS.length;
  const points = LANDMARK_VALUES_PER_FRAME;
  const values = new Float32Array(frames * width).fill(NaN);
  const landmarks = new Int16Array(frames * points).fill(-32768);
  return {
    values,
    landmarks,
    write(row: Float64Array, rowLandmarks: Int16Array): void {
      const frame = row[0]!;
      for (let c = 0; c < width; c++) values[frame * width + c] = row[c + 2]!;
      landmarks.set(rowLandmarks, frame * points);
    },
  };
}
