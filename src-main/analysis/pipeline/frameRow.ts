import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { COLUMN_INDEX, FRAME_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import { LANDMARK_AXES, LANDMARK_QUANTUM, LANDMARK_SUBSET } from '../../../src-shared/analysis/landmarkSubset.js';
import type { ExpressionResult, FaceObservation } from '../types.js';

/**
 * Builds one per-frame row (in FRAME_COLUMNS order). `toSource` converts
 * analysis-frame pixels to displayed source pixels, so every exported geometry
 * refers to the recording as the analyst sees it.
 */
export function buildFrameRow(
  row: Float64Array,
  frame: number,
  ptsS: number,
  face: FaceObservation | null,
  expression: ExpressionResult | null,
  toSource: number,
  decodeIssue: boolean,
): Float64Array {
  row.fill(NaN);
  row[COLUMN_INDEX.frame] = frame;
  row[COLUMN_INDEX.pts_s] = ptsS;
  row[COLUMN_INDEX.face] = face ? 1 : 0;
  row[COLUMN_INDEX.decode_issue] = decodeIssue ? 1 : 0;
  if (!face) {
    row[COLUMN_INDEX.faces_seen] = 0;
    return row;
  }
  row[COLUMN_INDEX.face_x] = face.box.x * toSource;
  row[COLUMN_INDEX.face_y] = face.box.y * toSource;
  row[COLUMN_INDEX.face_w] = face.box.w * toSource;
  row[COLUMN_INDEX.face_h] = face.box.h * toSource;
  row[COLUMN_INDEX.face_conf] = face.confidence;
  row[COLUMN_INDEX.yaw] = face.pose.yaw;
  row[COLUMN_INDEX.pitch] = face.pose.pitch;
  row[COLUMN_INDEX.roll] = face.pose.roll;
  row[COLUMN_INDEX.faces_seen] = face.facesSeen;
  if (expression) {
    for (const c of EXPRESSION_CLASSES) row[COLUMN_INDEX[c]] = expression.scores[c];
    for (const au of ACTION_UNITS) row[COLUMN_INDEX[au]] = expression.aus[au];
    row[COLUMN_INDEX.too_small] = expression.quality.tooSmall ? 1 : 0;
    row[COLUMN_INDEX.turned_away] = expression.quality.turnedAway ? 1 : 0;
    row[COLUMN_INDEX.blurred] = expression.quality.blurred ? 1 : 0;
    row[COLUMN_INDEX.sharpness] = expression.quality.sharpness;
    row[COLUMN_INDEX.eye_open_left] = expression.eyeOpenLeft;
    row[COLUMN_INDEX.eye_open_right] = expression.eyeOpenRight;
    row[COLUMN_INDEX.mouth_open] = expression.mouthOpen;
  }
  return row;
}

export function newFrameRow(): Float64Array {
  return new Float64Array(FRAME_COLUMNS.length);
}

/** The stored landmark subset, x, y and z quantised to int16 quarter pixels of the source frame. */
export function quantiseLandmarks(out: Int16Array, face: FaceObservation | null, toSource: number): Int16Array {
  if (!face) {
    out.fill(-32768);
    return out;
  }
  LANDMARK_SUBSET.forEach((point, i) => {
    for (let axis = 0; axis < LANDMARK_AXES; axis++) {
      const v = Math.round(((face.landmarks[point * 3 + axis] ?? NaN) * toSource) / LANDMARK_QUANTUM);
      out[i * LANDMARK_AXES + axis] = Number.isFinite(v) ? Math.max(-32767, Math.min(32767, v)) : -32768;
    }
  });
  return out;
}
