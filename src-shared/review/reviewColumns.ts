import { ACTION_UNITS } from '../analysis/actionUnits.js';
import { EXPRESSION_CLASSES } from '../analysis/emotions.js';

/**
 * The per-frame columns the review window draws and uses: the eight class
 * probabilities and the action-unit traces (timeline curves), and the subject's
 * face box (the magnifier). A subset of the stored analysis columns.
 */
export const CURVE_COLUMNS = [...EXPRESSION_CLASSES, ...ACTION_UNITS] as const;
export const FACE_BOX_COLUMNS = ['face_x', 'face_y', 'face_w', 'face_h'] as const;
export const REVIEW_COLUMNS = [...CURVE_COLUMNS, ...FACE_BOX_COLUMNS] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
