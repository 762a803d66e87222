import { ApiError } from '../../src-shared/api/apiError.js';
import { getPass, openPassOf } from '../store/codingPassesRepo.js';
import type { Db } from '../store/openStore.js';

/**
 * Who may see and change which set of a recording's annotations. The set is
 * the case's working set (passId null) or a coding pass. A pass is its
 * analyst's alone and final once complete. An analyst with an open blind pass
 * on the recording is shown, and changes, nothing but that pass: the host
 * enforces it, so no window (or other client) can show them the others.
 */
export function requireSetVisible(db: Db, recordingId: number, analyst: string, passId: number | null): void {
  if (passId !== null) requirePassOfRecording(db, recordingId, passId);
  const blind = openPassOf(db, recordingId, analyst);
  if (blind?.blind && blind.id !== passId)
    throw new ApiError(
      'invalid-arguments',
      `You are coding recording #${recordingId} blind in pass #${blind.id}: the other decisions and notes stay hidden until you complete it.`,
    );
}

export function requireSetWritable(db: Db, recordingId: number, analyst: string, passId: number | null): void {
  requireSetVisible(db, recordingId, analyst, passId);
  if (passId === null) return;
  const pass = requirePassOfRecording(db, recordingId, passId);
  if (pass.analyst !== analyst) throw new ApiError('invalid-arguments', `Pass #${passId} is ${pass.analyst}'s: only they code in it.`);
  if (pass.completedAt !== null)
    throw new ApiError('invalid-arguments', `Pass #${passId} was completed at ${pass.completedAt}: its decisions are final.`);
}

function requirePassOfRecording(db: Db, recordingId: number, passId: number) {
  const pass = getPass(db, passId);
  if (!pass || pass.recordingId !== recordingId)
    throw new ApiError('not-found', `Recording #${recordingId} has no coding pass #${passId}.`);
  return pass;
}
