/** The magnifier's zoom: an integer factor, or 'fit' (the largest that shows the whole face). */
export type MagnifierZoom = 'fit' | 1 | 2 | 3 | 4 | 6 | 8;
export const MAGNIFIER_ZOOMS: readonly MagnifierZoom[] = ['fit', 1, 2, 3, 4, 6, 8];

export interface PixelCrop {
  /** Top-left source pixel and size, in whole pixels of the picture. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Each source pixel becomes zoom × zoom pixels of the panel. */
  zoom: number;
}

/**
 * The square of picture pixels the magnifier shows: centred on the face box,
 * panel / zoom pixels wide, moved inside the picture where the face is near its
 * edge. 'fit' is the largest whole factor at which the face box fits the panel
 * (at least 1): a small face is enlarged, a large one shown 1:1.
 */
export function pixelCrop(
  face: { x: number; y: number; w: number; h: number },
  picture: { width: number; height: number },
  panel: number,
  zoom: MagnifierZoom,
): PixelCrop {
  const side = Math.max(face.w, face.h);
  const factor = zoom === 'fit' ? Math.max(1, Math.floor(panel / Math.max(1, side))) : zoom;
  const size = Math.ceil(panel / factor);
  const w = Math.min(size, picture.width);
  const h = Math.min(size, picture.height);
  const cx = face.x + face.w / 2;
  const cy = face.y + face.h / 2;
  const x = clamp(Math.round(cx - w / 2), 0, picture.width - w);
  const y = clamp(Math.round(cy - h / 2), 0, picture.height - h);
  return { x, y, w, h, zoom: factor };
}

/**
 * Nearest-neighbour enlargement by pixel repetition: panel pixel (i, j) is
 * source pixel (⌊i / zoom⌋, ⌊j / zoom⌋) of the crop, exactly (no smoothing, no
 * resampling), black beyond the crop. RGBA in and out.
 */
export function repeatPixels(source: Uint8ClampedArray, crop: PixelCrop, panel: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(panel * panel * 4);
  for (let j = 0; j < panel; j++) {
    const sy = Math.floor(j / crop.zoom);
    for (let i = 0; i < panel; i++) {
      const o = (j * panel + i) * 4;
      const sx = Math.floor(i / crop.zoom);
      if (sx >= crop.w || sy >= crop.h) {
        out[o + 3] = 255;
        continue;
      }
      const s = (sy * crop.w + sx) * 4;
      out[o] = source[s]!;
      out[o + 1] = source[s + 1]!;
      out[o + 2] = source[s + 2]!;
      out[o + 3] = 255;
    }
  }
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
