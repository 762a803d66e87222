import crypto from 'node:crypto';
import fs from 'node:fs';

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The file's SHA-256, or null when there is no such file. */
export function sha256OfFile(file: string): string | null {
  try {
    return sha256Hex(fs.readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
