// A fixed mapping from a BlazeFace box to a dlib-style hand-drawn box (roughly
// eyebrows to chin, where BlazeFace's box is a little smaller): the centre moved
// down by dy detector-box widths and the side scaled by s. No sideways shift:
// faces turn either way, so one would only fit the training photos' poses.
// Fitted as medians over matched pairs, so a few odd boxes do not pull it.
import type { Box } from '../../../src-main/analysis/types.js';

export interface BoxMapping {
  dy: number;
  s: number;
}

export const IDENTITY_MAPPING: BoxMapping = { dy: 0, s: 1 };

export function applyMapping(m: BoxMapping, b: Box): Box {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2 + m.dy * b.w;
  const w = b.w * m.s;
  const h = b.h * m.s;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Fits the mapping on (detector box, hand-drawn box) pairs. */
export function fitMapping(pairs: readonly { detected: Box; truth: Box }[]): BoxMapping {
  if (pairs.length === 0) throw new Error('fitMapping: no pairs');
  return {
    dy: median(pairs.map(({ detected: d, truth: t }) => (t.y + t.h / 2 - (d.y + d.h / 2)) / d.w)),
    s: median(pairs.map(({ detected: d, truth: t }) => Math.sqrt((t.w * t.h) / (d.w * d.h)))),
  };
}
