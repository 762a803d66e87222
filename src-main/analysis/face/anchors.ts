// BlazeFace anchor centres (the 256x256 back-camera model, as the manifest
// describes its outputs): a 16x16 grid with 2 anchors per cell, then an 8x8 grid
// with 6 per cell, cells in row-major order. Every anchor has unit size, so only
// its centre matters.

export interface AnchorGrid {
  cells: number;
  perCell: number;
}

export const BLAZEFACE_GRIDS: readonly AnchorGrid[] = [
  { cells: 16, perCell: 2 },
  { cells: 8, perCell: 6 },
];

/** Number of anchors of a grid layout (896 for BlazeFace: 512 + 384). */
export function anchorCount(grids: readonly AnchorGrid[] = BLAZEFACE_GRIDS): number {
  return grids.reduce((n, g) => n + g.cells * g.cells * g.perCell, 0);
}

/** Anchor centres in input pixels, interleaved x, y, in output order. */
export function anchorCentres(inputSize: number, grids: readonly AnchorGrid[] = BLAZEFACE_GRIDS): Float32Array {
  const out = new Float32Array(anchorCount(grids) * 2);
  let i = 0;
  for (const { cells, perCell } of grids) {
    const stride = inputSize / cells;
    for (let y = 0; y < cells; y++) {
      for (let x = 0; x < cells; x++) {
        for (let k = 0; k < perCell; k++) {
          out[i++] = (x + 0.5) * stride;
          out[i++] = (y + 0.5) * stride;
        }
      }
    }
  }
  return out;
}
