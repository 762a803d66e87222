import { runProcess } from '../media/runProcess.js';

const encoderLists = new Map<string, Promise<string>>();

/**
 * Whether this ffmpeg build has an encoder (`ffmpeg -encoders`), asked once per
 * binary without blocking. Proxies need libx264: both the bundled static build
 * and Debian's ffmpeg have it; a build without it makes no proxy, and says so.
 */
export async function hasEncoder(ffmpegPath: string, encoder: string): Promise<boolean> {
  let list = encoderLists.get(ffmpegPath);
  if (!list) {
    list = runProcess(ffmpegPath, ['-hide_banner', '-encoders'], { timeoutMs: 15_000 }).then(
      (r) => (r.code === 0 ? r.stdout.toString('utf8') : ''),
      () => '',
    );
    encoderLists.set(ffmpegPath, list);
  }
  return (await list).split('\n').some((line) => line.trim().split(/\s+/)[1] === encoder);
}
