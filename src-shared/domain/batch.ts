import { z } from 'zod';

/**
 * A batch scan: a queue of files, each hashed, imported, analysed and spotted.
 * Shared by the command line (`micromoment scan`) and the API (`batch.*`).
 */

/**
 * - queued: waiting for a worker; running: a worker has it;
 * - done: imported, analysed and spotted in this scan;
 * - skipped: already complete in the case (same bytes, same models, parameters and pipeline version);
 * - failed: with its reason; ignored: turned out not to be a video (e.g. audio only);
 * - cancelled: the scan was cancelled before this file was finished.
 */
export const BatchFileStatusSchema = z.enum(['queued', 'running', 'done', 'skipped', 'failed', 'ignored', 'cancelled']);
export type BatchFileStatus = z.infer<typeof BatchFileStatusSchema>;

/**
 * The step a running file is at: `probing` (is it a recording at all? before anything reads it whole),
 * `waiting` while another path with the same bytes is being processed.
 */
export const BatchPhaseSchema = z.enum(['probing', 'hashing', 'waiting', 'indexing', 'analysing', 'spotting']);
export type BatchPhase = z.infer<typeof BatchPhaseSchema>;

export const BatchFileSchema = z.object({
  path: z.string(),
  sizeBytes: z.number(),
  status: BatchFileStatusSchema,
  phase: BatchPhaseSchema.nullable(),
  /** Progress within the phase (bytes while hashing, frames otherwise). */
  phaseDone: z.number(),
  phaseTotal: z.number(),
  /** Share of this file's work done, 0 to 1. */
  fraction: z.number(),
  sha256: z.string().nullable(),
  recordingId: z.number().int().nullable(),
  frames: z.number().int().nullable(),
  candidates: z.number().int().nullable(),
  /** Why it failed, was ignored or cancelled. */
  error: z.string().nullable(),
  /** Done, but the analyst must look: the file declares noticeably more video than decodes (cut short or damaged). */
  warning: z.string().nullable(),
});
export type BatchFile = z.infer<typeof BatchFileSchema>;

/** A path found while walking the folders that is not a recording, and why (never probed, or not a video). */
export const IgnoredPathSchema = z.object({ path: z.string(), reason: z.string() });
export type IgnoredPath = z.infer<typeof IgnoredPathSchema>;

/**
 * - discovering: walking the folders; running; paused (no new file starts, analyses wait at the next frame);
 * - cancelling: cancelled, waiting for the workers to stop;
 * - finished: every file has an outcome; cancelled; stopped: the case database could not be written (e.g. disk full).
 */
export const BatchStateSchema = z.enum(['discovering', 'running', 'paused', 'cancelling', 'finished', 'cancelled', 'stopped']);
export type BatchState = z.infer<typeof BatchStateSchema>;

export const BatchCountsSchema = z.object({
  files: z.number().int(),
  queued: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  ignored: z.number().int(),
  cancelled: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCountsSchema>;

export const BatchProgressSchema = z.object({
  batchId: z.number().int(),
  state: BatchStateSchema,
  workers: z.number().int(),
  counts: BatchCountsSchema,
  /** Share of the whole scan's work done, 0 to 1 (files weighted by size; skipped ones weigh nothing). */
  fraction: z.number(),
  /** Frames analysed per second over the last few seconds, all workers together. */
  framesPerSecond: z.number(),
  /** Estimated seconds left, null until there is enough to go on. */
  etaS: z.number().nullable(),
  /** The files being worked on now. */
  running: z.array(BatchFileSchema),
  /** Set when the scan stopped on an error of its own (not of one file): what happened and what to do. */
  error: z.string().nullable(),
});
export type BatchProgress = z.infer<typeof BatchProgressSchema>;

export const BatchStatusSchema = BatchProgressSchema.extend({
  roots: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  files: z.array(BatchFileSchema),
  ignored: z.array(IgnoredPathSchema),
});
export type BatchStatus = z.infer<typeof BatchStatusSchema>;

/** Workers a batch may be given through the API or `--workers`. */
export const MAX_BATCH_WORKERS = 32;
