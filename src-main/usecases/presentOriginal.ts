import fs from 'node:fs';
import type { AppContext } from '../app/context.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { listLocations } from '../store/recordingsRepo.js';

/** A location of the original that still has the imported size (the bytes are re-hashed by verify and at report time). */
export function presentOriginal(ctx: AppContext, recordingId: number, sizeBytes: number): string {
  for (const location of listLocations(ctx.db, recordingId)) {
    try {
      if (fs.statSync(location.path).size === sizeBytes) return location.path;
    } catch {
      // missing here; try the next known location
    }
  }
  throw new ApiError(
    'failed',
    `The original of recording #${recordingId} is not at any of its known locations (or its size changed): ` +
      `reconnect the evidence drive or import the file again.`,
  );
}
