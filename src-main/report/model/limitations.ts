/**
 * What a reader of the report must know before relying on it. Shown in every
 * human-readable format and carried in the JSON, word for word.
 */
export const LIMITATIONS: readonly string[] = [
  'Micro expressions reveal emotion, not deception. They are brief involuntary facial expressions that show an emotion was felt, ' +
    'not why it was felt nor what the person believes: they are not a sign of lying, ' +
    'and this report does not and cannot say whether anyone told the truth.',
  "Every flagged event needs a human's confirmation. The software proposes candidate intervals; " +
    'only the events an analyst accepted are findings of this report. ' +
    'Candidates not reviewed, and pending annotations, have not been decided: they are neither findings nor rejections. ' +
    'Rejected ones were reviewed and judged not to be expressions of the emotion named.',
  'The expression classifier (FER2013 mini-Xception) was trained on posed, single-frame, low-resolution faces. ' +
    'On calm talking it often leans to sadness or neutral, and it is less reliable on spontaneous and brief expressions, ' +
    'on faces turned more than about 30 degrees, small (under 40 pixels wide), ' +
    'blurred or partly hidden faces, and on faces unlike those it was trained on. ' +
    'Its probabilities are scores of that model, not measured likelihoods of a felt emotion.',
  'Contempt is not a trained class: it is measured from geometry (a one-sided lip-corner raise or tightening), and head rotation can imitate it.',
  "The spotter finds departures of facial movement from the person's own recent baseline. " +
    'It suppresses blinks, head turns and speech-like mouth movement, and in doing so can also miss real expressions; ' +
    'it cannot see what the camera did not record, between frames or out of frame.',
  'Times come from the frame table: the presentation time ffmpeg decoded for every frame of the original. ' +
    'Frame numbers count from 0 and are the identity of each moment; timecodes and clock times are derived from them. ' +
    'Face images are single decoded frames of the original, enlarged by pixel repetition (no smoothing, no detail added).',
];
