import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { SplicePlan } from './splicePlan.js';

/**
 * Encodes a splice plan into a video: each source segment is cut by frame
 * number (trim on the decoded frames), the pieces are concatenated and given
 * fresh, evenly spaced timestamps, then encoded nearly losslessly (H.264 CRF 17).
 */
export function encodeSplicedClip(ffmpegPath: string, source: string, plan: SplicePlan, fps: number, out: string): string {
  if (fs.existsSync(out)) return out;
  const chains = plan.segments.map((s, i) => `[0:v]trim=start_frame=${s.from}:end_frame=${s.to + 1},setpts=PTS-STARTPTS[s${i}]`);
  const graph = `${chains.join(';')};${plan.segments.map((_, i) => `[s${i}]`).join('')}concat=n=${plan.segments.length}:v=1:a=0,setpts=N/(${fps}*TB)[out]`;
  const tmp = path.join(path.dirname(out), `.${process.pid}.${path.basename(out)}`);
  execFileSync(
    ffmpegPath,
    [
      '-v',
      'error',
      '-y',
      '-i',
      `file:${source}`,
      '-filter_complex',
      graph,
      '-map',
      '[out]',
      '-r',
      String(fps),
      '-c:v',
      'libx264',
      '-crf',
      '17',
      '-preset',
      'fast',
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
