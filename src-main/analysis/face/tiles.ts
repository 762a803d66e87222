// Overlapping tiles for a second detection pass on large frames. Letterboxed
// whole into 256x256, a frame of long side L shrinks L/256 times and a small
// face shrinks below what BlazeFace finds; each tile is shrunk about 40% less.
//
// Rule: only when L >= 2 x 256 (the whole-frame pass shrinks at least 2x). Tiles
// are squares of side S = max(256, 0.6 L), clipped to the frame; along each axis
// they are spread evenly from edge to edge, as few as keep neighbours
// overlapping by at least 0.2 S, so any face smaller than 0.2 S lies whole in one
// tile. A 640x480 frame gets 2x2 tiles of 384; 1920x1080 gets 2 tiles of 1152x1080.
import type { Rect } from './affine.js';

export const TILE_MIN_LONG_SIDE_FACTOR = 2;
export const TILE_SIDE_FRACTION = 0.6;
export const TILE_MIN_OVERLAP = 0.2;

function starts(length: number, side: number): number[] {
  if (length <= side) return [0];
  const n = Math.ceil((length - side) / ((1 - TILE_MIN_OVERLAP) * side)) + 1;
  return Array.from({ length: n }, (_, i) => Math.round(((length - side) * i) / (n - 1)));
}

/** The tiles of a width x height frame for a detector of the given input size; [] when the frame is small enough. */
export function tileRects(width: number, height: number, inputSize: number): Rect[] {
  const long = Math.max(width, height);
  if (long < TILE_MIN_LONG_SIDE_FACTOR * inputSize) return [];
  const side = Math.max(inputSize, Math.round(TILE_SIDE_FRACTION * long));
  const w = Math.min(side, width);
  const h = Math.min(side, height);
  const rects: Rect[] = [];
  for (const y of starts(height, h)) for (const x of starts(width, w)) rects.push({ x, y, w, h });
  return rects;
}
