// Weighted non-maximum suppression, as MediaPipe runs it after BlazeFace:
// neighbouring anchors fire on the same face, and averaging their boxes and
// keypoints (weighted by score) gives a steadier box than keeping only the best one.
import type { Detection, Point } from './detection.js';
import { iou } from './iou.js';

/**
 * Takes the best remaining detection, gathers every remaining one overlapping it
 * by more than iouThreshold (itself included), and replaces the group by its
 * score-weighted average with the best score. Result sorted by score, descending.
 */
export function weightedNms(detections: readonly Detection[], iouThreshold: number): Detection[] {
  let remaining = [...detections].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  while (remaining.length > 0) {
    const best = remaining[0] as Detection;
    const group: Detection[] = [];
    const rest: Detection[] = [];
    for (const d of remaining) (d === best || iou(best.box, d.box) > iouThreshold ? group : rest).push(d);
    kept.push(group.length === 1 ? best : weightedAverage(group, best.score));
    remaining = rest;
  }
  return kept;
}

function weightedAverage(group: readonly Detection[], score: number): Detection {
  let total = 0;
  let x = 0;
  let y = 0;
  let w = 0;
  let h = 0;
  const first = group[0] as Detection;
  const keypoints: Point[] = first.keypoints.map(() => ({ x: 0, y: 0 }));
  for (const d of group) {
    total += d.score;
    x += d.score * d.box.x;
    y += d.score * d.box.y;
    w += d.score * d.box.w;
    h += d.score * d.box.h;
    d.keypoints.forEach((p, k) => {
      const sum = keypoints[k];
      if (!sum) return;
      sum.x += d.score * p.x;
      sum.y += d.score * p.y;
    });
  }
  return {
    box: { x: x / total, y: y / total, w: w / total, h: h / total },
    score,
    keypoints: keypoints.map((p) => ({ x: p.x / total, y: p.y / total })),
  };
}
