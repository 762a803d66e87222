import { STORED_COLUMNS, STORED_INDEX } from '../../src-shared/analysis/frameColumns.js';
import { REVIEW_COLUMNS, type ReviewColumn } from '../../src-shared/review/reviewColumns.js';
import { blockLevel, minMaxEnvelopeFast, type BlockLevel } from '../../src-shared/review/envelope.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { latestCompleteAnalysis, readAnalysisValues } from '../store/analysesRepo.js';
import type { Db } from '../store/openStore.js';

/** The review columns of every frame of one analysis, frame-major (frames × REVIEW_COLUMNS). */
export interface ReviewSeries {
  analysisId: number;
  frames: number;
  values: Float32Array;
  /** Min/max per 32 frames, for long envelopes. */
  blocks: BlockLevel;
}

const WIDTH = REVIEW_COLUMNS.length;
const READ_FRAMES = 16_384;
/** Frames per block of the coarse min/max level; READ_FRAMES is a multiple of it. */
const BLOCK = 32;
/** A three-hour recording's series is ~30 MB: keep the two most recent (the one under review and the one before). */
const KEEP = 2;
const cache = new Map<string, ReviewSeries>();

const reading = new Map<string, Promise<ReviewSeries>>();

/**
 * The review columns of the latest complete analysis of a recording, read from
 * the store once per analysis and then served from memory: an analysis is never
 * changed once complete, so the copy cannot go stale (a newer analysis has
 * another id). Read a slice of chunks at a time so the peak stays small, and
 * let the host's other calls through between slices: read in one block, a
 * three-hour analysis held the review window's other calls for some 270 ms
 * (measured). Calls that come while it is being read wait for the same read.
 */
export async function reviewSeries(db: Db, dbKey: string, recordingId: number): Promise<ReviewSeries> {
  const analysis = latestCompleteAnalysis(db, recordingId);
  if (!analysis) throw new ApiError('not-found', `Recording #${recordingId} has no complete analysis: run the analysis first.`);
  const key = `${dbKey}#${analysis.id}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = reading.get(key);
  if (pending) return pending;
  const read = readInSlices(db, analysis.id, analysis.frameCount).then((series) => {
    cache.set(key, series);
    while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
    return series;
  }).finally(() => reading.delete(key));
  reading.set(key, read);
  return read;
}

async function readInSlices(db: Db, analysisId: number, frames: number): Promise<ReviewSeries> {
  const values = new Float32Array(frames * WIDTH);
  const blocks: BlockLevel = { blockSize: BLOCK, min: new Float32Array(Math.ceil(frames / BLOCK) * WIDTH), max: new Float32Array(Math.ceil(frames / BLOCK) * WIDTH) };
  const stored = REVIEW_COLUMNS.map((c) => STORED_INDEX[c]);
  const storedWidth = STORED_COLUMNS.length;
  for (let from = 0; from < frames; from += READ_FRAMES) {
    if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const count = Math.min(READ_FRAMES, frames - from);
    const slice = readAnalysisValues(db, analysisId, from, count);
    for (let f = 0; f < count; f++) {
      const src = f * storedWidth;
      const dst = (from + f) * WIDTH;
      for (let c = 0; c < WIDTH; c++) values[dst + c] = slice[src + (stored[c] as number)] as number;
    }
    // The slice's own blocks (a slice starts on a block boundary, READ_FRAMES being a multiple of BLOCK).
    const own = blockLevel(values.subarray(from * WIDTH, (from + count) * WIDTH), WIDTH, count, BLOCK);
    blocks.min.set(own.min, (from / BLOCK) * WIDTH);
    blocks.max.set(own.max, (from / BLOCK) * WIDTH);
  }
  return { analysisId, frames, values, blocks };
}

export function columnIndices(columns: readonly ReviewColumn[]): number[] {
  return columns.map((c) => REVIEW_COLUMNS.indexOf(c));
}

/** Frames [from, from+count) of the chosen columns, clipped to the recording. */
export function seriesSlice(series: ReviewSeries, from: number, count: number, columns: readonly ReviewColumn[]): { from: number; count: number; data: Float32Array } {
  const start = Math.min(from, series.frames);
  const n = Math.max(0, Math.min(count, series.frames - start));
  const pick = columnIndices(columns);
  const out = new Float32Array(n * pick.length);
  for (let f = 0; f < n; f++) {
    const src = (start + f) * WIDTH;
    for (let c = 0; c < pick.length; c++) out[f * pick.length + c] = series.values[src + (pick[c] as number)] as number;
  }
  return { from: start, count: n, data: out };
}

export function seriesEnvelope(series: ReviewSeries, from: number, to: number, buckets: number, columns: readonly ReviewColumn[]) {
  const start = Math.min(from, series.frames);
  const end = Math.max(start, Math.min(to, series.frames));
  return { from: start, to: end, ...minMaxEnvelopeFast(series.values, WIDTH, series.blocks, start, end, buckets, columnIndices(columns)) };
}

export function toBase64(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}
