import { FRAME_COLUMNS, type FrameColumn } from '../../../src-shared/analysis/frameColumns.js';

/** Decimals per column: enough for the measurement, no false precision. */
function decimalsFor(column: FrameColumn): number | 'int' | 'pts' {
  if (
    column === 'frame' ||
    column === 'face' ||
    column === 'faces_seen' ||
    column === 'too_small' ||
    column === 'turned_away' ||
    column === 'blurred' ||
    column === 'decode_issue'
  )
    return 'int';
  if (column === 'pts_s') return 'pts';
  if (column.startsWith('face_') && column !== 'face_conf') return 1;
  if (column === 'yaw' || column === 'pitch' || column === 'roll' || column === 'sharpness') return 2;
  if (column.startsWith('au') || column.startsWith('eye_') || column === 'mouth_open') return 4;
  return 6;
}

const FORMATS = FRAME_COLUMNS.map(decimalsFor);

/**
 * Each value of a row as text: an empty string for "no value" (NaN), the exact
 * PTS text from the frame table for pts_s.
 */
export function formatRowValues(row: Float64Array, ptsText: string): string[] {
  const out = new Array<string>(FRAME_COLUMNS.length);
  for (let i = 0; i < FRAME_COLUMNS.length; i++) {
    const v = row[i]!;
    const format = FORMATS[i]!;
    if (format === 'pts') out[i] = ptsText;
    else if (Number.isNaN(v)) out[i] = '';
    else if (format === 'int') out[i] = String(Math.round(v));
    else out[i] = v.toFixed(format);
  }
  return out;
}
