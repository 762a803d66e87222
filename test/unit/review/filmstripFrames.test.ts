import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILMSTRIP_MAX, filmstripFrames } from '../../../src-shared/review/filmstripFrames.js';

describe('the filmstrip’s frames', () => {
  it('every frame of a short interval; a long one sampled with its onset, apex and offset', () => {
    expect(filmstripFrames(10, 14, 12)).toEqual([10, 11, 12, 13, 14]);
    const long = filmstripFrames(100, 199, 137);
    expect(long).toHaveLength(FILMSTRIP_MAX);
    expect(long[0]).toBe(100);
    expect(long.at(-1)).toBe(199);
    expect(long).toContain(137);
    expect(filmstripFrames(5, 4, null)).toEqual([]);
  });

  it('ascending, inside the interval, at most max, always the onset, the offset and the apex', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (onset, len, max, a) => {
          const offset = onset + len;
          const apex = onset + Math.round(a * len);
          const frames = filmstripFrames(onset, offset, apex, max);
          expect(frames.length).toBe(Math.min(len + 1, max));
          for (let i = 1; i < frames.length; i++) expect(frames[i]!).toBeGreaterThan(frames[i - 1]!);
          expect(frames[0]).toBe(onset);
          expect(frames.at(-1)).toBe(offset);
          expect(frames).toContain(apex);
        },
      ),
    );
  });
});
