import { InvalidArgumentError, type Command } from 'commander';
import type { BatchFile, BatchStatus } from '../../../src-shared/domain/batch.js';
import { MAX_BATCH_WORKERS } from '../../../src-shared/domain/batch.js';
import type { EventPayload } from '../../../src-shared/api/contract.js';
import { defaultWorkerCount } from '../../scan/defaultWorkers.js';
import { ScanBatch } from '../../scan/scanBatch.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { EXIT } from '../exitCodes.js';
import { pathArguments } from '../pathArguments.js';
import { printable } from '../printable.js';
import { scanDisplay } from '../scanDisplay.js';

interface ScanOptions extends CommonOptions {
  workers?: number;
  json?: boolean;
}

export function registerScan(program: Command): void {
  withCaseOptions(program.command('scan'))
    .description(
      'find the recordings in folders and files (recursively, by content) and import, analyse and spot each; a scan run again skips what is complete',
    )
    .argument(
      '<paths...>',
      'folders and files to scan (originals are only read)',
      pathArguments('scan', 'a folder or file to scan', 'name the folders and files to scan (. is the current folder)'),
    )
    .option('--workers <n>', `files worked on at once (default here: ${defaultWorkerCount()}, one per two cores)`, parseWorkers)
    .option('--json', 'print {"recordings":[…],"ignored":[…],"summary":{…}} on stdout at the end')
    .action(async (paths: string[], options: ScanOptions) => {
      const display = scanDisplay();
      const ctx = contextFrom(options, (event, payload) => {
        if (event === 'batch.progress') display.update(payload as EventPayload<'batch.progress'>);
        if (event === 'batch.file' && !options.json) {
          const line = humanLine((payload as EventPayload<'batch.file'>).file);
          if (line) display.log(line, process.stdout);
        }
      });
      let batch: ScanBatch;
      try {
        batch = new ScanBatch(ctx, { roots: paths, workers: options.workers ?? defaultWorkerCount() });
      } catch (err) {
        ctx.close();
        throw err;
      }
      const interrupt = onInterrupt(batch, display);
      let status: BatchStatus;
      try {
        status = await batch.start();
      } finally {
        display.stop();
        process.off('SIGINT', interrupt);
        ctx.close();
      }
      if (options.json) process.stdout.write(JSON.stringify(jsonReport(status, ctx.dbPath), null, 2) + '\n');
      else process.stdout.write(summaryLine(status) + '\n');
      if (status.error) process.stderr.write(`micromoment scan: ${printable(status.error)}\n`);
      process.exitCode = exitCodeOf(status);
    });
}

/** First Ctrl-C: cancel and report what was done. Second: leave at once (the store is consistent either way). */
function onInterrupt(batch: ScanBatch, display: ReturnType<typeof scanDisplay>) {
  const handler = () => {
    if (batch.state === 'cancelling' || batch.state === 'cancelled') process.exit(EXIT.interrupted);
    display.log(
      'Cancelling: the files being scanned are left unfinished (scan again to finish them). Ctrl-C again quits at once.',
      process.stderr,
    );
    batch.cancel();
  };
  process.on('SIGINT', handler);
  return handler;
}

export function exitCodeOf(status: BatchStatus): number {
  if (status.state === 'stopped') return EXIT.stopped;
  if (status.state === 'cancelled') return EXIT.interrupted;
  return status.files.some((f) => f.status === 'failed') ? EXIT.someFailed : EXIT.ok;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH_WORKERS)
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_BATCH_WORKERS}`);
  return n;
}

/**
 * The documented JSON. `status` is done, failed or skipped: a file the scan
 * did not finish (cancelled, or the scan stopped) is failed, with the reason.
 * Paths that are not recordings are under `ignored`, with why.
 */
export function jsonReport(status: BatchStatus, dbPath: string) {
  const recordings = status.files
    .filter((f) => f.status !== 'ignored')
    .map((f) => ({
      path: f.path,
      sha256: f.sha256,
      status: f.status === 'done' || f.status === 'skipped' ? f.status : 'failed',
      ...(f.status === 'done' || f.status === 'skipped' ? {} : { error: f.error ?? 'not finished' }),
      ...(f.warning ? { warning: f.warning } : {}),
      frames: f.frames,
      candidates: f.candidates,
    }));
  const ignored = [
    ...status.ignored,
    ...status.files.filter((f) => f.status === 'ignored').map((f) => ({ path: f.path, reason: f.error ?? 'not a video' })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const c = status.counts;
  return {
    recordings,
    ignored,
    summary: {
      files: recordings.length,
      done: c.done,
      skipped: c.skipped,
      failed: c.failed + c.cancelled + c.queued + c.running,
      ignored: ignored.length,
      frames: recordings.reduce((sum, r) => sum + (r.frames ?? 0), 0),
      candidates: recordings.reduce((sum, r) => sum + (r.candidates ?? 0), 0),
      state: status.state,
      error: status.error,
      workers: status.workers,
      elapsedS: elapsedSeconds(status),
      db: dbPath,
    },
  };
}

/** A second line under the file's, so a file cut short is not read as a clean result. */
function warningLine(f: BatchFile): string {
  return f.warning ? `\n          WARNING: ${printable(f.warning)}` : '';
}

function humanLine(f: BatchFile): string | null {
  const id = f.recordingId !== null ? `#${f.recordingId} ` : '';
  switch (f.status) {
    case 'done':
      return `done      ${id}${printable(f.path)}  ${f.frames} frames, ${f.candidates} candidates${warningLine(f)}`;
    case 'skipped':
      return `skipped   ${id}${printable(f.path)}  already complete: ${f.frames} frames, ${f.candidates} candidates${warningLine(f)}`;
    case 'failed':
      return `FAILED    ${printable(f.path)}: ${printable(f.error ?? 'not finished')}`;
    case 'cancelled':
      return `CANCELLED ${printable(f.path)}: ${printable(f.error ?? 'not finished')}`;
    default:
      return null;
  }
}

function summaryLine(status: BatchStatus): string {
  const c = status.counts;
  const ignored = status.ignored.length + c.ignored;
  const parts = [`${c.done} done`, `${c.skipped} skipped`, `${c.failed} failed`, ...(c.cancelled ? [`${c.cancelled} not finished`] : [])];
  const files = c.files - c.ignored;
  return (
    `Scanned ${files} recording${files === 1 ? '' : 's'}: ${parts.join(', ')}` +
    (ignored ? `; ${ignored} other path${ignored === 1 ? '' : 's'} ignored (not recordings; --json lists them with the reason)` : '') +
    ` in ${elapsedSeconds(status).toFixed(1)} s with ${status.workers} worker${status.workers === 1 ? '' : 's'}.`
  );
}

function elapsedSeconds(status: BatchStatus): number {
  const end = status.finishedAt ? Date.parse(status.finishedAt) : Date.now();
  return Math.round((end - Date.parse(status.startedAt)) / 100) / 10;
}
