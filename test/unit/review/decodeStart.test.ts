import { describe, expect, it } from 'vitest';
import { decodeStart, type PacketIndex } from '../../../src-renderer/review/player/decodeStart.js';

/** Packets at 25 fps, a key frame every 15 frames, with mediabunny 1.61's gap: no key packet found at the last packet's timestamp. */
function packets(frames: number): { index: PacketIndex; pts: number[] } {
  const pts = Array.from({ length: frames }, (_, i) => i / 25);
  const last = pts[frames - 1]!;
  const index: PacketIndex = {
    getPacket: async (t) => {
      const i = pts.findLastIndex((p) => p <= t + 1e-9);
      return i < 0 ? null : { timestamp: pts[i]! };
    },
    getKeyPacket: async (t) => {
      if (t === last) return null; // the gap
      const i = pts.findLastIndex((p, k) => k % 15 === 0 && p <= t + 1e-9);
      return i < 0 ? null : { timestamp: pts[i]! };
    },
  };
  return { index, pts };
}

describe('where a seek starts decoding', () => {
  it('the last frame: from the key frame before it, even where the key lookup fails at its own timestamp', async () => {
    const { index, pts } = packets(50);
    const s = await decodeStart(index, pts, 49, 0);
    expect(s.keyTimestamp).toBe(45 / 25);
    expect(s.start).toBeLessThan(49 / 25);
    expect(s.start).toBeGreaterThan(48 / 25);
  });

  it('any other frame: from its own picture’s timestamp and the key frame at or before it', async () => {
    const { index, pts } = packets(50);
    for (const from of [0, 1, 14, 15, 16, 30, 48]) {
      const s = await decodeStart(index, pts, from, 0);
      expect(s.start).toBe(pts[from]);
      expect(s.keyTimestamp).toBe(pts[Math.floor(from / 15) * 15]);
    }
  });
});
