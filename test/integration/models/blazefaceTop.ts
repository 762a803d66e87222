// The single best BlazeFace detection, decoded as the manifest describes the
// outputs: anchors on a 16x16 grid (2 per cell) and an 8x8 grid (6 per cell).
export interface Detection {
  score: number;
  /** Box centre and size in pixels of the model input. */
  cx: number;
  cy: number;
  width: number;
  height: number;
}

const GRIDS = [
  { scores: 'scores_16x16', boxes: 'boxes_16x16', cells: 16, perCell: 2 },
  { scores: 'scores_8x8', boxes: 'boxes_8x8', cells: 8, perCell: 6 },
] as const;

export function topDetection(outputs: Record<string, Float32Array>, inputSize: number): Detection {
  let best: Detection | undefined;
  for (const grid of GRIDS) {
    const scores = outputs[grid.scores];
    const boxes = outputs[grid.boxes];
    if (!scores || !boxes) throw new Error(`Missing ${grid.scores} or ${grid.boxes}`);
    const stride = inputSize / grid.cells;
    scores.forEach((logit, i) => {
      const score = 1 / (1 + Math.exp(-logit));
      if (best && score <= best.score) return;
      const cell = Math.floor(i / grid.perCell);
      const ax = ((cell % grid.cells) + 0.5) * stride;
      const ay = (Math.floor(cell / grid.cells) + 0.5) * stride;
      const b = boxes.subarray(i * 16, i * 16 + 4);
      best = { score, cx: ax + (b[0] ?? 0), cy: ay + (b[1] ?? 0), width: b[2] ?? 0, height: b[3] ?? 0 };
    });
  }
  if (!best) throw new Error('No anchors');
  return best;
}
