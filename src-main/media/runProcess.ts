import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs a program to completion, never through a shell, so no file name can be
 * taken as shell syntax. Collects stdout as bytes and stderr as text.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; maxStdoutBytes?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    const limit = options.maxStdoutBytes ?? 256 * 1024 * 1024;
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      // Keep the tail: ffmpeg's last lines say what went wrong.
      stderr = (stderr + text).slice(-64 * 1024);
    });
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(chunks), stderr });
    });
  });
}

/** The last meaningful line of ffmpeg's or ffprobe's error output, for a one-line message. */
export function lastErrorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? 'no error output';
}

/**
 * How a file is named on an ffmpeg command line: absolute, behind the `file:`
 * protocol, so a name that starts with a dash is never an option and a name with
 * a colon is never taken for another protocol.
 */
export function ffmpegInputName(absolutePath: string): string {
  return `file:${absolutePath}`;
}
