import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortfallWarning } from '../../../src-shared/domain/shortfall.js';

describe('shortfallWarning', () => {
  it('warns when much less video decodes than the file declares (a faststart MP4 cut short)', () => {
    expect(shortfallWarning(53.48, 15.84)).toBe(
      'only 15.840 s of video decode, but the file declares 53.480 s: it may be cut short or damaged; compare it with its source',
    );
  });

  it('stays quiet for an intact file, a declared duration that differs by a frame or two, or none declared', () => {
    expect(shortfallWarning(30.6, 30.6)).toBeNull();
    expect(shortfallWarning(30.64, 30.6)).toBeNull();
    expect(shortfallWarning(null, 12)).toBeNull();
    expect(shortfallWarning(Number.NaN, 12)).toBeNull();
  });

  it('never warns when at least what is declared decodes, and warns whenever more than max(1 s, 5%) is missing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), (declared, decoded) => {
        const warning = shortfallWarning(declared, decoded);
        if (decoded >= declared) expect(warning).toBeNull();
        expect(warning !== null).toBe(declared - decoded > Math.max(1, 0.05 * declared));
      }),
    );
  });
});
