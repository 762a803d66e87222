import { execFileSync } from 'node:child_process';

const cache = new Map<string, { fpsMode: boolean }>();

/**
 * What this ffmpeg build understands. The bundled static build (2018) predates
 * `-fps_mode`; newer builds deprecate `-vsync`. Both mean: pass every decoded
 * frame through, never duplicate or drop one to fit a rate.
 */
export function passthroughFrameArgs(ffmpegPath: string): string[] {
  let caps = cache.get(ffmpegPath);
  if (!caps) {
    let help: string;
    try {
      help = execFileSync(ffmpegPath, ['-hide_banner', '-h', 'long'], { encoding: 'utf8', timeout: 15_000, maxBuffer: 16 * 1024 * 1024 });
    } catch {
      help = '';
    }
    caps = { fpsMode: help.includes('-fps_mode') };
    cache.set(ffmpegPath, caps);
  }
  return caps.fpsMode ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
}
