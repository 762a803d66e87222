import { Worker } from 'node:worker_threads';
import { workerScriptPath } from '../../config/workerScript.js';
import { describeExit } from '../../media/processExit.js';
import { allocateSharedFrameRing, FrameRingConsumer } from './sharedFrameRing.js';
import type { DecodeWorkerData, DecodeWorkerMessage } from './analysisDecodeProtocol.js';

export { DECODE_ISSUE_WINDOW } from './decodeGraph.js';

export interface DecodedFrame {
  index: number;
  /** PTS in stream time-base ticks, as ffmpeg's showinfo saw the frame. */
  ptsTicks: number;
  /** A decoder error was reported shortly before this frame was output (it may be damaged). */
  decodeIssue: boolean;
  width: number;
  height: number;
  /**
   * rgb24; a view of a shared buffer. Valid until the next frame is pulled,
   * or, with `holdUntilReleased`, until this frame's release().
   */
  data: Uint8Array;
  /** With `holdUntilReleased`: gives the frame's slot back to the decoder. Frames must be released in order. */
  release?: () => void;
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
  /**
   * Keep each frame intact until its release() is called (in order), so
   * several can be in use at once; without it a frame is released when the
   * next one is pulled. At most the ring's slots can be held: a caller that
   * holds them all and pulls again waits for ever.
   */
  holdUntilReleased?: boolean;
}

export class DecodeError extends Error {}

/**
 * Frames in the ring: those the analysis still holds (its expression being
 * judged on another thread, analyzeFrames.ts) plus those ffmpeg may decode
 * ahead, enough to ride out the analysis's uneven pace (a detection frame costs
 * more than a tracked one). Memory is this many frames (about 2.8 MB each at
 * 1280x720).
 */
const RING_SLOTS = 8;

type EndMessage = Extract<DecodeWorkerMessage, { type: 'end' }>;

/**
 * Decodes every frame of the first video stream, in presentation order, at the
 * analysis size, with display rotation applied, and yields them one at a time.
 * ffmpeg runs under a worker thread that drains its pipes into a shared ring,
 * so decoding goes on while this thread is busy analysing; when the ring is
 * full, ffmpeg waits, so memory stays flat whatever the recording's length.
 */
export async function* decodeFrames(options: FrameStreamOptions): AsyncGenerator<DecodedFrame> {
  const ringBuffers = allocateSharedFrameRing(options.width * options.height * 3, RING_SLOTS);
  const ring = new FrameRingConsumer(ringBuffers);
  const workerData: DecodeWorkerData & { ring: typeof ringBuffers } = {
    ffmpegPath: options.ffmpegPath,
    file: options.file,
    width: options.width,
    height: options.height,
    codec: options.codec,
    ring: ringBuffers,
  };
  const worker = new Worker(decodeWorkerPath(), { workerData });
  let end: EndMessage | null = null;
  let workerError: Error | null = null;
  worker.on('message', (message: DecodeWorkerMessage) => {
    if (message.type === 'decoder-error') options.onDecoderError?.(message.message);
    else end = message;
  });
  worker.on('error', (err) => {
    workerError = err;
  });
  const workerExited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const onAbort = () => worker.postMessage({ type: 'stop' });
  options.signal?.addEventListener('abort', onAbort);

  let index = 0;
  try {
    for (;;) {
      let frame = ring.take();
      while (!frame && !ring.closed && !workerError && !options.signal?.aborted) {
        await ring.publishedSince(index);
        frame = ring.take();
      }
      if (options.signal?.aborted) throw new DecodeError('analysis was cancelled');
      if (workerError) throw new DecodeError(`the decode worker failed: ${(workerError as Error).message}`);
      if (!frame) break;
      const decoded: DecodedFrame = {
        index,
        ptsTicks: frame.ptsTicks,
        decodeIssue: frame.decodeIssue,
        width: options.width,
        height: options.height,
        data: frame.data,
      };
      if (options.holdUntilReleased) {
        const number = index;
        let released = false;
        decoded.release = () => {
          if (released) return;
          // Releasing out of order would hand the decoder a slot still in use.
          if (ring.consumed !== number)
            throw new Error(`frame ${number} released before frame ${ring.consumed}: frames are released in order`);
          released = true;
          ring.release();
        };
      }
      yield decoded;
      index += 1;
      if (!options.holdUntilReleased) ring.release();
    }
    // The ring closes just after the end message is posted: wait for its delivery.
    while (!end && !workerError) await Promise.race([workerExited, new Promise((resolve) => setTimeout(resolve, 5))]);
    if (workerError) throw new DecodeError(`the decode worker failed: ${(workerError as Error).message}`);
    const result = end as EndMessage | null;
    if (!result) throw new DecodeError('the decode worker stopped without reporting the end of the stream');
    if (result.spawnError) throw new DecodeError(`ffmpeg could not be started: ${result.spawnError}`);
    if (result.stdoutError) throw new DecodeError(`reading ffmpeg's output failed: ${result.stdoutError}`);
    if (result.signal)
      throw new DecodeError(
        `decoding stopped at frame ${index}: ${describeExit('ffmpeg', result.code, result.signal)}` +
          `${result.lastError ? ` (its last decoder message: ${result.lastError})` : ''}`,
      );
    if (result.code !== 0)
      throw new DecodeError(`decoding stopped at frame ${index}: ${result.lastError || describeExit('ffmpeg', result.code, null)}`);
    if (result.partialBytes !== 0) throw new DecodeError(`ffmpeg ended inside frame ${index}: the output was cut short`);
    if (result.framesWithoutPts !== 0) throw new DecodeError(`ffmpeg gave frame ${index} without its timestamp`);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    worker.postMessage({ type: 'stop' });
    await Promise.race([workerExited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await worker.terminate();
  }
}

/**
 * The worker's compiled file. Beside this module when running from the build;
 * when this module runs from its TypeScript source (the tests), the worker
 * comes from the build, which the test command makes first.
 */
function decodeWorkerPath(): string {
  return workerScriptPath(
    import.meta.url,
    'analysis/decode/analysisDecodeWorker.js',
    (built) => new DecodeError(`the decode worker is missing (${built}): run "npm run build"`),
  );
}
