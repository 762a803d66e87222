import { ACTION_UNITS } from './actionUnits.js';
import { EXPRESSION_CLASSES } from './emotions.js';

/**
 * The per-frame record, one row per decoded frame, in the order of every export.
 * Like OpenFace's output: identity and time first, then success and confidence,
 * then the features, so it loads in any tool and compares with hand coding.
 *
 * Geometry is in pixels of the displayed (rotated) source frame. A frame
 * without a face has face = 0 and no value (NaN internally, an empty CSV cell)
 * in the face-dependent columns.
 */
export const FRAME_COLUMNS = [
  'frame',
  'pts_s',
  'face',
  'face_x',
  'face_y',
  'face_w',
  'face_h',
  'face_conf',
  'yaw',
  'pitch',
  'roll',
  ...EXPRESSION_CLASSES,
  ...ACTION_UNITS,
  'faces_seen',
  'too_small',
  'turned_away',
  'blurred',
  'sharpness',
  'eye_open_left',
  'eye_open_right',
  'mouth_open',
  'decode_issue',
] as const;
export type FrameColumn = (typeof FRAME_COLUMNS)[number];

/** The columns stored per frame (frame and pts_s come from the frame table). */
export const STORED_COLUMNS = FRAME_COLUMNS.slice(2) as readonly Exclude<FrameColumn, 'frame' | 'pts_s'>[];
export type StoredColumn = (typeof STORED_COLUMNS)[number];

export const COLUMN_INDEX: Record<FrameColumn, number> = Object.fromEntries(FRAME_COLUMNS.map((c, i) => [c, i])) as Record<
  FrameColumn,
  number
>;
export const STORED_INDEX: Record<StoredColumn, number> = Object.fromEntries(STORED_COLUMNS.map((c, i) => [c, i])) as Record<
  StoredColumn,
  number
>;
