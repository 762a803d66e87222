import fs from 'node:fs';
import crypto from 'node:crypto';

/**
 * SHA-256 of a file, read as a stream through a read-only descriptor: evidence
 * is never opened for writing, whatever its size.
 */
export async function sha256File(file: string, onProgress?: (bytesDone: number) => void): Promise<string> {
  const hash = crypto.createHash('sha256');
  const stream = fs.createReadStream(file, { flags: 'r', highWaterMark: 1024 * 1024 });
  let done = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onProgress?.(done);
  }
  return hash.digest('hex');
}
