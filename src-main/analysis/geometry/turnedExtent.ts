/**
 * The square that holds a set of landmarks, measured along a frame turned by
 * `angle` (radians; the face's own upright axes): its centre, back in frame
 * coordinates, and the larger of the two extents. Coordinates are taken
 * relative to a pivot near the points, which keeps the arithmetic precise.
 * Used for the mesh's crop (face stage) and the classifier's crop (expression stage).
 */
export function turnedExtentSquare(
  landmarks: Float32Array,
  count: number,
  angle: number,
  pivotX = 0,
  pivotY = 0,
): { cx: number; cy: number; side: number } {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (let i = 0; i < count; i++) {
    const dx = (landmarks[i * 3] ?? 0) - pivotX;
    const dy = (landmarks[i * 3 + 1] ?? 0) - pivotY;
    // Coordinates along the upright face's axes (rotate by −angle).
    const u = dx * c + dy * s;
    const v = -dx * s + dy * c;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  const mu = (minU + maxU) / 2;
  const mv = (minV + maxV) / 2;
  return { cx: pivotX + mu * c - mv * s, cy: pivotY + mu * s + mv * c, side: Math.max(maxU - minU, maxV - minV) };
}
