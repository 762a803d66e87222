import { STORED_INDEX } from '../../../src-shared/analysis/frameColumns.js';
import type { AppContext } from '../../app/context.js';
import { readAnalysisValues } from '../../store/analysesRepo.js';
import type { StoredFrameTable } from '../../store/recordingsRepo.js';
import type { ReportModel } from '../model/reportModel.js';
import type { FaceGrab, GrabSet } from './faceGrab.js';
import { planGrab } from './faceRegion.js';
import { grabFrame } from './grabFrame.js';

export interface GrabSource {
  /** A copy of the original that verified at report time, or null (then nothing is decoded). */
  verifiedPath: string | null;
  table: StoredFrameTable;
  analysisId: number | null;
  onGrab?: (done: number, total: number) => void;
}

/** Onset, apex and offset of every accepted annotation, decoded from the verified original. */
export async function collectGrabs(ctx: AppContext, m: ReportModel, src: GrabSource): Promise<GrabSet> {
  const accepted = m.annotations.filter((a) => a.status === 'accepted');
  const byAnnotation = new Map<number, FaceGrab[]>();
  if (accepted.length === 0) return { byAnnotation, omitted: null };
  if (!src.verifiedPath) {
    return {
      byAnnotation,
      omitted:
        'No frame was decoded: the original did not verify at report time, and frames of other bytes would not show what was annotated.',
    };
  }
  const ffmpeg = ctx.tools().ffmpeg;
  const total = accepted.length * 3;
  let done = 0;
  for (const a of accepted) {
    const grabs: FaceGrab[] = [];
    for (const [role, t] of [
      ['onset', a.onset],
      ['apex', a.apex],
      ['offset', a.offset],
    ] as const) {
      done += 1;
      if (!t) {
        grabs.push({ role, frame: a.onset.frame, png: null, width: 0, height: 0, region: null, scale: 1, problem: 'apex not marked' });
        continue;
      }
      const plan = planGrab(faceBox(ctx, src.analysisId, t.frame), m.recording.width, m.recording.height);
      try {
        const png = await grabFrame({
          ffmpegPath: ffmpeg.path,
          file: src.verifiedPath,
          codec: m.recording.codec,
          table: src.table,
          keyFrames: src.table.keyFrames,
          frame: t.frame,
          plan,
        });
        grabs.push({
          role,
          frame: t.frame,
          png,
          width: plan.outWidth,
          height: plan.outHeight,
          region: plan.region,
          scale: plan.scale,
          problem: null,
        });
      } catch (err) {
        grabs.push({
          role,
          frame: t.frame,
          png: null,
          width: 0,
          height: 0,
          region: null,
          scale: 1,
          problem: `not decoded: ${(err as Error).message}`,
        });
      }
      src.onGrab?.(done, total);
    }
    byAnnotation.set(a.id, grabs);
  }
  return { byAnnotation, omitted: null };
}

/** The subject's face box of a frame from the stored analysis, or null. */
export function faceBox(ctx: AppContext, analysisId: number | null, frame: number): { x: number; y: number; w: number; h: number } | null {
  if (analysisId === null) return null;
  const v = readAnalysisValues(ctx.db, analysisId, frame, 1);
  const box = {
    x: v[STORED_INDEX.face_x] as number,
    y: v[STORED_INDEX.face_y] as number,
    w: v[STORED_INDEX.face_w] as number,
    h: v[STORED_INDEX.face_h] as number,
  };
  return Number.isFinite(box.w) ? box : null;
}
