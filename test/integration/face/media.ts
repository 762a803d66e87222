// Real media for the face stage tests (the shared folder beside the checkout,
// see its PROVENANCE.md), decoded to rgb24 with the suite's reference ffmpeg.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RgbFrame } from '../../../src-main/analysis/types.js';
import { FFMPEG_PATH, fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { sharedMediaDir } from '../../helpers/paths.js';

export const facesDir = path.join(sharedMediaDir, 'faces');
export const talkingHeadDir = path.join(sharedMediaDir, 'talking-head');

if (!fs.existsSync(facesDir) || !fs.existsSync(talkingHeadDir)) {
  throw new Error(`The face stage tests need the shared real media (PROVENANCE.md) at ${sharedMediaDir}; it is not there.`);
}

export interface Size {
  width: number;
  height: number;
}

/** One image as an rgb24 frame at its own size (or scaled to `size`). */
export async function decodeImage(file: string, size: Size, scaleTo?: Size): Promise<RgbFrame> {
  const out = scaleTo ?? size;
  const filter = scaleTo ? `scale=${scaleTo.width}:${scaleTo.height},format=rgb24` : 'format=rgb24';
  const { stdout } = await runFfmpeg(['-i', fileArg(file), '-vf', filter, '-frames:v', '1', '-f', 'rawvideo', 'pipe:1']);
  if (stdout.length !== out.width * out.height * 3)
    throw new Error(`${file}: ${stdout.length} bytes, expected ${out.width}x${out.height} rgb24`);
  return { index: 0, width: out.width, height: out.height, data: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length) };
}

/**
 * Every frame of a video as rgb24, streamed (a clip decoded whole would take
 * hundreds of MB). Each frame's bytes are only valid until the next is requested, as in the pipeline.
 */
export async function* videoFrames(file: string, size: Size): AsyncGenerator<RgbFrame> {
  const frameBytes = size.width * size.height * 3;
  const child = spawn(
    FFMPEG_PATH,
    [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-i',
      fileArg(file),
      '-map',
      '0:v:0',
      '-fps_mode',
      'passthrough',
      '-vf',
      `scale=${size.width}:${size.height}`,
      '-pix_fmt',
      'rgb24',
      '-f',
      'rawvideo',
      'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (t: string) => (stderr = (stderr + t).slice(-4096)));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const frame = new Uint8Array(frameBytes);
  let filled = 0;
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          yield { index: index++, width: size.width, height: size.height, data: frame };
          filled = 0;
        }
      }
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const code = await exited;
  if (code !== 0) throw new Error(`ffmpeg failed on ${file} (exit ${code}): ${stderr.trim()}`);
  if (filled !== 0) throw new Error(`${file}: a partial frame of ${filled} bytes at the end`);
}
