import path from 'node:path';
import type { CodingPass } from '../../src-shared/domain/codingPass.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { applyAnnotationChange } from '../annotations/annotationService.js';
import { readAnnotationFile } from '../annotationFiles/readAnnotationFile.js';
import type { AppContext } from '../app/context.js';
import { appendAudit } from '../store/auditLog.js';
import { getPass, insertPass, markComplete, openPassOf } from '../store/codingPassesRepo.js';
import { getFrameTable } from '../store/recordingsRepo.js';
import { stateRef } from '../store/sealedState.js';

export interface ImportedCoding {
  pass: CodingPass;
  format: string;
  events: number;
  skipped: string[];
}

/**
 * Another coder's annotation file (ELAN, Micromoment CSV, plain CSV) stored as
 * that analyst's coding pass, complete at once (its decisions were made
 * elsewhere): one transaction, so a file with any problem (refused whole by the
 * reader) or a failure midway leaves nothing. Audited as pass.imported (with
 * the file's name and SHA-256), one entry per event, and pass.completed.
 */
export function importCodingFile(ctx: AppContext, recordingId: number, analyst: string, file: string, mapFile?: string): ImportedCoding {
  const table = getFrameTable(ctx.db, recordingId);
  if (!table) throw new ApiError('not-found', `No recording with id ${recordingId} in this case.`);
  const read = readAnnotationFile(file, table, mapFile);
  return ctx.db
    .transaction(() => {
      const open = openPassOf(ctx.db, recordingId, analyst);
      if (open) throw new ApiError('invalid-arguments', `${analyst} has pass #${open.id} open on this recording: complete it first.`);
      const at = new Date().toISOString();
      const passId = insertPass(ctx.db, { recordingId, analyst, blind: false, hideSpotterEmotion: false, startedAt: at });
      appendAudit(ctx.db, {
        actor: analyst,
        action: 'pass.imported',
        target: `recording:${recordingId}`,
        after: {
          passId,
          file: path.basename(file),
          sha256: read.sha256,
          // The mapping decides the emotions: its bytes are recorded too.
          ...(mapFile ? { map: path.basename(mapFile), mapSha256: read.mapSha256 } : {}),
          format: read.format,
          events: read.events.length,
          skipped: read.skipped,
          by: ctx.analyst,
        },
        state: [stateRef.codingPass(passId)],
      });
      for (const e of read.events)
        applyAnnotationChange(
          ctx.db,
          recordingId,
          analyst,
          {
            kind: 'manual',
            set: { onsetFrame: e.onset, apexFrame: e.apex, offsetFrame: e.offset, emotion: e.emotion, verdict: e.verdict, note: e.note },
          },
          passId,
        );
      markComplete(ctx.db, passId, new Date().toISOString());
      appendAudit(ctx.db, {
        actor: analyst,
        action: 'pass.completed',
        target: `recording:${recordingId}`,
        after: { passId },
        state: [stateRef.codingPass(passId)],
      });
      return { pass: getPass(ctx.db, passId)!, format: read.format, events: read.events.length, skipped: read.skipped };
    })
    .immediate();
}
