import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { ffmpegInputName } from '../../media/runProcess.js';
import { passthroughFrameArgs } from '../../media/ffmpegCapabilities.js';
import { parseStderrLine } from './showinfoParser.js';
import { FrameRing } from './frameRing.js';

export interface DecodedFrame {
  index: number;
  /** PTS in stream time-base ticks, as ffmpeg's showinfo saw the frame. */
  ptsTicks: number;
  /** A decoder error was reported shortly before this frame was output (it may be damaged). */
  decodeIssue: boolean;
  width: number;
  height: number;
  /** rgb24; a reused buffer: valid only until the next frame is pulled. */
  data: Uint8Array;
}

export interface FrameStreamOptions {
  ffmpegPath: string;
  file: string;
  /** Output size. Every frame is scaled to it, so a resolution change mid-stream keeps frames whole. */
  width: number;
  height: number;
  /** The stream's codec as ffprobe names it: decoder messages are recognised by it. */
  codec: string;
  /** Called with each decoder error message (damaged data), for the analysis report. */
  onDecoderError?: (message: string) => void;
  signal?: AbortSignal;
}

/**
 * With frame threading and B-frame reordering, the picture a decoder error
 * concerns is output up to a few frames after the message: this many frames
 * after each error are marked as possibly damaged.
 */
export const DECODE_ISSUE_WINDOW = 8;

export class DecodeError extends Error {}

const PTS_WAIT_MS = 60_000;

/** Frames ffmpeg may decode ahead of the analysis (memory: this many frames more). */
const READ_AHEAD_FRAMES = 3;

/**
 * Decodes every frame of the first video stream, in presentation order, at the
 * analysis size, with display rotation applied, and yields them one at a time.
 * A small ring of frame buffers lets ffmpeg decode a few frames ahead; when it
 * is full the pipe is paused and ffmpeg waits, so memory stays flat whatever
 * the recording's length.
 */
export async function* decodeFrames(options: FrameStreamOptions): AsyncGenerator<DecodedFrame> {
  const frameBytes = options.width * options.height * 3;
  // The showinfo branch sees every frame's PTS at almost no cost (it works on a 4x4 copy).
  const graph = `[0:v:0]scale=${options.width}:${options.height}:flags=bilinear,split=2[out][probe];[probe]scale=4:4:flags=neighbor,showinfo,nullsink`;
  const child = spawn(options.ffmpegPath, [
    '-hide_banner', '-nostdin', '-loglevel', 'level+info',
    // -copyts: keep the stream's own timestamps (ffmpeg otherwise subtracts the
    // container start time), so they compare with the frame table as they are.
    '-copyts', '-i', ffmpegInputName(options.file),
    '-filter_complex', graph, '-map', '[out]', ...passthroughFrameArgs(options.ffmpegPath),
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1',
  ], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });

  const onAbort = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', onAbort);

  // showinfo's own counter restarts when ffmpeg rebuilds the graph (a change of
  // picture size): frames are matched by arrival order instead, a FIFO.
  const pts: number[] = [];
  let ptsHead = 0;
  const issueFrames = new Set<number>();
  let framesSeenOnStderr = 0;
  let issueUntil = -1;
  let lastError = '';
  let waiter: (() => void) | null = null;
  let stderrDone = false;
  const wake = () => { waiter?.(); waiter = null; };

  const lines = readline.createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    const event = parseStderrLine(line, options.codec);
    if (event.kind === 'frame') {
      pts.push(event.pts);
      if (framesSeenOnStderr <= issueUntil) issueFrames.add(framesSeenOnStderr);
      framesSeenOnStderr += 1;
      wake();
    } else if (event.kind === 'decoder-error') {
      lastError = event.message;
      issueUntil = framesSeenOnStderr + DECODE_ISSUE_WINDOW - 1;
      options.onDecoderError?.(event.message);
    }
  });
  lines.on('close', () => { stderrDone = true; wake(); });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const spawnError = new Promise<never>((_, reject) => child.on('error', (err) => reject(new DecodeError(`ffmpeg could not be started: ${err.message}`))));
  spawnError.catch(() => {});

  const ring = new FrameRing(frameBytes, READ_AHEAD_FRAMES + 1);
  let pending: Buffer | null = null;
  let stdoutEnded = false;
  let stdoutError: Error | null = null;
  let frameWaiter: (() => void) | null = null;
  const wakeFrame = () => { frameWaiter?.(); frameWaiter = null; };
  child.stdout.on('data', (chunk: Buffer) => {
    // A chunk can still arrive just after pause(): it queues behind the pending bytes.
    if (pending) {
      pending = Buffer.concat([pending, chunk]);
      return;
    }
    const taken = ring.write(chunk);
    if (taken < chunk.length) {
      // The ring is full: keep the rest and stop the pipe until a frame is released.
      pending = chunk.subarray(taken);
      child.stdout.pause();
    }
    wakeFrame();
  });
  child.stdout.on('end', () => { stdoutEnded = true; wakeFrame(); });
  child.stdout.on('error', (err) => { stdoutError = err; wakeFrame(); });

  let index = 0;
  try {
    for (;;) {
      let data = ring.take();
      while (!data && !stdoutEnded && !stdoutError) {
        await new Promise<void>((resolve) => { frameWaiter = resolve; });
        data = ring.take();
      }
      if (stdoutError) throw new DecodeError(`reading ffmpeg's output failed: ${(stdoutError as Error).message}`);
      if (!data) break;
      while (pts.length - ptsHead === 0 && !stderrDone) {
        const arrived = await Promise.race([
          new Promise<boolean>((resolve) => { waiter = () => resolve(true); }),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PTS_WAIT_MS).unref()),
        ]);
        if (!arrived) throw new DecodeError(`ffmpeg gave frame ${index} but not its timestamp within ${PTS_WAIT_MS / 1000} s`);
      }
      const ptsTicks = pts[ptsHead];
      if (ptsTicks === undefined) throw new DecodeError(`ffmpeg gave frame ${index} without its timestamp`);
      ptsHead += 1;
      if (ptsHead > 4096) { pts.splice(0, ptsHead); ptsHead = 0; }
      const decodeIssue = issueFrames.delete(index);
      yield { index, ptsTicks, decodeIssue, width: options.width, height: options.height, data };
      index += 1;
      ring.release();
      if (pending) {
        const rest: Buffer = pending;
        const taken = ring.write(rest);
        pending = taken < rest.length ? rest.subarray(taken) : null;
        if (!pending) child.stdout.resume();
      }
    }
    const code = await Promise.race([exited, spawnError]);
    if (options.signal?.aborted) throw new DecodeError('analysis was cancelled');
    if (code !== 0) throw new DecodeError(`decoding stopped at frame ${index}: ${lastError || `ffmpeg exited with code ${code}`}`);
    if (ring.partialBytes !== 0) throw new DecodeError(`ffmpeg ended inside frame ${index}: the output was cut short`);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (child.exitCode === null) child.kill('SIGKILL');
    lines.close();
  }
}
