import { STORED_COLUMNS } from '../../src-shared/analysis/frameColumns.js';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { elapsedSeconds, nominalFrameRate } from '../../src-shared/time/index.js';
import { spotCandidates, type SpotParams } from './index.js';
import { spotOutput, type SpotOutput } from './spotOutput.js';

/**
 * Runs the spotter over one recording's stored rows, with time from its frame
 * table (elapsed seconds, so VFR recordings are timed exactly).
 */
export function spotRecording(table: FrameTable, values: Float32Array, landmarks: Int16Array, params?: Partial<SpotParams>): SpotOutput {
  const frames = table.ptsTicks.length;
  // A one-frame recording has no frame rate; nothing can rise and fall in it, so any rate will do.
  const fps = nominalFrameRate(table) ?? 25;
  const result = spotCandidates(
    { fps, frames, ptsSeconds: (f) => elapsedSeconds(table, f), columns: STORED_COLUMNS, values, landmarks },
    params,
  );
  return spotOutput(fps, frames, result.candidates, result.params, result.notes);
}
