/**
 * Action-unit evidence measured from landmark geometry. Each value is the
 * departure from the subject's own neutral baseline, in units of the
 * inter-ocular distance (so it does not depend on face size), signed so that
 * positive means "more of this action". Names follow FACS numbering.
 */
export const ACTION_UNITS = [
  'au01_02', // inner + outer brow raiser
  'au04', // brow lowerer
  'au05', // upper lid raiser (eyes widen)
  'au06_12', // cheek raiser + lip corner puller (both sides)
  'au07', // lid tightener
  'au09', // nose wrinkler
  'au12_14_left', // unilateral lip corner raise/tighten, subject's left
  'au12_14_right', // unilateral lip corner raise/tighten, subject's right
  'au15', // lip corner depressor
  'au20', // lip stretcher
  'au26', // jaw drop
] as const;
export type ActionUnit = (typeof ACTION_UNITS)[number];
export type ActionUnitEvidence = Record<ActionUnit, number>;
