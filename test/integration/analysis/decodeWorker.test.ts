import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrames, DecodeError } from '../../../src-main/analysis/decode/frameStream.js';
import { FFMPEG_PATH } from '../../helpers/ffmpeg.js';
import { realMediaDir, tempDir } from '../../helpers/paths.js';

// A copy under a name of its own, so that the ffmpeg processes looked for are this file's only.
const clip = path.join(tempDir(), `decode-worker-${process.pid}.mp4`);
fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), clip);
const options = { ffmpegPath: FFMPEG_PATH, file: clip, codec: 'h264', width: 400, height: 300 };

/** ffmpeg processes decoding this clip, by pid (a decode left running would show here). */
function ffmpegsOnClip(): string[] {
  try {
    return execFileSync('pgrep', ['-f', `${FFMPEG_PATH}.*${path.basename(clip)}.*rawvideo`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 40 && ffmpegsOnClip().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
}

describe('decoding under a worker thread', () => {
  it('holds frames intact until released, in order, when asked to', async () => {
    const held: { index: number; copy: number[]; data: Uint8Array; release: () => void }[] = [];
    let count = 0;
    for await (const frame of decodeFrames({ ...options, holdUntilReleased: true })) {
      held.push({ index: frame.index, copy: Array.from(frame.data.subarray(0, 3000)), data: frame.data, release: frame.release! });
      if (held.length === 2) expect(() => held[1]!.release()).toThrow(/released in order/);
      // Keep four frames in hand: the decoder goes on into the other slots, never into these.
      if (held.length > 4) {
        const oldest = held.shift()!;
        expect(Array.from(oldest.data.subarray(0, 3000))).toEqual(oldest.copy);
        oldest.release();
      }
      count += 1;
    }
    expect(count).toBe(765);
  });

  it('gives every frame in order with increasing PTS and a whole rgb24 picture', async () => {
    let count = 0;
    let lastPts = -Infinity;
    for await (const frame of decodeFrames(options)) {
      expect(frame.index).toBe(count);
      expect(frame.ptsTicks).toBeGreaterThan(lastPts);
      expect(frame.data.length).toBe(400 * 300 * 3);
      lastPts = frame.ptsTicks;
      count += 1;
    }
    expect(count).toBe(765);
  });

  it('stops ffmpeg when the caller stops early', async () => {
    let count = 0;
    for await (const _frame of decodeFrames(options)) if (++count === 5) break;
    await settle();
    expect(ffmpegsOnClip()).toEqual([]);
  });

  it('says the analysis was cancelled when its signal aborts, and stops ffmpeg', async () => {
    const controller = new AbortController();
    let count = 0;
    const run = async () => {
      for await (const _frame of decodeFrames({ ...options, signal: controller.signal })) if (++count === 3) controller.abort();
    };
    await expect(run()).rejects.toThrow(DecodeError);
    await expect(run()).rejects.toThrow(/cancelled/);
    await settle();
    expect(ffmpegsOnClip()).toEqual([]);
  });

  it('says plainly when ffmpeg cannot be started', async () => {
    const run = async () => {
      for await (const _frame of decodeFrames({ ...options, ffmpegPath: '/nonexistent/ffmpeg' }));
    };
    await expect(run()).rejects.toThrow(/ffmpeg could not be started/);
  });
});
