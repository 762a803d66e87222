// Turns BlazeFace's raw outputs into detections. Per anchor the model gives a
// logit and 16 numbers: box centre offset (x, y) from the anchor centre, box width
// and height, then 6 keypoints as offsets from the anchor centre, all in input pixels.
import { KEYPOINT_COUNT, type Detection, type Point } from './detection.js';

export const VALUES_PER_ANCHOR = 4 + 2 * KEYPOINT_COUNT;

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** The logit at which sigmoid reaches p: comparing logits avoids an exp per anchor. */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * Detections of every anchor whose score reaches minScore.
 * `scores` and `boxes` are the per-grid outputs in anchor order (16x16 first);
 * `anchors` the interleaved centres of anchorCentres().
 */
export function decodeDetections(
  scores: readonly Float32Array[],
  boxes: readonly Float32Array[],
  anchors: Float32Array,
  minScore: number,
): Detection[] {
  if (scores.length !== boxes.length) throw new Error(`decodeDetections: ${scores.length} score outputs but ${boxes.length} box outputs`);
  const threshold = logit(minScore);
  const found: Detection[] = [];
  let anchor = 0;
  for (let g = 0; g < scores.length; g++) {
    const s = scores[g] as Float32Array;
    const b = boxes[g] as Float32Array;
    if (b.length !== s.length * VALUES_PER_ANCHOR)
      throw new Error(`decodeDetections: grid ${g} has ${s.length} scores but ${b.length} box values`);
    for (let i = 0; i < s.length; i++, anchor++) {
      const raw = s[i] as number;
      if (!(raw >= threshold)) continue;
      const ax = anchors[2 * anchor] as number;
      const ay = anchors[2 * anchor + 1] as number;
      const o = i * VALUES_PER_ANCHOR;
      const w = b[o + 2] as number;
      const h = b[o + 3] as number;
      const keypoints: Point[] = [];
      for (let k = 0; k < KEYPOINT_COUNT; k++)
        keypoints.push({ x: ax + (b[o + 4 + 2 * k] as number), y: ay + (b[o + 5 + 2 * k] as number) });
      found.push({
        box: { x: ax + (b[o] as number) - w / 2, y: ay + (b[o + 1] as number) - h / 2, w, h },
        score: sigmoid(raw),
        keypoints,
      });
    }
  }
  if (anchor * 2 !== anchors.length) throw new Error(`decodeDetections: outputs cover ${anchor} anchors, ${anchors.length / 2} expected`);
  return found;
}
