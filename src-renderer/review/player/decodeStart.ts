import { decoderWindow, seekStart } from '../../../src-shared/review/frameMatch.js';

/** The part of mediabunny's EncodedPacketSink a seek uses (its index is in memory: no media bytes are read). */
export interface PacketIndex {
  getPacket(timestamp: number, options: { metadataOnly: true }): Promise<{ timestamp: number } | null>;
  getKeyPacket(timestamp: number, options: { metadataOnly: true }): Promise<{ timestamp: number } | null>;
}

/**
 * Where a decode for frame `from` starts (decoder seconds) and the key frame the
 * decoder will begin at (its timestamp; null when none is known). The start is
 * the decoder's own picture of `from` when it matches (seekStart), else the
 * frame's window. mediabunny (1.61) finds no key packet at exactly the last
 * packet's timestamp of some files (the review copies' last frame among them)
 * and its sample sink then decodes from the file's start: End took 3-4 s on a
 * 60 s 1080p copy. The window's start, half a frame earlier, finds the key
 * frame and still yields the frame.
 */
export async function decodeStart(
  packets: PacketIndex,
  pts: ArrayLike<number>,
  from: number,
  offset: number,
): Promise<{ start: number; keyTimestamp: number | null }> {
  const [windowStart, windowEnd] = decoderWindow(pts, from, from, offset);
  const picture = await packets.getPacket(windowEnd, { metadataOnly: true });
  const start = seekStart(pts, from, offset, picture?.timestamp ?? null);
  const key = await packets.getKeyPacket(start, { metadataOnly: true });
  if (key || start === windowStart) return { start, keyTimestamp: key?.timestamp ?? null };
  const fallback = await packets.getKeyPacket(windowStart, { metadataOnly: true });
  return { start: windowStart, keyTimestamp: fallback?.timestamp ?? null };
}
