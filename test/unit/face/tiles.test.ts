import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TILE_MIN_OVERLAP, tileRects } from '../../../src-main/analysis/face/tiles.js';

describe('tileRects', () => {
  it('gives no tiles when the frame is less than twice the input size', () => {
    expect(tileRects(400, 300, 256)).toEqual([]);
    expect(tileRects(511, 511, 256)).toEqual([]);
  });

  it('splits 640x480 into 2x2 tiles of 384 and 1920x1080 into two of 1152x1080', () => {
    expect(tileRects(640, 480, 256)).toEqual([
      { x: 0, y: 0, w: 384, h: 384 },
      { x: 256, y: 0, w: 384, h: 384 },
      { x: 0, y: 96, w: 384, h: 384 },
      { x: 256, y: 96, w: 384, h: 384 },
    ]);
    expect(tileRects(1920, 1080, 256)).toEqual([
      { x: 0, y: 0, w: 1152, h: 1080 },
      { x: 768, y: 0, w: 1152, h: 1080 },
    ]);
  });

  it('keeps tiles inside the frame and holds every face smaller than the overlap whole in one tile', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 512, max: 4000 }),
        fc.integer({ min: 64, max: 4000 }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (long, other, portrait, fx, fy) => {
          const [width, height] = portrait ? [Math.min(other, long), long] : [long, Math.min(other, long)];
          const tiles = tileRects(width, height, 256);
          expect(tiles.length).toBeGreaterThan(0);
          const side = Math.max(...tiles.map((t) => Math.max(t.w, t.h)));
          for (const t of tiles) {
            expect(t.x).toBeGreaterThanOrEqual(0);
            expect(t.y).toBeGreaterThanOrEqual(0);
            expect(t.x + t.w).toBeLessThanOrEqual(width);
            expect(t.y + t.h).toBeLessThanOrEqual(height);
          }
          const face = Math.floor(Math.min(TILE_MIN_OVERLAP * side, width, height));
          const x = Math.floor(fx * (width - face));
          const y = Math.floor(fy * (height - face));
          expect(tiles.some((t) => t.x <= x && t.y <= y && x + face <= t.x + t.w && y + face <= t.y + t.h)).toBe(true);
        },
      ),
    );
  });
});
