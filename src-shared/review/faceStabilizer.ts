/**
 * The magnifier's crop: a square around the subject's face, steadied over
 * neighbouring frames so the enlarged view does not jitter with the detector's
 * frame-to-frame noise. The median of the box centres and sizes over ±radius
 * frames; frames without a face are skipped. Pure.
 */
import { medianInPlace } from '../math/median.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** boxOf(f): the face box of frame f in source pixels, or null. */
export function stabilisedCrop(frame: number, boxOf: (f: number) => Box | null, radius: number, margin = 1.6): Box | null {
  const cx: number[] = [];
  const cy: number[] = [];
  const size: number[] = [];
  for (let f = frame - radius; f <= frame + radius; f++) {
    const b = boxOf(f);
    if (!b || !(b.w > 0) || !(b.h > 0)) continue;
    cx.push(b.x + b.w / 2);
    cy.push(b.y + b.h / 2);
    size.push(Math.max(b.w, b.h));
  }
  if (size.length === 0) return null;
  const side = median(size) * margin;
  return { x: median(cx) - side / 2, y: median(cy) - side / 2, w: side, h: side };
}

function median(values: number[]): number {
  return medianInPlace(Float64Array.from(values), values.length);
}
