import { describe, expect, it } from 'vitest';
import { BARCODE_MAX_INDEX, barcodeLayout, drawBarcodeFrame, readBarcode, type BarcodePixelFormat } from '../helpers/barcode.js';

const SIZES: Array<[number, number]> = [
  [80, 16],
  [160, 120],
  [161, 121],
  [240, 320],
  [320, 240],
  [323, 241],
  [641, 359],
  [1920, 1080],
];
const INDICES = [0, 1, 2, 3, 127, 128, 255, 256, 1000, 4095, 21845, 43690, 65534, BARCODE_MAX_INDEX];
const FORMATS: BarcodePixelFormat[] = ['gray', 'rgb24'];

/** A deterministic pseudo-random generator (xorshift32), so failures reproduce. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function toGray(rgb: Uint8Array): Uint8Array {
  const gray = new Uint8Array(rgb.length / 3);
  for (let i = 0; i < gray.length; i++) {
    gray[i] = Math.round(((rgb[i * 3] ?? 0) + (rgb[i * 3 + 1] ?? 0) + (rgb[i * 3 + 2] ?? 0)) / 3);
  }
  return gray;
}

describe('barcode', () => {
  for (const format of FORMATS) {
    for (const [w, h] of SIZES) {
      it(`round-trips every tested index at ${w}x${h} ${format}`, () => {
        for (const index of INDICES) {
          const frame = drawBarcodeFrame(w, h, index, format);
          expect(frame.length).toBe(w * h * (format === 'gray' ? 1 : 3));
          expect(readBarcode(frame, w, h, format)).toBe(index);
        }
      });
    }
  }

  it('round-trips every index 0…2999 at the smallest fixture size', () => {
    for (let index = 0; index < 3000; index++) {
      expect(readBarcode(drawBarcodeFrame(160, 120, index, 'gray'), 160, 120, 'gray')).toBe(index);
    }
  });

  it('reads an RGB frame after conversion to gray, as decoders deliver it', () => {
    const rgb = drawBarcodeFrame(161, 121, 12345, 'rgb24');
    expect(readBarcode(toGray(rgb), 161, 121, 'gray')).toBe(12345);
  });

  it('survives strong noise and a contrast squeeze (lossy codec, limited range)', () => {
    const random = xorshift(42);
    for (const index of [0, 777, 40000, BARCODE_MAX_INDEX]) {
      const frame = drawBarcodeFrame(161, 121, index, 'gray');
      const damaged = frame.map((v) => {
        const squeezed = 16 + (v * 219) / 255; // full range → video range
        return Math.max(0, Math.min(255, Math.round(squeezed + (random() - 0.5) * 80)));
      });
      expect(readBarcode(damaged, 161, 121, 'gray')).toBe(index);
    }
  });

  it('reads null, never some index, from frames without a barcode', () => {
    for (const [w, h] of [
      [160, 120],
      [323, 241],
    ] as const) {
      for (const level of [0, 127, 128, 255]) {
        expect(readBarcode(new Uint8Array(w * h).fill(level), w, h, 'gray')).toBeNull();
        expect(readBarcode(new Uint8Array(w * h * 3).fill(level), w, h, 'rgb24')).toBeNull();
      }
      const random = xorshift(7);
      for (let trial = 0; trial < 50; trial++) {
        const noise = new Uint8Array(w * h).map(() => Math.floor(random() * 256));
        // Random noise passes the complement check with probability ~2^-16 per
        // frame; the sampled patch means are near 128, so in practice never.
        expect(readBarcode(noise, w, h, 'gray')).toBeNull();
      }
    }
  });

  it('reads null when a single bit contradicts its complement', () => {
    const w = 320;
    const h = 240;
    const frame = drawBarcodeFrame(w, h, 0b1010_0000_0000_0001, 'gray');
    const { block, left, top } = barcodeLayout(w, h);
    // Paint bit 3's complement block the same colour as the bit itself (black).
    for (let y = top + block; y < top + 2 * block; y++) frame.fill(0, y * w + left + 3 * block, y * w + left + 4 * block);
    expect(readBarcode(frame, w, h, 'gray')).toBeNull();
  });

  it('reads null from a frame turned upside down or read at the wrong width', () => {
    const w = 240;
    const h = 320;
    const frame = drawBarcodeFrame(w, h, 4242, 'gray');
    expect(readBarcode(frame.slice().reverse(), w, h, 'gray')).toBeNull();
    // The same bytes taken as a 320x240 frame (rotation not applied).
    expect(readBarcode(frame, h, w, 'gray')).toBeNull();
  });

  it('keeps margins: blocks stay inside the frame with at least one block of border', () => {
    for (const [w, h] of SIZES) {
      const { block, left, top, bandHeight } = barcodeLayout(w, h);
      expect(block).toBeGreaterThanOrEqual(4);
      expect(left).toBeGreaterThanOrEqual(2 * block);
      expect(w - (left + 16 * block)).toBeGreaterThanOrEqual(2 * block);
      expect(top).toBe(block);
      expect(bandHeight).toBeLessThanOrEqual(h);
    }
    expect(barcodeLayout(160, 120).block).toBe(8);
  });

  it('rejects indices, sizes and buffers it cannot handle', () => {
    expect(() => drawBarcodeFrame(320, 240, -1, 'gray')).toThrow(RangeError);
    expect(() => drawBarcodeFrame(320, 240, BARCODE_MAX_INDEX + 1, 'gray')).toThrow(RangeError);
    expect(() => drawBarcodeFrame(320, 240, 1.5, 'gray')).toThrow(RangeError);
    expect(() => drawBarcodeFrame(79, 240, 0, 'gray')).toThrow(RangeError);
    expect(() => drawBarcodeFrame(320, 63, 0, 'gray')).toThrow(RangeError);
    expect(() => readBarcode(new Uint8Array(10), 320, 240, 'gray')).toThrow(RangeError);
    expect(() => readBarcode(new Uint8Array(320 * 240), 320, 240, 'rgb24')).toThrow(RangeError);
  });
});
