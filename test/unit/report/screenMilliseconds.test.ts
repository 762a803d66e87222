import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstMillisecondAfter, firstMillisecondOnScreen } from '../../../src-shared/time/screenMilliseconds.js';
import { exactElapsed, msApartTable, NTSC, cfrTable, table } from '../time/tables.js';

/** The frame on screen at `ms` milliseconds, by exact rational comparison, independently of the module. */
function frameOnScreenAt(t: Parameters<typeof exactElapsed>[0], ms: number): number {
  let on = 0;
  for (let f = 0; f < t.ptsTicks.length; f++) {
    const { n, d } = exactElapsed(t, f);
    if (n * 1000n <= BigInt(ms) * d) on = f;
  }
  return on;
}

describe('whole milliseconds on screen (EAF times)', () => {
  it('names the first millisecond at which a frame is shown, not the one before it', () => {
    const ntsc = cfrTable(NTSC, { num: 1, den: 90000 }, 4);
    // Frame 1 starts at 33.3667 ms: at 33 ms frame 0 is still on screen, at 34 frame 1.
    expect([0, 1, 2, 3].map((f) => firstMillisecondOnScreen(ntsc, f))).toEqual([0, 34, 67, 101]);
    expect(firstMillisecondAfter(ntsc, 3)).toBe(134);
    expect(firstMillisecondOnScreen(table(12800, [512, 1024]), 1)).toBe(40);
    expect(firstMillisecondAfter(table(12800, [512]), 0)).toBe(1);
  });

  it('maps every frame to a millisecond at which exactly that frame is on screen (property)', () => {
    fc.assert(
      fc.property(msApartTable, ({ table: t }) => {
        for (let f = 0; f < t.ptsTicks.length; f++) {
          const ms = firstMillisecondOnScreen(t, f);
          expect(frameOnScreenAt(t, ms)).toBe(f);
          if (ms > 0) expect(frameOnScreenAt(t, ms - 1)).toBe(f - 1);
          const after = firstMillisecondAfter(t, f);
          expect(after).toBeGreaterThan(ms);
          if (f + 1 < t.ptsTicks.length) expect(after).toBe(firstMillisecondOnScreen(t, f + 1));
        }
      }),
      { numRuns: 100 },
    );
  });
});
