import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures } from '../fixtures/generate.js';
import { readBarcode } from '../helpers/barcode.js';
import { decodeAllGray, probeFrames, probeVideoStream } from '../helpers/ffmpeg.js';

describe('scratch', () => {
  beforeAll(async () => {
    await ensureFixtures();
  });
  it('prints', async () => {
    const t0 = Date.now();
    const f = await ensureFixtures();
    console.log('gen ms', Date.now() - t0);
    for (const [name, info] of Object.entries(f)) {
      const s = await probeVideoStream(info.path);
      const fr = await probeFrames(info.path);
      const frames = await decodeAllGray(info.path);
      const codes = frames.map((p) => readBarcode(p, info.width, info.height, 'gray'));
      const bad = codes.map((c, i) => (c === i ? null : `${i}:${c}`)).filter(Boolean);
      console.log(name, s.codec, s.pixFmt, `${s.codedWidth}x${s.codedHeight}`, 'rot', s.rotation, `${s.width}x${s.height}`, 'tb', `${s.timeBase.num}/${s.timeBase.den}`, 'start', s.formatStartTime, s.streamStartTime, 'n', fr.timestamps.length, frames.length, 'ts0', fr.timestamps.slice(0, 4).join(','), 'KB', (statSync(info.path).size / 1024).toFixed(1), 'bad', bad.slice(0, 10).join(' '));
    }
    expect(1).toBe(1);
  });
});
