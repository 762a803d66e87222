// Reading the per-frame table: one column as a series, by name, so the spotter
// does not depend on the column order (only on the names of frameColumns.ts).
import { ACTION_UNITS } from '../../src-shared/analysis/actionUnits.js';
import { EXPRESSION_CLASSES } from '../../src-shared/analysis/emotions.js';
import type { StoredColumn } from '../../src-shared/analysis/frameColumns.js';
import type { SpotInput } from './types.js';

/** The columns the spotter reads; the input must have every one. */
export const REQUIRED_COLUMNS: readonly StoredColumn[] = [
  'face',
  'face_w',
  'face_conf',
  'yaw',
  'pitch',
  'roll',
  ...EXPRESSION_CLASSES,
  ...ACTION_UNITS,
  'too_small',
  'turned_away',
  'eye_open_left',
  'eye_open_right',
  'mouth_open',
  'decode_issue',
];

export interface FrameTable {
  frames: number;
  /** The column as float64, NaN where there is no value. */
  column(name: StoredColumn): Float64Array;
}

export function frameTable(input: SpotInput): FrameTable {
  const width = input.columns.length;
  const missing = REQUIRED_COLUMNS.filter((c) => !input.columns.includes(c));
  if (missing.length > 0) throw new Error(`the per-frame data lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (input.values.length !== input.frames * width) {
    throw new Error(`values holds ${input.values.length} numbers; ${input.frames} frames × ${width} columns need ${input.frames * width}`);
  }
  const cache = new Map<StoredColumn, Float64Array>();
  return {
    frames: input.frames,
    column(name) {
      let series = cache.get(name);
      if (!series) {
        const c = input.columns.indexOf(name);
        if (c < 0) throw new Error(`the per-frame data lacks column ${name}`);
        series = new Float64Array(input.frames);
        for (let i = 0; i < input.frames; i++) series[i] = input.values[i * width + c] ?? Number.NaN;
        cache.set(name, series);
      }
      return series;
    },
  };
}
