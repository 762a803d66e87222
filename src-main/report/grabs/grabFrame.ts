import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { elapsedSeconds, ptsSeconds, ptsTicksAt } from '../../../src-shared/time/frameTable.js';
import { passthroughFrameArgs } from '../../media/ffmpegCapabilities.js';
import { describeExit } from '../../media/processExit.js';
import { ffmpegInputName, lastErrorLine, runProcess } from '../../media/runProcess.js';
import { parseStderrLine } from '../../analysis/decode/showinfoParser.js';
import type { GrabPlan } from './faceRegion.js';

export interface GrabRequest {
  ffmpegPath: string;
  file: string;
  codec: string;
  table: FrameTable;
  /** Frame indices of the key frames (from the frame table). */
  keyFrames: readonly number[];
  frame: number;
  plan: GrabPlan;
}

const TIMEOUT_MS = 120_000;

/**
 * Decodes exactly one frame of the original, found by its PTS in the frame
 * table, and returns it as PNG (the planned region, magnified or reduced).
 * ffmpeg starts decoding at a key frame before it (timestamps kept as they are,
 * -copyts), and `select` passes the first frame whose time reaches halfway
 * between the previous frame and this one. `showinfo` reports that frame's PTS,
 * which must be the table's: a frame that is not the one asked for is never
 * shown. If the seek went wrong, the file is decoded from its start once more.
 */
export async function grabFrame(req: GrabRequest): Promise<Buffer> {
  try {
    return await decodeOne(req, seekSeconds(req));
  } catch (err) {
    if (!(err instanceof WrongFrame)) throw err;
    return decodeOne(req, null);
  }
}

class WrongFrame extends Error {}

/** A key frame at or before the frame, less half a second: the demuxer lands at or before it. */
function seekSeconds(req: GrabRequest): number | null {
  let key = 0;
  for (const k of req.keyFrames) if (k <= req.frame && k > key) key = k;
  const s = elapsedSeconds(req.table, key) - 0.5;
  return s > 0 ? s : null;
}

async function decodeOne(req: GrabRequest, seek: number | null): Promise<Buffer> {
  const { table, frame, plan } = req;
  const threshold = frame === 0 ? ptsSeconds(table, 0) - 1 : (ptsSeconds(table, frame - 1) + ptsSeconds(table, frame)) / 2;
  const crop = plan.region ? `crop=${plan.region.w}:${plan.region.h}:${plan.region.x}:${plan.region.y},` : '';
  const flags = plan.scale >= 1 ? 'neighbor' : 'area';
  // To RGB first, so the crop and the enlargement work on the picture as displayed: every output pixel is a
  // copy of one RGB pixel of the frame (chroma subsampling is undone once, before, not blurred after).
  const graph = `[0:v:0]select=gte(t\\,${threshold.toFixed(6)}),showinfo,format=rgb24,${crop}scale=${plan.outWidth}:${plan.outHeight}:flags=${flags}[out]`;
  const args = [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'level+info',
    ...(seek === null ? [] : ['-noaccurate_seek', '-ss', seek.toFixed(6)]),
    '-copyts',
    '-i',
    ffmpegInputName(req.file),
    '-filter_complex',
    graph,
    '-map',
    '[out]',
    '-frames:v',
    '1',
    ...passthroughFrameArgs(req.ffmpegPath),
    '-f',
    'image2pipe',
    '-c:v',
    'png',
    'pipe:1',
  ];
  const result = await runProcess(req.ffmpegPath, args, { timeoutMs: TIMEOUT_MS, maxStdoutBytes: 64 * 1024 * 1024 });
  if (result.code !== 0 || result.stdout.length === 0) {
    throw new Error(
      `ffmpeg could not decode frame ${frame}: ${result.signal ? describeExit('ffmpeg', result.code, result.signal) : lastErrorLine(result.stderr)}`,
    );
  }
  const shown = result.stderr
    .split('\n')
    .map((l) => parseStderrLine(l, req.codec))
    .find((e) => e.kind === 'frame');
  const expected = ptsTicksAt(table, frame);
  if (!shown || shown.kind !== 'frame') throw new WrongFrame(`ffmpeg did not report the PTS of the frame it decoded for frame ${frame}`);
  if (shown.pts !== expected) throw new WrongFrame(`ffmpeg decoded PTS ${shown.pts} for frame ${frame}, whose PTS is ${expected}`);
  return result.stdout;
}
