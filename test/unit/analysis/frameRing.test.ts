import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameRing } from '../../../src-main/analysis/decode/frameRing.js';

/** Feeds the stream in the given chunk sizes, taking frames as a slow consumer would. */
function run(stream: Uint8Array, frameBytes: number, chunkSizes: number[], slots: number): Uint8Array[] {
  const ring = new FrameRing(frameBytes, slots);
  const frames: Uint8Array[] = [];
  let pending: Uint8Array | null = null;
  let offset = 0;
  let sizeIndex = 0;
  const drainOne = () => {
    const f = ring.take();
    if (!f) return false;
    frames.push(f.slice());
    ring.release();
    return true;
  };
  while (offset < stream.length || pending) {
    if (!pending) {
      const size = Math.max(1, chunkSizes[sizeIndex++ % chunkSizes.length]!);
      pending = stream.subarray(offset, offset + size);
      offset += pending.length;
    }
    const taken = ring.write(pending);
    pending = taken < pending.length ? pending.subarray(taken) : null;
    if (pending) expect(drainOne()).toBe(true); // full ring: the consumer must free a slot
  }
  while (drainOne());
  expect(ring.partialBytes).toBe(stream.length % frameBytes);
  return frames;
}

describe('FrameRing', () => {
  it('delivers exactly the frames of the stream, in order, whatever the chunking', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 12 }), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 2, max: 5 }),
      (frameBytes, frameCount, chunkSizes, slots) => {
        const stream = Uint8Array.from({ length: frameBytes * frameCount }, (_, i) => (i * 7 + (i / frameBytes) | 0) & 0xff);
        const frames = run(stream, frameBytes, chunkSizes, slots);
        expect(frames).toHaveLength(frameCount);
        frames.forEach((f, k) => expect(Array.from(f)).toEqual(Array.from(stream.subarray(k * frameBytes, (k + 1) * frameBytes))));
      },
    ));
  });

  it('refuses more than it can hold, and a second take before release', () => {
    const ring = new FrameRing(4, 2);
    expect(ring.write(new Uint8Array(10))).toBe(8);
    expect(ring.take()).not.toBeNull();
    expect(() => ring.take()).toThrow(/release/);
    ring.release();
    expect(ring.write(new Uint8Array(10))).toBe(4);
  });

  it('reports a cut-short frame', () => {
    const ring = new FrameRing(4, 3);
    ring.write(new Uint8Array(6));
    expect(ring.partialBytes).toBe(2);
  });
});
