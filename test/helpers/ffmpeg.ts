/**
 * Small ffmpeg / ffprobe helpers for tests. They use the system ffmpeg (the
 * reference decoder for the test suite), independently of the application's own
 * media code, so tests can check the application against it.
 *
 * Every file is passed as `file:` + absolute path, so a name beginning with a
 * dash is never read as an option and a name containing a colon is never read
 * as a protocol. Nothing goes through a shell.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';

/** The reference ffmpeg and ffprobe (override with MICROMOMENT_TEST_FFMPEG / MICROMOMENT_TEST_FFPROBE). */
export const FFMPEG_PATH = process.env.MICROMOMENT_TEST_FFMPEG ?? '/usr/bin/ffmpeg';
export const FFPROBE_PATH = process.env.MICROMOMENT_TEST_FFPROBE ?? '/usr/bin/ffprobe';

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  /** Bytes or a stream to feed to the program's stdin (e.g. raw frames for `-f rawvideo -i pipe:0`). */
  input?: Buffer | Uint8Array | Readable;
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

/** `file:` + absolute path: how a file is named on every ffmpeg/ffprobe command line here. */
export function fileArg(file: string): string {
  return `file:${path.resolve(file)}`;
}

function lastLines(stderr: string, n = 4): string {
  return (
    stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-n)
      .join(' | ') || 'no error output'
  );
}

/**
 * Runs a program to completion; resolves with its stdout bytes and stderr text,
 * rejects with an FfmpegError (carrying the tail of stderr) on a non-zero exit.
 */
export function runTool(program: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let stderr = '';
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(err);
    };
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-64 * 1024);
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (settled) return;
      settled = true;
      if (code === 0) {
        resolve({ stdout: Buffer.concat(chunks), stderr });
      } else {
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        reject(
          new FfmpegError(`${path.basename(program)} failed (${why}): ${lastLines(stderr)}\n  args: ${args.join(' ')}`, args, stderr, code),
        );
      }
    });
    // If the program exits early (bad arguments) writing gives EPIPE: the exit
    // code and stderr explain it, so the write error itself is ignored.
    const stdin = child.stdin;
    stdin.on('error', () => undefined);
    if (!options.input) {
      stdin.end();
    } else if (options.input instanceof Readable) {
      const source = options.input;
      source.on('error', (err) => fail(err));
      source.pipe(stdin);
    } else {
      stdin.end(options.input);
    }
  });
}

/** Runs ffmpeg with `-hide_banner -nostdin -v error` prepended (`-nostdin` only when nothing is piped in). */
export function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const prefix = options.input ? ['-hide_banner', '-v', 'error'] : ['-hide_banner', '-nostdin', '-v', 'error'];
  return runTool(FFMPEG_PATH, [...prefix, ...args], options);
}

/** Runs ffprobe with `-v error -of json` and parses its output. */
export async function runFfprobeJson(args: readonly string[]): Promise<unknown> {
  const { stdout } = await runTool(FFPROBE_PATH, ['-v', 'error', '-of', 'json', ...args]);
  return JSON.parse(stdout.toString('utf8')) as unknown;
}

export interface Rational {
  num: number;
  den: number;
}

function parseRational(text: unknown, what: string): Rational {
  const match = typeof text === 'string' ? /^(\d+)[/:](\d+)$/.exec(text) : null;
  const num = Number(match?.[1]);
  const den = Number(match?.[2]);
  if (!match || !num || !den) throw new Error(`ffprobe gave no usable ${what}: ${String(text)}`);
  return { num, den };
}

function parseSeconds(text: unknown): number | null {
  if (typeof text !== 'string' || text === 'N/A') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

interface ProbeJson {
  streams?: Array<Record<string, unknown> & { side_data_list?: Array<Record<string, unknown>> }>;
  format?: Record<string, unknown>;
  frames?: Array<Record<string, unknown>>;
}

export interface VideoStreamInfo {
  codec: string;
  pixFmt: string;
  /** Coded size, as stored. */
  codedWidth: number;
  codedHeight: number;
  /**
   * The display matrix rotation as ffprobe prints it (av_display_rotation_get:
   * degrees counter-clockwise, in (-180, 180]), 0 when there is none.
   */
  rotation: number;
  /** Size as ffmpeg outputs frames by default, i.e. after its automatic rotation. */
  width: number;
  height: number;
  timeBase: Rational;
  /** Stream start_time in seconds, null if unknown. */
  streamStartTime: number | null;
  /** Container (format) start_time in seconds: the origin of `-ss` on input. Null if unknown. */
  formatStartTime: number | null;
  formatName: string;
}

/** Describes the first video stream of a file. */
export async function probeVideoStream(file: string): Promise<VideoStreamInfo> {
  const json = (await runFfprobeJson([
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=codec_name,pix_fmt,width,height,time_base,start_time:stream_side_data:format=start_time,format_name',
    fileArg(file),
  ])) as ProbeJson;
  const stream = json.streams?.[0];
  if (!stream) throw new Error(`no video stream in ${file}`);
  const codedWidth = Number(stream.width);
  const codedHeight = Number(stream.height);
  const matrix = stream.side_data_list?.find((sd) => sd.side_data_type === 'Display Matrix');
  const rotation = matrix && typeof matrix.rotation === 'number' ? matrix.rotation : 0;
  const quarterTurns = Math.round(rotation / 90);
  const swap = quarterTurns % 2 !== 0;
  return {
    codec: String(stream.codec_name),
    pixFmt: String(stream.pix_fmt),
    codedWidth,
    codedHeight,
    rotation,
    width: swap ? codedHeight : codedWidth,
    height: swap ? codedWidth : codedHeight,
    timeBase: parseRational(stream.time_base, 'time base'),
    streamStartTime: parseSeconds(stream.start_time),
    formatStartTime: parseSeconds(json.format?.start_time),
    formatName: String(json.format?.format_name),
  };
}

export interface FrameSize {
  width: number;
  height: number;
}

async function displaySize(file: string, size?: FrameSize): Promise<FrameSize> {
  if (size) return size;
  const info = await probeVideoStream(file);
  return { width: info.width, height: info.height };
}

function splitFrames(bytes: Buffer, size: FrameSize, file: string): Uint8Array[] {
  const frameBytes = size.width * size.height;
  if (bytes.length % frameBytes !== 0) {
    throw new Error(`${file}: decoded ${bytes.length} bytes, not a whole number of ${size.width}x${size.height} gray frames`);
  }
  const frames: Uint8Array[] = [];
  for (let o = 0; o < bytes.length; o += frameBytes) frames.push(new Uint8Array(bytes.buffer, bytes.byteOffset + o, frameBytes));
  return frames;
}

/**
 * Decodes every frame of the first video stream to 8-bit gray, one frame per
 * decoded frame (`-fps_mode passthrough`: no frame is duplicated or dropped to
 * fit a rate). ffmpeg applies the display rotation itself, so frames come out
 * as displayed; without `size` the displayed size is probed.
 */
export async function decodeAllGray(file: string, size?: FrameSize): Promise<Uint8Array[]> {
  const dims = await displaySize(file, size);
  const { stdout } = await runFfmpeg([
    '-i',
    fileArg(file),
    '-map',
    '0:v:0',
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'gray',
    'pipe:1',
  ]);
  return splitFrames(stdout, dims, file);
}

/**
 * The first frame ffmpeg outputs after an accurate input seek to `seconds`
 * (`-ss` before `-i`): the first frame whose PTS is at or after
 * `format start_time + seconds`. Note `seconds` is relative to the container's
 * start_time, not to zero (see probeVideoStream().formatStartTime).
 * Throws if ffmpeg outputs no frame (e.g. a seek past the end).
 */
export async function grabGrayFrameAt(file: string, seconds: number, size?: FrameSize): Promise<Uint8Array> {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`seek time must be a finite number ≥ 0, got ${seconds}`);
  const dims = await displaySize(file, size);
  const { stdout } = await runFfmpeg([
    '-ss',
    seconds.toFixed(6),
    '-i',
    fileArg(file),
    '-map',
    '0:v:0',
    '-frames:v',
    '1',
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'gray',
    'pipe:1',
  ]);
  const [frame] = splitFrames(stdout, dims, file);
  if (!frame) throw new Error(`${file}: ffmpeg returned no frame for -ss ${seconds.toFixed(6)}`);
  return frame;
}

/**
 * Many grabGrayFrameAt() calls in one ffmpeg process, to save ~0.1 s of process
 * start per seek. The file is opened once per seek time, each input with its
 * own `-ss` (so each gets exactly the same demuxer seek and accurate-seek trim
 * as a separate process would); each input's first output frame is taken with
 * `trim=end_frame=1` and the results are concatenated in order. Returns one
 * frame per seek time; throws if any seek yields no frame. At most
 * `batchSize` inputs per process.
 */
export async function grabGrayFramesAt(file: string, seconds: readonly number[], size?: FrameSize, batchSize = 30): Promise<Uint8Array[]> {
  for (const s of seconds) {
    if (!Number.isFinite(s) || s < 0) throw new RangeError(`seek time must be a finite number ≥ 0, got ${s}`);
  }
  const dims = await displaySize(file, size);
  const frames: Uint8Array[] = [];
  for (let start = 0; start < seconds.length; start += batchSize) {
    const batch = seconds.slice(start, start + batchSize);
    const inputs = batch.flatMap((s) => ['-ss', s.toFixed(6), '-i', fileArg(file)]);
    const chains = batch.map((_, i) => `[${i}:v:0]trim=end_frame=1[v${i}]`);
    const graph = `${chains.join(';')};${batch.map((_, i) => `[v${i}]`).join('')}concat=n=${batch.length}:v=1:a=0,setpts=N[out]`;
    const { stdout } = await runFfmpeg([
      ...inputs,
      '-filter_complex',
      graph,
      '-map',
      '[out]',
      '-fps_mode',
      'passthrough',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      'pipe:1',
    ]);
    const got = splitFrames(stdout, dims, file);
    if (got.length !== batch.length) {
      throw new Error(
        `${file}: ${batch.length} seeks (${batch.map((s) => s.toFixed(6)).join(', ')}) gave ${got.length} frames: some seek returned no frame`,
      );
    }
    frames.push(...got);
  }
  return frames;
}

export interface FrameTimes {
  /** best_effort_timestamp of every decoded frame, in time-base ticks, in decode output order. */
  timestamps: number[];
  timeBase: Rational;
  /** Container (format) start_time in seconds: what input `-ss` is relative to. Null if unknown. */
  formatStartTime: number | null;
}

/** Timestamps of every frame of the first video stream, as ffprobe's decoder reports them. */
export async function probeFrames(file: string): Promise<FrameTimes> {
  const json = (await runFfprobeJson([
    '-select_streams',
    'v:0',
    '-show_entries',
    'frame=best_effort_timestamp:stream=time_base:format=start_time',
    fileArg(file),
  ])) as ProbeJson;
  const timestamps = (json.frames ?? []).map((frame, i) => {
    const ts = frame.best_effort_timestamp;
    if (typeof ts !== 'number' || !Number.isSafeInteger(ts)) throw new Error(`${file}: frame ${i} has no best_effort_timestamp`);
    return ts;
  });
  return {
    timestamps,
    timeBase: parseRational(json.streams?.[0]?.time_base, 'time base'),
    formatStartTime: parseSeconds(json.format?.start_time),
  };
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
