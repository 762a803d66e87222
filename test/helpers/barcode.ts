/**
 * A frame-index barcode for test videos: every generated frame shows its own
 * index, so a test can tell exactly which frame a decoder or a seek returned.
 *
 * Layout (all derived from the frame width, so the writer and the reader agree
 * without any side channel):
 *
 *   block  = floor(width / 20) pixels (square blocks), at least 4
 *   band   = the top 4 * block rows: one block of margin, the bit row, the
 *            complement row, one block of margin
 *   bits   = 16 blocks centred horizontally (2 blocks of margin each side):
 *            row 1 holds the index MSB first (white = 1, black = 0),
 *            row 2 holds the complement of each bit, so a read can be checked.
 *
 * The rest of the frame is mid grey with a faint moving texture, so encoders
 * see real motion and code P/B frames as they would for camera footage. The
 * band itself stays flat grey around the blocks so the texture never bleeds
 * into the bits. Blocks are ≥ 8 px from 160 px wide up, large enough to survive
 * MPEG-2, MJPEG, H.264 and VP9 at ordinary quality; the reader samples only the
 * middle half of each block, away from ringing and chroma-subsampled edges.
 *
 * Pure functions, no I/O.
 */

export type BarcodePixelFormat = 'gray' | 'rgb24';

/** Number of bits (and blocks per row): frame indices 0 … 65535. */
export const BARCODE_BITS = 16;
/** The largest index a barcode can carry. */
export const BARCODE_MAX_INDEX = 2 ** BARCODE_BITS - 1;
/** Smallest frame width the layout supports (blocks of 4 px). */
export const BARCODE_MIN_WIDTH = 80;

const BACKGROUND = 128;
const WHITE = 255;
const BLACK = 0;

export interface BarcodeLayout {
  /** Side of one square block, in pixels. */
  block: number;
  /** x of the left edge of the first block. */
  left: number;
  /** y of the top edge of the bit row; the complement row follows directly below. */
  top: number;
  /** Height of the whole band (margins included): the texture starts below it. */
  bandHeight: number;
}

function channelsOf(pixelFormat: BarcodePixelFormat): number {
  return pixelFormat === 'gray' ? 1 : 3;
}

/** The geometry of the barcode for a frame of this size. Throws if the frame is too small. */
export function barcodeLayout(width: number, height: number): BarcodeLayout {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`frame size must be positive integers, got ${width}x${height}`);
  }
  if (width < BARCODE_MIN_WIDTH) {
    throw new RangeError(`a barcode frame must be at least ${BARCODE_MIN_WIDTH} px wide, got ${width}`);
  }
  const block = Math.floor(width / 20);
  const bandHeight = 4 * block;
  if (height < bandHeight) {
    throw new RangeError(`a ${width} px wide barcode frame must be at least ${bandHeight} px high, got ${height}`);
  }
  const left = Math.floor((width - BARCODE_BITS * block) / 2);
  return { block, left, top: block, bandHeight };
}

/**
 * Draws one frame showing `index` as a barcode. Returns `width * height` bytes
 * for 'gray', `width * height * 3` (R, G, B) for 'rgb24', rows top to bottom.
 */
export function drawBarcodeFrame(width: number, height: number, index: number, pixelFormat: BarcodePixelFormat): Uint8Array {
  if (!Number.isInteger(index) || index < 0 || index > BARCODE_MAX_INDEX) {
    throw new RangeError(`barcode index must be an integer in 0…${BARCODE_MAX_INDEX}, got ${index}`);
  }
  const layout = barcodeLayout(width, height);
  const channels = channelsOf(pixelFormat);
  const out = new Uint8Array(width * height * channels);

  // Background: flat grey in the band, a faint texture below it that moves with
  // the index (a drifting diagonal ramp and a small square crossing the frame).
  const squareSize = Math.max(4, layout.block * 2);
  const textureHeight = height - layout.bandHeight;
  const squareX = (index * 3) % Math.max(1, width - squareSize);
  const squareY = layout.bandHeight + ((index * 2) % Math.max(1, textureHeight - squareSize));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = BACKGROUND;
      let g = BACKGROUND;
      let b = BACKGROUND;
      if (y >= layout.bandHeight) {
        const ramp = ((x + y + index * 2) % 64) - 32; // -32 … 31
        const inSquare = x >= squareX && x < squareX + squareSize && y >= squareY && y < squareY + squareSize;
        const v = BACKGROUND + (ramp >> 1) + (inSquare ? 48 : 0);
        r = v;
        g = v;
        b = v;
        if (channels === 3) {
          // A little colour so RGB paths see more than grey.
          r = v + 20;
          b = v - 20;
        }
      }
      const o = (y * width + x) * channels;
      if (channels === 1) {
        out[o] = r;
      } else {
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
      }
    }
  }

  for (let bit = 0; bit < BARCODE_BITS; bit++) {
    const one = ((index >> (BARCODE_BITS - 1 - bit)) & 1) === 1;
    const x0 = layout.left + bit * layout.block;
    fillBlock(out, width, channels, x0, layout.top, layout.block, one ? WHITE : BLACK);
    fillBlock(out, width, channels, x0, layout.top + layout.block, layout.block, one ? BLACK : WHITE);
  }
  return out;
}

function fillBlock(out: Uint8Array, width: number, channels: number, x0: number, y0: number, size: number, value: number): void {
  for (let y = y0; y < y0 + size; y++) {
    out.fill(value, (y * width + x0) * channels, (y * width + x0 + size) * channels);
  }
}

/** Mean luminance-ish level (plain mean of the channels) of the middle half of a block. */
function sampleBlock(pixels: Uint8Array, width: number, channels: number, x0: number, y0: number, size: number): number {
  const half = Math.max(1, Math.floor(size / 4));
  const cx = x0 + Math.floor(size / 2);
  const cy = y0 + Math.floor(size / 2);
  let sum = 0;
  let count = 0;
  for (let y = cy - half; y < cy + half; y++) {
    for (let x = cx - half; x < cx + half; x++) {
      const o = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) sum += pixels[o + c] ?? 0;
      count += channels;
    }
  }
  return sum / count;
}

/**
 * Reads the index back from a decoded frame of the same size and layout as
 * drawBarcodeFrame draws (a frame as displayed, i.e. after any rotation).
 * Returns null unless every bit is confirmed by its complement: a blank, wrong
 * or badly damaged frame never reads as some index.
 */
export function readBarcode(pixels: Uint8Array, width: number, height: number, pixelFormat: BarcodePixelFormat): number | null {
  const channels = channelsOf(pixelFormat);
  if (pixels.length !== width * height * channels) {
    throw new RangeError(`expected ${width * height * channels} bytes for a ${width}x${height} ${pixelFormat} frame, got ${pixels.length}`);
  }
  const layout = barcodeLayout(width, height);
  const threshold = (WHITE + BLACK) / 2;
  let index = 0;
  for (let bit = 0; bit < BARCODE_BITS; bit++) {
    const x0 = layout.left + bit * layout.block;
    const value = sampleBlock(pixels, width, channels, x0, layout.top, layout.block) >= threshold;
    const complement = sampleBlock(pixels, width, channels, x0, layout.top + layout.block, layout.block) >= threshold;
    if (value === complement) return null;
    index = (index << 1) | (value ? 1 : 0);
  }
  return index;
}
