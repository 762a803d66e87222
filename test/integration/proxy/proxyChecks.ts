/**
 * Checks of a made proxy against its original with the reference ffmpeg and
 * ffprobe (Debian's, test/helpers/ffmpeg.ts), independent of the code that
 * made and verified it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'vitest';
import { readBarcode } from '../../helpers/barcode.js';
import { decodeAllGray, fileArg, grabGrayFramesAt, mapLimit, probeFrames, probeVideoStream, runFfprobeJson } from '../../helpers/ffmpeg.js';

export interface OriginalTable {
  timeBase: { num: number; den: number };
  ptsTicks: number[];
}

export const sha256Of = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The size, mtime and hash of a file, to prove it was not touched. */
export function fingerprint(file: string) {
  const stat = fs.statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256Of(file) };
}

/** The top-left `width` x `height` of a gray frame `fullWidth` wide: the proxy minus its even-size padding. */
function crop(frame: Uint8Array, fullWidth: number, width: number, height: number): Uint8Array {
  if (fullWidth === width) return frame.subarray(0, width * height);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) out.set(frame.subarray(y * fullWidth, y * fullWidth + width), y * width);
  return out;
}

/** Seconds of the original's frame N since frame 0, floored to the microsecond ffmpeg's -ss works in. */
function elapsedFlooredToMicroseconds(table: OriginalTable, n: number): number {
  const ticks = BigInt(table.ptsTicks[n]!) - BigInt(table.ptsTicks[0]!);
  const micros = (ticks * BigInt(table.timeBase.num) * 1_000_000n) / BigInt(table.timeBase.den);
  return Number(micros) / 1e6;
}

/**
 * The proxy is upright H.264 at the original's displayed size (padded to even
 * sides), its decoded frame table is the original's exactly (each time minus
 * frame 0's, compared as rationals), key frames are at most 0.5 s + one frame
 * apart, every frame decoded in order shows its own index, and an accurate seek
 * to each frame's time in the table lands on that frame.
 */
export async function expectFaithfulProxy(
  proxy: string,
  original: OriginalTable,
  display: { width: number; height: number },
): Promise<void> {
  const stream = await probeVideoStream(proxy);
  const padded = { width: display.width + (display.width % 2), height: display.height + (display.height % 2) };
  expect(stream.codec).toBe('h264');
  expect(stream.rotation).toBe(0);
  expect([stream.codedWidth, stream.codedHeight]).toEqual([padded.width, padded.height]);
  expect(stream.formatStartTime).toBe(0);

  const times = await probeFrames(proxy);
  expect(times.timestamps.length).toBe(original.ptsTicks.length);
  const t0 = BigInt(original.ptsTicks[0]!);
  for (let i = 0; i < original.ptsTicks.length; i++) {
    const originalSide = (BigInt(original.ptsTicks[i]!) - t0) * BigInt(original.timeBase.num) * BigInt(times.timeBase.den);
    const proxySide = BigInt(times.timestamps[i]!) * BigInt(times.timeBase.num) * BigInt(original.timeBase.den);
    expect(proxySide, `frame ${i}`).toBe(originalSide);
  }

  const keys = (
    (await runFfprobeJson(['-select_streams', 'v:0', '-show_entries', 'frame=key_frame', fileArg(proxy)])) as {
      frames: { key_frame: number }[];
    }
  ).frames
    .map((f, i) => (f.key_frame === 1 ? i : -1))
    .filter((i) => i >= 0);
  expect(keys[0]).toBe(0);
  const seconds = (i: number) => (times.timestamps[i]! * times.timeBase.num) / times.timeBase.den;
  let longestFrame = 0;
  for (let i = 1; i < times.timestamps.length; i++) longestFrame = Math.max(longestFrame, seconds(i) - seconds(i - 1));
  for (let k = 1; k <= keys.length; k++) {
    const end = k < keys.length ? keys[k]! : times.timestamps.length - 1;
    expect(seconds(end) - seconds(keys[k - 1]!), `key frame gap ending at frame ${end}`).toBeLessThanOrEqual(0.5 + longestFrame + 1e-9);
  }

  const all = Array.from({ length: original.ptsTicks.length }, (_, i) => i);
  const read = (frame: Uint8Array) =>
    readBarcode(crop(frame, padded.width, display.width, display.height), display.width, display.height, 'gray');
  const decoded = await decodeAllGray(proxy, padded);
  expect(decoded.map(read)).toEqual(all);

  const batches = Array.from({ length: Math.ceil(all.length / 30) }, (_, b) => all.slice(b * 30, b * 30 + 30));
  const grabbed = (
    await mapLimit(batches, 2, (batch) =>
      grabGrayFramesAt(
        proxy,
        batch.map((n) => elapsedFlooredToMicroseconds(original, n)),
        padded,
        30,
      ),
    )
  ).flat();
  expect(grabbed.map(read)).toEqual(all);
}
