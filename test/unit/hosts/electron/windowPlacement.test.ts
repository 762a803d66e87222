import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  placeWindow,
  type Rect,
  type WindowPlacement,
} from '../../../../src-main/hosts/electron/windowPlacement.js';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 };
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window placement', () => {
  it('opens at the default size, centred by the system, the first time', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height - 40, maximized: false });
    expect(placeWindow(undefined, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('opens where it was left when that place is still on a screen', () => {
    const saved: WindowPlacement = { x: 1600, y: 100, width: 1800, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('comes back to the primary screen when its monitor is gone, shrunk to fit', () => {
    const saved: WindowPlacement = { x: 1600, y: 100, width: 1800, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ width: 1440, height: 860, maximized: false });
  });

  it('never opens smaller than the minimum the layout needs', () => {
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({
      x: 10,
      y: 10,
      ...MIN_SIZE,
      maximized: false,
    });
  });

  const area = fc.record({
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -3000, max: 3000 }),
    width: fc.integer({ min: 640, max: 7680 }),
    height: fc.integer({ min: 480, max: 4320 }),
  });
  const saved = fc.record({
    x: fc.option(fc.integer({ min: -20000, max: 20000 }), { nil: undefined }),
    y: fc.option(fc.integer({ min: -20000, max: 20000 }), { nil: undefined }),
    width: fc.integer({ min: 1, max: 20000 }),
    height: fc.integer({ min: 1, max: 20000 }),
    maximized: fc.boolean(),
  });

  it('always leaves enough of the title bar on some screen to grab it, at a size that fits that screen', () => {
    fc.assert(
      fc.property(fc.option(saved, { nil: undefined }), fc.array(area, { minLength: 1, maxLength: 4 }), (remembered, areas) => {
        const placed = placeWindow(remembered, areas);
        if (placed.x === undefined || placed.y === undefined) {
          // Centred by the system on the primary screen: the size must fit it.
          expect(placed.width).toBeLessThanOrEqual(areas[0]!.width);
          expect(placed.height).toBeLessThanOrEqual(areas[0]!.height);
          return;
        }
        const grabbable = areas.some((a) => {
          const w = Math.min(placed.x! + placed.width, a.x + a.width) - Math.max(placed.x!, a.x);
          const h = Math.min(placed.y! + 32, a.y + a.height) - Math.max(placed.y!, a.y);
          return w >= 100 && h >= 20 && placed.width <= a.width && placed.height <= a.height;
        });
        expect(grabbable).toBe(true);
        expect(placed.maximized).toBe(remembered!.maximized);
      }),
    );
  });

  it('keeps a remembered placement unchanged when it already fits a screen', () => {
    fc.assert(
      fc.property(area, fc.boolean(), (a, maximized) => {
        const remembered = {
          x: a.x + 10,
          y: a.y + 10,
          width: Math.max(MIN_SIZE.width, a.width - 100),
          height: Math.max(MIN_SIZE.height, a.height - 100),
          maximized,
        };
        fc.pre(remembered.width <= a.width && remembered.height <= a.height);
        expect(placeWindow(remembered, [a])).toEqual(remembered);
      }),
    );
  });
});
