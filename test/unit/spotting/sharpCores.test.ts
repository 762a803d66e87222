import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeakIntervals } from '../../../src-main/spotting/peaks.js';
import { splitSharpCores, type SharpCoreParams } from '../../../src-main/spotting/sharpCores.js';
import { buildTimeline } from '../../../src-main/spotting/timeline.js';

const FPS = 25;
const params: SharpCoreParams = { coreFraction: 0.5, coreProminence: 2, microMaxS: 0.5, onThreshold: 6, lowThreshold: 2.5 };
const timeline = (n: number) => buildTimeline(n, FPS, (i) => i / FPS);

function intervalsOf(e: number[]) {
  // Overlapping or touching peak intervals joined, as the spotter's grouping joins one channel's.
  const out: ReturnType<typeof findPeakIntervals> = [];
  for (const iv of findPeakIntervals(e, 6, 2.5, 0.25)) {
    const last = out[out.length - 1];
    if (last && iv.onset <= last.offset + 1) {
      last.offset = Math.max(last.offset, iv.offset);
      if (iv.peak > last.peak) Object.assign(last, { apex: iv.apex, peak: iv.peak });
    } else out.push({ ...iv });
  }
  return out;
}

describe('splitSharpCores', () => {
  it('cuts a brief sharp flash out of a slower movement; the sides stay movements only where the evidence dips between', () => {
    // A 3-second movement at evidence 9 with a 3-frame flash at 40 in it, the movement falling to 1 just
    // before the flash (a movement of its own), and not after it (the same movement's fall).
    const e: number[] = Array.from({ length: 150 }, (_, i) => (i >= 30 && i < 105 ? 9 : 0));
    e[58] = 1;
    e[60] = 30;
    e[61] = 40;
    e[62] = 30;
    // One movement, as the grouping of the evidence's channels makes it (the dip does not split it there).
    const whole = { onset: 30, apex: 61, offset: 104, peak: 40 };
    const split = splitSharpCores([whole], e, timeline(e.length), params);
    expect(split).toEqual([
      { onset: 30, apex: 30, offset: 59, peak: 9 },
      { onset: 60, apex: 61, offset: 62, peak: 40 },
    ]);
  });

  it('leaves a broad expression whole (its half-maximum core is longer than a micro expression)', () => {
    const e = Array.from({ length: 150 }, (_, i) => 40 * Math.exp(-(((i - 75) / 20) ** 2)));
    const before = intervalsOf(e);
    expect(splitSharpCores(before, e, timeline(e.length), params)).toEqual(before);
  });

  it('leaves a peak that does not stand out from the rest of its interval whole', () => {
    const e: number[] = Array.from({ length: 150 }, (_, i) => (i >= 30 && i < 105 ? 9 : 0));
    e[61] = 15; // less than twice the movement
    const before = intervalsOf(e);
    expect(splitSharpCores(before, e, timeline(e.length), params)).toEqual(before);
  });

  it('only ever narrows: pieces lie inside their interval, in order, without overlap, each apex its own highest frame', () => {
    const evidence = fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(Number.NaN)), {
      minLength: 1,
      maxLength: 200,
    });
    fc.assert(
      fc.property(evidence, (e) => {
        const before = intervalsOf(e);
        const after = splitSharpCores(before, e, timeline(e.length), params);
        const at = (i: number) => (Number.isFinite(e[i]) ? e[i]! : -Infinity);
        for (let k = 0; k < after.length; k++) {
          const piece = after[k]!;
          expect(before.some((b) => b.onset <= piece.onset && piece.offset <= b.offset)).toBe(true);
          expect(piece.onset).toBeLessThanOrEqual(piece.apex);
          expect(piece.apex).toBeLessThanOrEqual(piece.offset);
          expect(piece.peak).toBe(at(piece.apex));
          expect(piece.peak).toBeGreaterThanOrEqual(params.onThreshold);
          for (let t = piece.onset; t <= piece.offset; t++) expect(at(t)).toBeLessThanOrEqual(piece.peak);
          if (k > 0) expect(piece.onset).toBeGreaterThan(after[k - 1]!.offset);
        }
        // Every interval's apex is still the apex of some piece: no peak is lost.
        for (const b of before) expect(after.some((a) => a.apex === b.apex)).toBe(true);
        // Intervals no longer than a micro expression pass unchanged.
        for (const b of before) if (b.offset - b.onset + 1 <= FPS * params.microMaxS) expect(after).toContainEqual(b);
      }),
    );
  });
});
