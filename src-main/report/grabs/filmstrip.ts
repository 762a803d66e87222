import { filmstripFrames } from '../../../src-shared/review/filmstripFrames.js';
import { ApiError } from '../../../src-shared/api/apiError.js';
import type { AppContext } from '../../app/context.js';
import { latestCompleteAnalysis } from '../../store/analysesRepo.js';
import { getFrameTable, getRecording } from '../../store/recordingsRepo.js';
import { faceBox } from './collectGrabs.js';
import { planGrab, type GrabPlan } from './faceRegion.js';
import { grabFrame } from './grabFrame.js';
import { presentOriginal } from '../../usecases/presentOriginal.js';

/** Side of one picture of the strip, in pixels. */
export const FILMSTRIP_CELL = 64;

export interface Filmstrip {
  frames: number[];
  /** PNG per frame (base64), in `frames` order; null where that frame could not be decoded (`problem`). */
  cells: (string | null)[];
  /** The face square shown (pixels of the displayed frame), the same for every cell; null: the whole frame. */
  region: { x: number; y: number; w: number; h: number } | null;
  /** Integer ≥ 1: each pixel repeated; < 1: reduced by averaging. */
  scale: number;
  cellWidth: number;
  cellHeight: number;
  /** Every frame of the interval is shown (false: sampled). */
  complete: boolean;
  problem: string | null;
}

/** Strips made recently, by recording and interval: going back to a candidate costs nothing. */
const recent = new Map<string, Filmstrip>();
const RECENT_MAX = 64;

/**
 * The face from onset through apex to offset, decoded from the original by
 * ffmpeg frame by frame, each frame found by its time in the frame table and
 * checked (grabFrame): the recording's own pixels, repeated to enlarge, as the
 * reports show them. One square around the face at the apex (or the middle
 * frame) for every cell, so the face does not jump from cell to cell.
 */
export async function makeFilmstrip(ctx: AppContext, id: number, onset: number, offset: number, apex: number | null): Promise<Filmstrip> {
  const recording = getRecording(ctx.db, id);
  const table = getFrameTable(ctx.db, id);
  if (!recording || !table) throw new ApiError('not-found', `No recording with id ${id} in this case.`);
  if (offset >= recording.frames || onset > offset)
    throw new ApiError(
      'invalid-arguments',
      `Frames ${onset}–${offset} are not an interval of this recording (frames 0–${recording.frames - 1}).`,
    );
  const analysis = latestCompleteAnalysis(ctx.db, id);
  const key = `${id}:${analysis?.id ?? '-'}:${onset}:${offset}:${apex ?? '-'}`;
  const known = recent.get(key);
  if (known) return known;
  const frames = filmstripFrames(onset, offset, apex);
  const middle = apex ?? frames[Math.floor(frames.length / 2)]!;
  const plan = planCell(faceBox(ctx, analysis?.id ?? null, middle), recording.probe.width, recording.probe.height);
  const file = presentOriginal(ctx, id, recording.sizeBytes);
  const ffmpeg = ctx.tools().ffmpeg;
  const cells: (string | null)[] = [];
  let problem: string | null = null;
  for (const frame of frames) {
    try {
      const png = await grabFrame({
        ffmpegPath: ffmpeg.path,
        file,
        codec: recording.probe.videoCodec,
        table,
        keyFrames: table.keyFrames,
        frame,
        plan,
      });
      cells.push(png.toString('base64'));
    } catch (err) {
      cells.push(null);
      problem ??= `frame ${frame} not decoded: ${(err as Error).message}`;
    }
  }
  const strip: Filmstrip = {
    frames,
    cells,
    region: plan.region,
    scale: plan.scale,
    cellWidth: plan.outWidth,
    cellHeight: plan.outHeight,
    complete: frames.length === offset - onset + 1,
    problem,
  };
  if (problem === null) {
    recent.set(key, strip);
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
  }
  return strip;
}

/** The square around the face as the reports frame it, brought to at most FILMSTRIP_CELL pixels. */
export function planCell(box: { x: number; y: number; w: number; h: number } | null, width: number, height: number): GrabPlan {
  return planGrab(box, width, height, FILMSTRIP_CELL, FILMSTRIP_CELL);
}
