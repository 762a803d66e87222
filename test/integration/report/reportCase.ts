import fs from 'node:fs';
import path from 'node:path';
import { createDefaultStages } from '../../../src-main/analysis/pipeline/defaultStages.js';
import { applyAnnotationChange } from '../../../src-main/annotations/annotationService.js';
import type { AppContext } from '../../../src-main/app/context.js';
import { analyzeImportedRecording } from '../../../src-main/usecases/analyzeRecording.js';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { spotImportedRecording } from '../../../src-main/usecases/spotImportedRecording.js';
import { realMediaDir } from '../../helpers/paths.js';

/**
 * A note no report may execute or let break its layout: markup, quotes, a
 * formula for spreadsheets, an invisible right-to-left override and one very
 * long word.
 */
export const HOSTILE_NOTE =
  `=HYPERLINK("http://example.invalid","x") <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> ` +
  `"double" 'single' & \u202Eevil\u202C ${'W'.repeat(300)} end`;
export const CYRILLIC_NOTE = 'Brows up, Привет; Łódź';

export interface SeededReportCase {
  recordingId: number;
  original: string;
  /** Annotation ids: accepted with the hostile note, accepted by hand, pending by hand. */
  hostileId: number;
}

/**
 * The real talking-head recording (a copy, which tests may change) imported,
 * analysed (real onnxruntime), spotted, and annotated by two analysts.
 */
export async function seedReportCase(ctx: AppContext & { dir: string }): Promise<SeededReportCase> {
  const original = path.join(ctx.dir, 'interview 01.mp4');
  fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), original);
  const imported = await importRecording(ctx, original);
  const recordingId = imported.id!;
  await analyzeImportedRecording(ctx, recordingId, createDefaultStages);
  const spot = await spotImportedRecording(ctx, recordingId, createDefaultStages);
  const hostile =
    spot.candidates.length > 0
      ? applyAnnotationChange(ctx.db, recordingId, 'A. Analyst', {
          kind: 'candidate',
          spottingRunId: spot.spottingRunId,
          candidateIndex: 0,
          set: { verdict: 'accepted', note: HOSTILE_NOTE },
        })
      : applyAnnotationChange(ctx.db, recordingId, 'A. Analyst', {
          kind: 'manual',
          set: { onsetFrame: 30, apexFrame: 40, offsetFrame: 50, emotion: 'fear', verdict: 'accepted', note: HOSTILE_NOTE },
        });
  if (spot.candidates.length > 1) {
    applyAnnotationChange(ctx.db, recordingId, 'B. Böhm', {
      kind: 'candidate',
      spottingRunId: spot.spottingRunId,
      candidateIndex: 1,
      set: { verdict: 'rejected', note: 'a blink' },
    });
  }
  applyAnnotationChange(ctx.db, recordingId, 'B. Böhm', {
    kind: 'manual',
    set: { onsetFrame: 400, apexFrame: 405, offsetFrame: 410, emotion: 'surprise', verdict: 'accepted', note: CYRILLIC_NOTE },
  });
  applyAnnotationChange(ctx.db, recordingId, 'A. Analyst', {
    kind: 'manual',
    set: { onsetFrame: 600, offsetFrame: 603, emotion: 'contempt', verdict: 'pending' },
  });
  return { recordingId, original, hostileId: hostile.changedId! };
}
