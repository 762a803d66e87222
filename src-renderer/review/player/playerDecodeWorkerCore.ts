import type { DecodedFrame, DecodeStats, FrameDecoderInfo } from './frameDecoder.js';
import { sharedNow } from './sharedClock.js';
import type { FromDecodeWorker, ToDecodeWorker } from './playerDecodeProtocol.js';

/** What the worker needs of a decoder (FrameDecoder; a unit test's stand-in). */
export interface RunDecoder {
  readonly info: FrameDecoderInfo;
  readonly unmatched: number;
  decode(from: number, to: number, onFrame: (f: DecodedFrame) => void, signal: AbortSignal): Promise<DecodeStats>;
  close(): Promise<void>;
}

export type OpenDecoder = (url: string, pts: Float64Array, maxSide: number) => Promise<RunDecoder>;
export type Post = (message: FromDecodeWorker, transfer?: Transferable[]) => void;

/**
 * The decode worker's message handling, apart from the worker global so it can
 * be tested. Runs execute one at a time, in the order asked; a cancel stops
 * its run at once (a queued run never starts), so a seek's own run begins as
 * soon as the player asks for it instead of waiting behind the cache filling.
 * Every run ends with exactly one run-end or run-failed, after its frames.
 */
export function createDecodeWorkerCore(open: OpenDecoder, post: Post): (message: ToDecodeWorker) => void {
  let decoder: Promise<RunDecoder | null> = Promise.resolve(null);
  let queue: Promise<void> = Promise.resolve();
  const controllers = new Map<number, AbortController>();
  /** When the worker took each run's cancel (sharedNow()), for the benchmark's account of a seek. */
  const cancelsReceived = new Map<number, number>();

  const runOne = async (run: number, from: number, to: number, signal: AbortSignal, receivedAt: number): Promise<void> => {
    const d = await decoder;
    if (!d) return post({ type: 'run-failed', run, message: 'The recording is not open.' });
    try {
      const stats = await d.decode(from, to, ({ frame, bitmap }) => post({ type: 'frame', run, frame, bitmap }, [bitmap]), signal);
      const cancelReceivedAt = cancelsReceived.get(run) ?? null;
      cancelsReceived.delete(run);
      post({
        type: 'run-end',
        run,
        cancelled: signal.aborted,
        stats,
        unmatched: d.unmatched,
        receivedAt,
        cancelReceivedAt,
        endedAt: sharedNow(),
      });
    } catch (err) {
      post({ type: 'run-failed', run, message: (err as Error).message });
    }
  };

  return (message) => {
    switch (message.type) {
      case 'open':
        decoder = open(message.url, message.pts, message.maxSide).then(
          (d) => {
            post({ type: 'opened', info: d.info });
            return d;
          },
          (err: unknown) => {
            post({ type: 'open-failed', message: (err as Error).message });
            return null;
          },
        );
        return;
      case 'decode': {
        const controller = new AbortController();
        controllers.set(message.run, controller);
        const { run, from, to } = message;
        const receivedAt = sharedNow();
        queue = queue.then(() => runOne(run, from, to, controller.signal, receivedAt)).finally(() => controllers.delete(run));
        return;
      }
      case 'cancel': {
        const controller = controllers.get(message.run);
        if (controller && !controller.signal.aborted) cancelsReceived.set(message.run, sharedNow());
        controller?.abort();
        return;
      }
      case 'close':
        for (const c of controllers.values()) c.abort();
        queue = queue.then(async () => {
          await (await decoder)?.close();
        });
        return;
    }
  };
}
