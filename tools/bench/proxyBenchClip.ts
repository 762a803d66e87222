import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { packageRoot } from '../../src-main/config/paths.js';

export const benchWorkDir = path.join(os.tmpdir(), 'micromoment-bench');
const source = path.resolve(packageRoot(), '..', 'shared', 'media', 'talking-head', 'franck-excerpt.mp4');

/**
 * A 1280x720 30 fps MPEG-2 program stream like a DVD or broadcast recorder
 * writes (GOP 15 with 2 B-frames, quantiser 3), made from real talking-head
 * footage looped to `seconds`.
 */
export function makeMpeg2Clip(ffmpegPath: string, seconds: number): string {
  fs.mkdirSync(benchWorkDir, { recursive: true });
  const out = path.join(benchWorkDir, `bench-720p30-mpeg2-${seconds}s.mpg`);
  if (fs.existsSync(out)) return out;
  const tmp = `${out}.part.mpg`;
  execFileSync(
    ffmpegPath,
    [
      '-v',
      'error',
      '-y',
      '-stream_loop',
      '-1',
      '-i',
      `file:${source}`,
      '-t',
      String(seconds),
      '-vf',
      'scale=-2:720,pad=1280:720:(ow-iw)/2:0,fps=30',
      '-c:v',
      'mpeg2video',
      '-q:v',
      '3',
      '-g',
      '15',
      '-bf',
      '2',
      '-pix_fmt',
      'yuv420p',
      '-an',
      '-f',
      'mpeg',
      `file:${tmp}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  fs.renameSync(tmp, out);
  return out;
}
