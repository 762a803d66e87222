// Which face is the subject. An interview recording follows one person; when
// several faces are in view the stage must not hop between them.
//
// Rule:
// - With no subject yet (first detection, or the track was lost and nothing
//   overlaps where it was), the largest face: faces at least LARGE_ENOUGH of the
//   largest one's area count as equally large, and among those the one whose
//   centre is nearest the frame centre wins (the interviewee framed in the middle).
// - While a subject is tracked, or just after it was lost, the detection
//   overlapping its last box most (IoU), if that overlap reaches minIou.
import type { Box } from '../types.js';
import type { Detection } from './detection.js';
import { boxArea, iou } from './iou.js';

export const LARGE_ENOUGH = 0.8;
/** IoU with the subject's last box for a detection to be the same person. */
export const SAME_SUBJECT_IOU = 0.3;

function centreDistance(box: Box, width: number, height: number): number {
  return Math.hypot(box.x + box.w / 2 - width / 2, box.y + box.h / 2 - height / 2);
}

/** The subject among fresh detections of a width x height frame; undefined when there are none. */
export function chooseNewSubject(detections: readonly Detection[], width: number, height: number): Detection | undefined {
  let largest = 0;
  for (const d of detections) largest = Math.max(largest, boxArea(d.box));
  let best: Detection | undefined;
  let bestDistance = Infinity;
  for (const d of detections) {
    if (boxArea(d.box) < LARGE_ENOUGH * largest) continue;
    const distance = centreDistance(d.box, width, height);
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

/** The detection that continues the subject last seen at `last`, if any overlaps it enough. */
export function matchSubject(detections: readonly Detection[], last: Box, minIou = SAME_SUBJECT_IOU): Detection | undefined {
  let best: Detection | undefined;
  let bestIou = minIou;
  for (const d of detections) {
    const overlap = iou(d.box, last);
    if (overlap >= bestIou) {
      best = d;
      bestIou = overlap;
    }
  }
  return best;
}
