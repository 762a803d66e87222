import os from 'node:os';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { describeExit } from '../media/processExit.js';
import { lastErrorLine } from '../media/runProcess.js';

export class ProxyEncodeError extends Error {}

/** Nice value for the encoder: the window, the analysis and imports go first. */
const ENCODER_NICENESS = 10;

/**
 * Runs ffmpeg to make a proxy, in a child process: the caller's event loop is
 * never blocked. Reports frames written from ffmpeg's `-progress` lines. An
 * abort kills ffmpeg; the caller removes what it wrote.
 */
export function runProxyEncode(
  ffmpegPath: string,
  args: readonly string[],
  options: { signal?: AbortSignal; onFrames?: (frames: number) => void } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ProxyEncodeError('stopped before it started'));
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, ENCODER_NICENESS);
    } catch {
      // Not allowed here (some systems): it still runs, at normal priority.
    }
    let stderr = '';
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => {
      stderr = (stderr + t).slice(-16 * 1024);
    });
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const frames = progressFrames(line);
      if (frames !== null) options.onFrames?.(frames);
    });
    child.on('error', (err) => reject(new ProxyEncodeError(`ffmpeg could not be started: ${err.message}`)));
    child.on('close', (code, signal) => {
      lines.close();
      options.signal?.removeEventListener('abort', onAbort);
      if (aborted) return reject(new ProxyEncodeError('stopped (the app is closing or the job was cancelled)'));
      if (signal) return reject(new ProxyEncodeError(describeExit('ffmpeg', code, signal)));
      if (code !== 0) return reject(new ProxyEncodeError(`ffmpeg failed (${lastErrorLine(stderr)})`));
      resolve();
    });
  });
}

/** The frame count of one `-progress` line (`frame=123`), or null for any other line. */
export function progressFrames(line: string): number | null {
  const match = /^frame=\s*(\d+)\s*$/.exec(line);
  return match ? Number(match[1]) : null;
}
