import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * Benchmark clips made from real footage: the talking-head recording of the
 * shared media, letterboxed into a 1280x720 30 fps H.264 stream, looped to
 * the length wanted. A real face keeps every stage of the pipeline busy.
 */
export function makeBenchClip(ffmpegPath: string, source: string, seconds: number, outDir: string): string {
  const out = path.join(outDir, `bench-720p30-${seconds}s.mp4`);
  if (fs.existsSync(out)) return out;
  const tmp = `${out}.part.mp4`;
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
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '20',
      '-g',
      '60',
      '-pix_fmt',
      'yuv420p',
      '-an',
      `file:${tmp}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  fs.renameSync(tmp, out);
  return out;
}
