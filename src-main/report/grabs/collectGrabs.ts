import { STORED_INDEX } from '../../../src-shared/analysis/frameColumns.js';
import { filmstripFrames } from '../../../src-shared/review/filmstripFrames.js';
import { frameToTimecode } from '../../../src-shared/time/timecode.js';
import type { AppContext } from '../../app/context.js';
import { readAnalysisValues } from '../../store/analysesRepo.js';
import type { StoredFrameTable } from '../../store/recordingsRepo.js';
import type { AnnotationLine, ReportModel } from '../model/reportModel.js';
import type { FaceGrab, GrabSet } from './faceGrab.js';
import { planGrab } from './faceRegion.js';
import { grabFrame } from './grabFrame.js';

/** Frames shown per accepted event: every one up to this many, evenly sampled (with onset, apex, offset) beyond. */
export const REPORT_STRIP_MAX = 12;
/** Side of one picture in the reports, in pixels (faces are enlarged by whole-number pixel repetition up to it). */
export const REPORT_STRIP_SIDE = 192;

export interface GrabSource {
  /** A copy of the original that verified at report time, or null (then nothing is decoded). */
  verifiedPath: string | null;
  table: StoredFrameTable;
  analysisId: number | null;
  onGrab?: (done: number, total: number) => void;
}

/**
 * The face of every accepted annotation from onset to offset, decoded from the
 * verified original frame by frame: every frame up to REPORT_STRIP_MAX, evenly
 * sampled beyond. One face square (around the apex, or the middle frame) for
 * all of an event's pictures, so the face does not jump between them.
 */
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
  const plans = accepted.map((a) => ({
    a,
    frames: filmstripFrames(a.onset.frame, a.offset.frame, a.apex?.frame ?? null, REPORT_STRIP_MAX),
  }));
  const total = plans.reduce((n, p) => n + p.frames.length, 0);
  let done = 0;
  for (const { a, frames } of plans) {
    const middle = a.apex?.frame ?? frames[Math.floor(frames.length / 2)]!;
    const plan = planGrab(
      faceBox(ctx, src.analysisId, middle),
      m.recording.width,
      m.recording.height,
      REPORT_STRIP_SIDE,
      REPORT_STRIP_SIDE,
    );
    const grabs: FaceGrab[] = [];
    for (const frame of frames) {
      grabs.push(await grabOne(ctx, src, m, a, frame, plan));
      src.onGrab?.(++done, total);
    }
    byAnnotation.set(a.id, grabs);
  }
  return { byAnnotation, omitted: null };
}

async function grabOne(
  ctx: AppContext,
  src: GrabSource,
  m: ReportModel,
  a: AnnotationLine,
  frame: number,
  plan: ReturnType<typeof planGrab>,
): Promise<FaceGrab> {
  const role = frame === a.onset.frame ? 'onset' : frame === a.offset.frame ? 'offset' : frame === a.apex?.frame ? 'apex' : null;
  const base = { role, frame, timecode: frameToTimecode(src.table, frame) } as const;
  try {
    const png = await grabFrame({
      ffmpegPath: ctx.tools().ffmpeg.path,
      file: src.verifiedPath!,
      codec: m.recording.codec,
      table: src.table,
      keyFrames: src.table.keyFrames,
      frame,
      plan,
    });
    return { ...base, png, width: plan.outWidth, height: plan.outHeight, region: plan.region, scale: plan.scale, problem: null };
  } catch (err) {
    return { ...base, png: null, width: 0, height: 0, region: null, scale: 1, problem: `not decoded: ${(err as Error).message}` };
  }
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
