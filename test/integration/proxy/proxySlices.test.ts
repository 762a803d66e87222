import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { locateTool } from '../../../src-main/media/ffmpegLocator.js';
import { PROXY_PARAMS } from '../../../src-main/proxy/proxyEncodeArgs.js';
import { tempDir } from '../../helpers/paths.js';

/** Slice NAL units (types 1 and 5) of an Annex B H.264 stream. */
function sliceCount(stream: Buffer): number {
  let slices = 0;
  for (let i = 0; i + 3 < stream.length; i++) {
    if (stream[i] === 0 && stream[i + 1] === 0 && stream[i + 2] === 1) {
      const type = (stream[i + 3] as number) & 31;
      if (type === 1 || type === 5) slices += 1;
    }
  }
  return slices;
}

const builds = [
  { name: "the app's ffmpeg (bundled 2018 build)", path: locateTool('ffmpeg')?.path ?? null },
  { name: "Debian's ffmpeg 5.1", path: fs.existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : null },
];

describe('proxy pictures are cut in slices, so a low-latency decoder can share one picture across cores', () => {
  for (const build of builds) {
    it.runIf(build.path !== null)(`${build.name} writes ${PROXY_PARAMS.slicesPerPicture} slices a picture with the proxy's -slices`, () => {
      const out = path.join(tempDir(), 'slices.h264');
      const frames = 12;
      const encode = (slices: number | null) => {
        execFileSync(build.path as string, [
          '-v',
          'error',
          '-y',
          '-f',
          'lavfi',
          '-i',
          'testsrc2=size=640x360:rate=25',
          '-frames:v',
          String(frames),
          '-c:v',
          PROXY_PARAMS.videoCodec,
          '-preset',
          PROXY_PARAMS.preset,
          '-bf',
          '0',
          ...(slices === null ? [] : ['-slices', String(slices)]),
          '-pix_fmt',
          PROXY_PARAMS.pixelFormat,
          '-f',
          'h264',
          `file:${out}`,
        ]);
        return sliceCount(fs.readFileSync(out));
      };
      expect(encode(PROXY_PARAMS.slicesPerPicture)).toBe(frames * PROXY_PARAMS.slicesPerPicture);
      // The count is the option's doing: without it, one slice a picture.
      expect(encode(null)).toBe(frames);
    });
    if (build.path === null) console.log(`${build.name}: not found, its slices not tested.`);
  }
});
