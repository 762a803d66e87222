/**
 * Frame grabs for reports decode exactly the frame the frame table names, by
 * its PTS, in every kind of file the fixtures cover (CFR, 29.97, VFR, long GOP,
 * VP9, MPEG-2 program stream, MJPEG, rotated, odd size), with the app's own
 * ffmpeg: each grab's barcode, read back by the reference decoder, is its frame
 * number. And a face region is enlarged by pixel repetition only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { getFrameTable, type StoredFrameTable } from '../../../src-main/store/recordingsRepo.js';
import { grabFrame } from '../../../src-main/report/grabs/grabFrame.js';
import type { GrabPlan } from '../../../src-main/report/grabs/faceRegion.js';
import { FIXTURE_NAMES, ensureFixtures, type FixtureInfo, type FixtureName } from '../../fixtures/generate.js';
import { readBarcode } from '../../helpers/barcode.js';
import { tempCase } from '../../helpers/caseStore.js';
import { runFfmpeg } from '../../helpers/ffmpeg.js';

let fixtures: Record<FixtureName, FixtureInfo>;
const ctx = tempCase();

beforeAll(async () => {
  fixtures = await ensureFixtures();
});

/** PNG bytes to raw pixels, by the reference ffmpeg (not the app's). */
async function pngPixels(png: Buffer, format: 'gray' | 'rgb24'): Promise<Buffer> {
  const { stdout } = await runFfmpeg(['-f', 'png_pipe', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', format, 'pipe:1'], { input: png });
  return stdout;
}

async function imported(name: FixtureName): Promise<{ info: FixtureInfo; table: StoredFrameTable; codec: string }> {
  const info = fixtures[name];
  const result = await importRecording(ctx, info.path);
  const table = getFrameTable(ctx.db, result.id!)!;
  return { info, table, codec: result.codec! };
}

const wholeFrame = (info: FixtureInfo): GrabPlan => ({ region: null, outWidth: info.width, outHeight: info.height, scale: 1 });

describe('frame grabs by PTS', () => {
  it.each(FIXTURE_NAMES)('%s: every grab shows the frame asked for', async (name) => {
    const { info, table, codec } = await imported(name);
    const n = table.ptsTicks.length;
    const key = table.keyFrames.find((k) => k > 2 && k < n - 2) ?? Math.floor(n / 2);
    const frames = [...new Set([0, 1, key - 1, key, key + 1, Math.floor(n / 2) + 3, n - 2, n - 1])].filter((f) => f >= 0 && f < n);
    const ffmpegPath = ctx.tools().ffmpeg.path;
    for (const frame of frames) {
      const png = await grabFrame({ ffmpegPath, file: info.path, codec, table, keyFrames: table.keyFrames, frame, plan: wholeFrame(info) });
      expect(readBarcode(new Uint8Array(await pngPixels(png, 'gray')), info.width, info.height, 'gray'), `${name} frame ${frame}`).toBe(
        frame,
      );
    }
  });

  it('enlarges a region by repeating each pixel, nothing interpolated', async () => {
    const { info, table, codec } = await imported('cfr25');
    const ffmpegPath = ctx.tools().ffmpeg.path;
    const frame = 37;
    const whole = await pngPixels(
      await grabFrame({ ffmpegPath, file: info.path, codec, table, keyFrames: table.keyFrames, frame, plan: wholeFrame(info) }),
      'rgb24',
    );
    const region = { x: 41, y: 77, w: 60, h: 60 };
    const scale = 3;
    const big = await pngPixels(
      await grabFrame({
        ffmpegPath,
        file: info.path,
        codec,
        table,
        keyFrames: table.keyFrames,
        frame,
        plan: { region, outWidth: 180, outHeight: 180, scale },
      }),
      'rgb24',
    );
    expect(big.length).toBe(180 * 180 * 3);
    let differing = 0;
    for (let y = 0; y < 180; y++) {
      for (let x = 0; x < 180; x++) {
        const src = ((region.y + Math.floor(y / scale)) * info.width + region.x + Math.floor(x / scale)) * 3;
        const dst = (y * 180 + x) * 3;
        for (let c = 0; c < 3; c++) if (big[dst + c] !== whole[src + c]) differing += 1;
      }
    }
    expect(differing).toBe(0);
  });
});
