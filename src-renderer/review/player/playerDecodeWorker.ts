// The review player's decode worker: demuxing, WebCodecs decoding and bitmap
// conversion, off the window's main thread (which only draws). See playerDecodeWorkerCore.ts.
import { FrameDecoder } from './frameDecoder.js';
import { createDecodeWorkerCore } from './playerDecodeWorkerCore.js';
import type { FromDecodeWorker, ToDecodeWorker } from './playerDecodeProtocol.js';

/** The dedicated worker's global, as much of it as is used (the renderer is type-checked against the DOM library). */
const scope = self as unknown as {
  postMessage(message: FromDecodeWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToDecodeWorker>) => void) | null;
};
const handle = createDecodeWorkerCore(
  (url, pts, maxSide) => FrameDecoder.open(url, pts, maxSide),
  (message, transfer) => scope.postMessage(message, transfer ?? []),
);
scope.onmessage = (event) => handle(event.data);
