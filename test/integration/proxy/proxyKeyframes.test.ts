import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { locateTool } from '../../../src-main/media/ffmpegLocator.js';
import { keyframeExpression } from '../../../src-main/proxy/proxyEncodeArgs.js';
import { FFPROBE_PATH } from '../../helpers/ffmpeg.js';
import { tempDir } from '../../helpers/paths.js';

/** Indices of the key frames of a file's first video stream, as the reference ffprobe reads them. */
function keyFrames(file: string): number[] {
  const out = execFileSync(
    FFPROBE_PATH,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=key_frame', '-of', 'json', `file:${file}`],
    { encoding: 'utf8' },
  );
  const frames = (JSON.parse(out) as { frames: { key_frame: number }[] }).frames;
  return frames.map((f, i) => (f.key_frame === 1 ? i : -1)).filter((i) => i >= 0);
}

const builds = [
  { name: "the app's ffmpeg (bundled 2018 build)", path: locateTool('ffmpeg')?.path ?? null },
  { name: "Debian's ffmpeg 5.1", path: fs.existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : null },
];

describe('proxy key frames: every 0.5 s, and after at most N frames for large pictures', () => {
  for (const build of builds) {
    it.runIf(build.path !== null)(`${build.name} forces them where the expression says`, () => {
      const out = path.join(tempDir(), 'kf.mp4');
      // 25 fps: 0.5 s is 12.5 frames; a limit of 4 frames puts one on every 4th frame instead.
      execFileSync(build.path as string, [
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x48:rate=25',
        '-frames:v',
        '30',
        '-c:v',
        'libx264',
        '-bf',
        '0',
        '-forced-idr',
        '1',
        '-force_key_frames',
        keyframeExpression(0.5, 4),
        '-pix_fmt',
        'yuv420p',
        `file:${out}`,
      ]);
      expect(keyFrames(out)).toEqual([0, 4, 8, 12, 16, 20, 24, 28]);
      execFileSync(build.path as string, [
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x48:rate=25',
        '-frames:v',
        '30',
        '-c:v',
        'libx264',
        '-bf',
        '0',
        '-forced-idr',
        '1',
        '-force_key_frames',
        keyframeExpression(0.5, 100),
        '-pix_fmt',
        'yuv420p',
        `file:${out}`,
      ]);
      expect(keyFrames(out)).toEqual([0, 13, 26]);
    });
    if (build.path === null) console.log(`${build.name}: not found, its key frames not tested.`);
  }
});
