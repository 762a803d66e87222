import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scalesWithinHalf } from '../../../src-renderer/review/player/pictureConverter.js';

describe('which pictures the decode worker copies and scales bilinearly', () => {
  it('those reduced to no less than half, or left as they are; not enlarged ones, not 4K to 720p', () => {
    expect(scalesWithinHalf(1920, 1080, 1280, 720)).toBe(true);
    expect(scalesWithinHalf(2560, 1440, 1280, 720)).toBe(true);
    expect(scalesWithinHalf(400, 300, 400, 300)).toBe(true);
    expect(scalesWithinHalf(1440, 1080, 1280, 720)).toBe(true);
    expect(scalesWithinHalf(3840, 2160, 1280, 720)).toBe(false);
    expect(scalesWithinHalf(720, 576, 1024, 576)).toBe(false);
    expect(scalesWithinHalf(2600, 1000, 1280, 720)).toBe(false);
  });

  it('holds exactly when each side keeps between half and all of its pixels (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8000 }),
        fc.integer({ min: 2, max: 8000 }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        (w, h, kx, ky) => {
          const outW = Math.max(1, Math.round(w * kx));
          const outH = Math.max(1, Math.round(h * ky));
          const copied = scalesWithinHalf(w, h, outW, outH);
          const ratioX = outW / w;
          const ratioY = outH / h;
          expect(copied).toBe(ratioX >= 0.5 && ratioX <= 1 && ratioY >= 0.5 && ratioY <= 1);
        },
      ),
    );
  });
});
