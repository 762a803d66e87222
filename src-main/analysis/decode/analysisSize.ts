/**
 * The size frames are decoded to for analysis. Up to 1280 px on the long side
 * the displayed size is kept (scaling costs more than it saves, and faces keep
 * their detail); larger frames are scaled down to 1280 on the long side.
 * Even dimensions are not needed: frames are rgb24.
 */
export const MAX_ANALYSIS_SIDE = 1280;

/** Displayed source pixels per analysis-frame pixel. */
export function sourcePixelsPerFramePixel(width: number, height: number): number {
  return width / analysisSize(width, height).width;
}

export function analysisSize(
  width: number,
  height: number,
  maxSide = MAX_ANALYSIS_SIDE,
): { width: number; height: number; scaled: boolean } {
  const longSide = Math.max(width, height);
  if (longSide <= maxSide) return { width, height, scaled: false };
  const factor = maxSide / longSide;
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)), scaled: true };
}
