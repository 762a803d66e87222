// A paused scan stops inside its long steps too: hashing reads no further chunk
// and indexing leaves ffprobe's output unread (ffprobe blocks on its pipe), and
// each goes on to the same result when resumed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../../src-main/media/hashFile.js';
import { indexFrames } from '../../../src-main/media/frameIndex.js';
import { PauseGate } from '../../../src-main/scan/pauseGate.js';
import { FFPROBE_PATH, fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { tempDir } from '../../helpers/paths.js';

const work = tempDir('mm-pause-hold-');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a paused gate holds the long steps of a scan', () => {
  it('hashing stops before the next chunk and, resumed, gives the file’s SHA-256', async () => {
    const file = path.join(work, 'sixteen-mib.bin');
    fs.writeFileSync(file, crypto.randomBytes(16 * 1024 * 1024));
    const gate = new PauseGate();
    gate.pause();
    let done = 0;
    const hashing = sha256File(
      file,
      (bytes) => {
        done = bytes;
      },
      { hold: gate },
    );
    await sleep(300);
    const whilePaused = done;
    await sleep(300);
    expect(done).toBe(whilePaused);
    expect(whilePaused).toBeLessThan(16 * 1024 * 1024);
    gate.resume();
    expect(await hashing).toBe(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    expect(done).toBe(16 * 1024 * 1024);
  });

  it('indexing stops reading ffprobe and, resumed, gives the same frame table as without a pause', async () => {
    // 12 000 frames: far more index lines than the pipe and the stream buffer hold.
    const clip = path.join(work, 'long-tiny.mkv');
    await runFfmpeg([
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=32x32:rate=25:duration=480',
      '-c:v',
      'mpeg4',
      '-g',
      '50',
      '-y',
      fileArg(clip),
    ]);
    const unpaused = await indexFrames(FFPROBE_PATH, clip, 0, '1/1000');
    expect(unpaused.ptsTicks.length).toBe(12_000);

    const gate = new PauseGate();
    gate.pause();
    let frames = 0;
    const indexing = indexFrames(
      FFPROBE_PATH,
      clip,
      0,
      '1/1000',
      (n) => {
        frames = n;
      },
      { hold: gate },
    );
    await sleep(1500);
    const whilePaused = frames;
    await sleep(500);
    expect(frames).toBe(whilePaused);
    expect(whilePaused).toBeLessThan(12_000);
    gate.resume();
    const resumed = await indexing;
    expect(resumed.ptsTicks).toEqual(unpaused.ptsTicks);
    expect(resumed.keyFrames).toEqual(unpaused.keyFrames);
  }, 60_000);

  it('a cancel while held ends the indexing with the cancel, not a hang', async () => {
    const clip = path.join(work, 'long-tiny.mkv');
    const gate = new PauseGate();
    gate.pause();
    const abort = new AbortController();
    const indexing = indexFrames(FFPROBE_PATH, clip, 0, '1/1000', undefined, { hold: gate, signal: abort.signal });
    await sleep(500);
    abort.abort();
    await expect(indexing).rejects.toThrow('indexing was cancelled');
  }, 30_000);
});
