import type { BatchFile, BatchProgress, BatchState, BatchStatus } from '../domain/batch.js';

/**
 * What the batch view shows, kept from `batch.status` answers and the
 * `batch.progress` / `batch.file` events. Events can arrive before the answer
 * that started the batch and after a newer batch began, so each is applied only
 * to the batch it names; a file is known by its path within the batch.
 */
export type BatchBoard = BatchStatus | null;

/** A full status replaces what we had (it is the source of truth, e.g. after a reload). */
export function withStatus(_board: BatchBoard, status: BatchStatus | null): BatchBoard {
  return status;
}

/** The batch as a whole moved on: its state, counts and the files being worked on now. */
export function withProgress(board: BatchBoard, progress: BatchProgress): BatchBoard {
  if (!board || board.batchId !== progress.batchId) return board;
  const running = new Map(progress.running.map((f) => [f.path, f]));
  const files = board.files.map((f) => running.get(f.path) ?? f);
  // A file the board has not seen yet (still discovering when the status was read) is added.
  for (const f of progress.running) if (!board.files.some((g) => g.path === f.path)) files.push(f);
  return { ...board, ...progress, files };
}

/** One file changed status. */
export function withFile(board: BatchBoard, event: { batchId: number; file: BatchFile }): BatchBoard {
  if (!board || board.batchId !== event.batchId) return board;
  const at = board.files.findIndex((f) => f.path === event.file.path);
  const files = at === -1 ? [...board.files, event.file] : board.files.map((f, i) => (i === at ? event.file : f));
  return { ...board, files };
}

/** The files that failed, with their reasons, in queue order. */
export function failures(board: BatchBoard): { path: string; reason: string }[] {
  return (board?.files ?? [])
    .filter((f) => f.status === 'failed')
    .map((f) => ({ path: f.path, reason: f.error ?? 'failed (no reason recorded)' }));
}

export interface BatchControls {
  start: boolean;
  pause: boolean;
  resume: boolean;
  cancel: boolean;
}

const ENDED: readonly BatchState[] = ['finished', 'cancelled', 'stopped'];

/** Which buttons make sense now: one batch at a time per case. */
export function controlsFor(state: BatchState | null): BatchControls {
  const ended = state === null || ENDED.includes(state);
  return {
    start: ended,
    pause: state === 'running' || state === 'discovering',
    resume: state === 'paused',
    cancel: state === 'running' || state === 'discovering' || state === 'paused',
  };
}

/** A file's line in the queue: its status, and where a running file is. */
export function fileLabel(file: BatchFile): string {
  // A file cut short is done, but not cleanly: the analyst must see why.
  if (file.warning && (file.status === 'done' || file.status === 'skipped')) return `${file.status}, WARNING: ${file.warning}`;
  if (file.status !== 'running') return file.status;
  if (!file.phase) return 'running';
  const of = file.phaseTotal > 0 ? ` ${Math.round((100 * file.phaseDone) / file.phaseTotal)}%` : '';
  return `${file.phase}${of}`;
}

/** "3 min 20 s left", or null when there is nothing sensible to say. */
export function etaLabel(etaS: number | null): string | null {
  if (etaS === null || !Number.isFinite(etaS) || etaS < 0) return null;
  const s = Math.round(etaS);
  if (s < 60) return `${s} s left`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s left`;
  return `${Math.floor(m / 60)} h ${m % 60} min left`;
}

/** Lines of a text field as paths (blank lines and surrounding spaces dropped). */
export function pathsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
