import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketEdges, packColor, paintBars, type BarSeries } from '../../../src-renderer/review/timeline/paintBars.js';
import { bytesFromBase64, bytesFromBase64Portable, float32FromBase64 } from '../../../src-renderer/review/data/base64.js';

const GREY = packColor('#8a939c');
/** A score curve over a canvas of `height` pixels: value 1 at the top row, 0 at the bottom. */
const score = (column: number, color: string, height: number): BarSeries => ({
  column,
  color,
  y0: height,
  yPerUnit: -height,
  lowest: -Infinity,
  highest: Infinity,
});

/** A score of a frame, or NaN where there was no face. */
const scoreOrGap = fc.oneof(fc.constant(NaN), fc.float({ min: 0, max: 1, noNaN: true }));

/** The rows painted in pixel column x, as [first, last] or null. */
function paintedRows(pixels: Uint32Array, width: number, height: number, x: number): [number, number] | null {
  const rows = Array.from({ length: height }, (_, y) => y).filter((y) => pixels[y * width + x] !== 0);
  return rows.length ? [rows[0] as number, rows[rows.length - 1] as number] : null;
}

describe('packColor', () => {
  it('packs #rrggbb as the bytes r, g, b, 255 of an RGBA pixel', () => {
    const bytes = new Uint8Array(Uint32Array.of(GREY).buffer);
    expect(Array.from(bytes)).toEqual([0x8a, 0x93, 0x9c, 0xff]);
  });
  it('refuses anything but #rrggbb', () => {
    for (const bad of ['red', '#12345', '#1234567', '#12345g', '8a939c#']) expect(() => packColor(bad)).toThrow(/#rrggbb/);
  });
});

describe('paintBars', () => {
  it('paints each bucket from its high to its low value, stretched to meet the previous bar', () => {
    const width = 3;
    const height = 10;
    const pixels = new Uint32Array(width * height);
    // Bucket 0 spans 0.75–0.85 (y 2.5–1.5), bucket 1 spans 0.15–0.25 (stretched up to meet 0.75: y 8.5–2.5), bucket 2 has no value.
    const env = { buckets: 3, columns: 1, min: Float32Array.of(0.75, 0.15, NaN), max: Float32Array.of(0.85, 0.25, NaN) };
    paintBars(
      pixels,
      width,
      height,
      bucketEdges(3, (b) => b),
      env,
      [score(0, '#8a939c', height)],
    );
    expect(paintedRows(pixels, width, height, 0)).toEqual([1, 2]);
    expect(paintedRows(pixels, width, height, 1)).toEqual([2, 8]);
    expect(paintedRows(pixels, width, height, 2)).toBeNull();
    expect(pixels[2 * width + 1]).toBe(GREY);
  });

  it('paints later curves over earlier ones and leaves the rest transparent', () => {
    const pixels = new Uint32Array(2 * 4);
    const env = { buckets: 1, columns: 2, min: Float32Array.of(0, 0), max: Float32Array.of(1, 0.5) };
    paintBars(
      pixels,
      2,
      4,
      bucketEdges(1, (b) => 2 * b),
      env,
      [score(0, '#ff0000', 4), score(1, '#0000ff', 4)],
    );
    const red = packColor('#ff0000');
    const blue = packColor('#0000ff');
    expect(Array.from(pixels)).toEqual([red, red, red, red, blue, blue, blue, blue]);
  });

  it("clamps values to the curve's range (action-unit traces)", () => {
    const pixels = new Uint32Array(10);
    const env = { buckets: 1, columns: 1, min: Float32Array.of(-9), max: Float32Array.of(9) };
    paintBars(
      pixels,
      1,
      10,
      bucketEdges(1, (b) => b),
      env,
      [{ column: 0, color: '#ffffff', y0: 5, yPerUnit: -10, lowest: -0.2, highest: 0.2 }],
    );
    expect(paintedRows(pixels, 1, 10, 0)).toEqual([3, 6]);
  });

  it('shows every valued bucket in all its columns, from its high row to its low row, and nothing of a bucket without value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(scoreOrGap, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 40 }),
        (lows, pxPerBucket, height) => {
          const buckets = lows.length;
          const width = buckets * pxPerBucket;
          const min = Float32Array.from(lows);
          const max = Float32Array.from(lows, (v) => (Number.isNaN(v) ? NaN : Math.min(1, v + 0.1)));
          const pixels = new Uint32Array(width * height);
          paintBars(
            pixels,
            width,
            height,
            bucketEdges(buckets, (b) => b * pxPerBucket),
            { buckets, columns: 1, min, max },
            [score(0, '#8a939c', height)],
          );
          const row = (v: number) => Math.min(height - 1, Math.floor(height - v * height));
          for (let b = 0; b < buckets; b++) {
            for (let x = b * pxPerBucket; x < (b + 1) * pxPerBucket; x++) {
              const rows = paintedRows(pixels, width, height, x);
              if (Number.isNaN(lows[b] as number)) {
                expect(rows).toBeNull();
                continue;
              }
              expect(rows).not.toBeNull();
              // One unbroken run covering the rows of the bucket's own high and low values (clipped to the canvas).
              const [top, bottom] = rows as [number, number];
              // Its top is the row of its high value, or of the previous bar's low value where that is higher (the stretch).
              const previousLow = b > 0 && !Number.isNaN(lows[b - 1] as number) ? (min[b - 1] as number) : -Infinity;
              expect(top).toBe(row(Math.max(max[b] as number, previousLow)));
              const lastRow = (v: number) => Math.min(height - 1, Math.max(0, Math.ceil(height - v * height) - 1));
              expect(bottom).toBeGreaterThanOrEqual(Math.max(top, lastRow(min[b] as number)));
              for (let y = top; y <= bottom; y++) expect(pixels[y * width + x]).toBe(GREY);
            }
          }
        },
      ),
    );
  });

  it('on an overview (buckets at fractional pixel edges, several to a pixel), every pixel column that holds a valued bucket shows it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(scoreOrGap, { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 2, max: 30 }),
        (values, wantedWidth, height) => {
          const buckets = values.length;
          const width = Math.min(wantedWidth, buckets);
          const v = Float32Array.from(values);
          const pixels = new Uint32Array(width * height);
          const edges = bucketEdges(buckets, (b) => (b * width) / buckets);
          paintBars(pixels, width, height, edges, { buckets, columns: 1, min: v, max: v }, [score(0, '#8a939c', height)]);
          for (let b = 0; b < buckets; b++) {
            if (Number.isNaN(values[b] as number)) continue;
            const x = Math.min(width - 1, edges[b] as number);
            const y = Math.min(height - 1, Math.floor(height - (v[b] as number) * height));
            expect(pixels[y * width + x]).toBe(GREY);
          }
          // Nothing outside the canvas's columns is reachable, and a recording without values paints nothing.
          if (values.every((x) => Number.isNaN(x))) expect(pixels.every((p) => p === 0)).toBe(true);
        },
      ),
    );
  });
});

describe('base64 of the API', () => {
  it('decodes what Node encodes, for any bytes, with the native decoder where there is one and without it (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(Array.from(bytesFromBase64Portable(text))).toEqual(Array.from(bytes));
        expect(Array.from(bytesFromBase64(text))).toEqual(Array.from(bytes));
      }),
    );
  });
  it('reads little-endian float32 values', () => {
    const values = Float32Array.of(0, 1.5, -2.25, NaN, 3e-7);
    const text = Buffer.from(values.buffer).toString('base64');
    expect(Array.from(float32FromBase64(text))).toEqual(Array.from(values));
  });
});
