import { STORED_COLUMNS, STORED_INDEX } from '../../../src-shared/analysis/frameColumns.js';
import { readAnalysisValues } from '../../store/analysesRepo.js';
import type { Db } from '../../store/openStore.js';
import { CURVE_EMOTIONS } from '../model/reportModel.js';
import type { EmotionValues } from '../model/curves.js';

const READ_FRAMES = 16_384;

/** The seven emotion probabilities of every frame of an analysis (frames × 7), read a slice of chunks at a time. */
export function readEmotionValues(db: Db, analysisId: number, frames: number): EmotionValues {
  const width = CURVE_EMOTIONS.length;
  const values = new Float32Array(frames * width);
  const columns = CURVE_EMOTIONS.map((e) => STORED_INDEX[e]);
  for (let from = 0; from < frames; from += READ_FRAMES) {
    const count = Math.min(READ_FRAMES, frames - from);
    const slice = readAnalysisValues(db, analysisId, from, count);
    for (let f = 0; f < count; f++) {
      for (let c = 0; c < width; c++) values[(from + f) * width + c] = slice[f * STORED_COLUMNS.length + (columns[c] as number)] as number;
    }
  }
  return { frames, values };
}
