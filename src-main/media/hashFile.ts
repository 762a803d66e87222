import fs from 'node:fs';
import crypto from 'node:crypto';
import type { StepControl } from './stepControl.js';

/**
 * SHA-256 of a file, read as a stream through a read-only descriptor: evidence
 * is never opened for writing, whatever its size. While `control.hold` is
 * paused it reads no further (at most one more chunk is buffered).
 */
export async function sha256File(file: string, onProgress?: (bytesDone: number) => void, control: StepControl = {}): Promise<string> {
  const { signal, hold } = control;
  const hash = crypto.createHash('sha256');
  // With a signal, an abort destroys the stream and the loop below throws an AbortError.
  const stream = fs.createReadStream(file, { flags: 'r', highWaterMark: 1024 * 1024, ...(signal ? { signal } : {}) });
  let done = 0;
  for await (const chunk of stream) {
    if (hold?.paused) await hold.wait(signal);
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onProgress?.(done);
  }
  return hash.digest('hex');
}
