// The axis-aligned box around a set of points (x, y, z triples): the
// observation's box, and where the subject was last seen.
import type { Box } from '../types.js';

export function tightBox(points: Float32Array): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 3) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX > maxX) throw new Error('tightBox: no points');
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}
