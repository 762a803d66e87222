import type { CodingPass } from '../../src-shared/domain/codingPass.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { appendAudit } from '../store/auditLog.js';
import { getPass, insertPass, markComplete, openPassOf } from '../store/codingPassesRepo.js';
import type { Db } from '../store/openStore.js';
import { getRecording } from '../store/recordingsRepo.js';
import { stateRef } from '../store/sealedState.js';

/** Starts the analyst's coding pass of a recording (one open pass each at a time), audited as pass.started. */
export function startPass(
  db: Db,
  recordingId: number,
  analyst: string,
  options: { blind: boolean; hideSpotterEmotion: boolean },
): CodingPass {
  if (!getRecording(db, recordingId)) throw new ApiError('not-found', `No recording with id ${recordingId} in this case.`);
  return db
    .transaction(() => {
      const open = openPassOf(db, recordingId, analyst);
      if (open) throw new ApiError('invalid-arguments', `You already have pass #${open.id} open on this recording: complete it first.`);
      const id = insertPass(db, { recordingId, analyst, ...options, startedAt: new Date().toISOString() });
      appendAudit(db, {
        actor: analyst,
        action: 'pass.started',
        target: `recording:${recordingId}`,
        after: { passId: id, ...options },
        state: [stateRef.codingPass(id)],
      });
      return getPass(db, id)!;
    })
    .immediate();
}

/** Marks the pass complete (its analyst only): its decisions become final, and it counts in agreement figures. */
export function completePass(db: Db, passId: number, analyst: string): CodingPass {
  return db
    .transaction(() => {
      const pass = getPass(db, passId);
      if (!pass) throw new ApiError('not-found', `No coding pass #${passId} in this case.`);
      if (pass.analyst !== analyst)
        throw new ApiError('invalid-arguments', `Pass #${passId} is ${pass.analyst}'s: only they can complete it.`);
      if (pass.completedAt) throw new ApiError('invalid-arguments', `Pass #${passId} was already completed at ${pass.completedAt}.`);
      markComplete(db, passId, new Date().toISOString());
      appendAudit(db, {
        actor: analyst,
        action: 'pass.completed',
        target: `recording:${pass.recordingId}`,
        after: { passId },
        state: [stateRef.codingPass(passId)],
      });
      return getPass(db, passId)!;
    })
    .immediate();
}
