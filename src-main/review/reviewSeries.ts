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
/** A three-hour recording's series is ~30 MB: keep the two most recent (the one under review and the one before). */
const KEEP = 2;
const cache = new Map<string, ReviewSeries>();

/**
 * The review columns of the latest complete analysis of a recording, read from
 * the store once per analysis and then served from memory: an analysis is never
 * changed once complete, so the copy cannot go stale (a newer analysis has
 * another id). Read a slice of chunks at a time so the peak stays small.
 */
export function reviewSeries(db: Db, dbKey: string, recordingId: number): ReviewSeries {
  const analysis = latestCompleteAnalysis(db, recordingId);
  if (!analysis) throw new ApiError('not-found', `Recording #${recordingId} has no complete analysis: run the analysis first.`);
  const key = `${dbKey}#${analysis.id}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const frames = analysis.frameCount;
  const values = new Float32Array(frames * WIDTH);
  const stored = REVIEW_COLUMNS.map((c) => STORED_INDEX[c]);
  const storedWidth = STORED_COLUMNS.length;
  for (let from = 0; from < frames; from += READ_FRAMES) {
    const count = Math.min(READ_FRAMES, frames - from);
    const slice = readAnalysisValues(db, analysis.id, from, count);
    for (let f = 0; f < count; f++) {
      const src = f * storedWidth;
      const dst = (from + f) * WIDTH;
      for (let c = 0; c < WIDTH; c++) values[dst + c] = slice[src + (stored[c] as number)] as number;
    }
  }
  const series = { analysisId: analysis.id, frames, values, blocks: blockLevel(values, WIDTH, frames, 32) };
  cache.set(key, series);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return series;
}

export function columnIndices(columns: readonly ReviewColumn[]): number[] {
  return columns.map((c) => REVIEW_COLUMNS.indexOf(c));
}

/** Frames [from, from+count) of the chosen columns, clipped to the recording. */
export function seriesSlice(
  series: ReviewSeries,
  from: number,
  count: number,
  columns: readonly ReviewColumn[],
): { from: number; count: number; data: Float32Array } {
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
