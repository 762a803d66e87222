// Attack (or accident): the decoder is killed from outside while it works (an
// out-of-memory killer, an administrator, a crash by signal). Its exit code is
// then null, and the analyst read "ffmpeg exited with code null": no cause, and
// nothing to tell a crash from a kill.
// Promise: a decoder ended by a signal is reported as such, naming the signal
// ("ffmpeg was killed by signal SIGKILL"), and the command fails (exit 1)
// instead of reporting a result. Here the real ffmpeg is killed during
// `micromoment analyze`: MICROMOMENT_FFMPEG is a wrapper that writes the pid of
// the decoding ffmpeg, then execs the real one under that same pid.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateTool } from '../../src-main/media/ffmpegLocator.js';
import { runCli } from '../helpers/cli.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

/** A wrapper for the ffmpeg the app would use; the decode (raw video to a pipe) leaves its pid in `pidLog`. */
function ffmpegWrapper(dir: string, pidLog: string): string {
  const real = locateTool('ffmpeg', undefined, { ...process.env, MICROMOMENT_FFMPEG: '' });
  if (!real) throw new Error('no ffmpeg to wrap');
  const wrapper = path.join(dir, 'ffmpeg-wrapper.sh');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(
    wrapper,
    ['#!/bin/sh', `case "$*" in *rawvideo*) echo $$ >> ${quote(pidLog)} ;; esac`, `exec ${quote(real.path)} "$@"`, ''].join('\n'),
    { mode: 0o755 },
  );
  return wrapper;
}

async function firstPid(pidLog: string, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const pid = Number.parseInt(fs.existsSync(pidLog) ? fs.readFileSync(pidLog, 'utf8') : '', 10);
    if (pid > 0) return pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the decoding ffmpeg never started');
}

describe('a decoder killed by a signal', () => {
  it('analyze names the signal, and fails', async () => {
    const dir = tempDir('mm-sec-kill-');
    const pidLog = path.join(dir, 'ffmpeg.pid');
    const video = path.join(dir, 'interview.mp4');
    fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), video);
    const env = { MICROMOMENT_FFMPEG: ffmpegWrapper(dir, pidLog), MICROMOMENT_DATA_DIR: path.join(dir, 'data') };

    const running = runCli(['analyze', video, '--out', path.join(dir, 'frames.csv')], { env, timeoutMs: 100_000 });
    // At most a few frames ahead of the analysis (a ring of 8), the decoder is still working when killed.
    process.kill(await firstPid(pidLog, 60_000), 'SIGKILL');
    const run = await running;

    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /^micromoment analyze: .*interview\.mp4: decoding stopped at frame \d+: ffmpeg was killed by signal SIGKILL/m,
    );
    expect(run.stderr).not.toContain('code null');
  });
});
