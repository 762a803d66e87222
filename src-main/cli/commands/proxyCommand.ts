import path from 'node:path';
import type { Command } from 'commander';
import type { EventPayload } from '../../../src-shared/api/contract.js';
import type { AppContext } from '../../app/context.js';
import { makeProxy, type ProxyOutcome } from '../../proxy/makeProxy.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { terminalProgress, type Progress } from '../progress.js';
import { EXIT } from '../exitCodes.js';
import { pathArguments } from '../pathArguments.js';
import { printable } from '../printable.js';

export function registerProxy(program: Command): void {
  withCaseOptions(program.command('proxy'))
    .description(
      'make the review proxy of imported recordings that the window cannot play or seek well (in the data folder; originals are only read)',
    )
    .argument(
      '<recordings...>',
      'recording ids (as `micromoment import` printed them) or paths of imported files',
      pathArguments('proxy', 'a recording', 'give its id or the path of its file'),
    )
    .option('--force', 'make one even where the original plays well, or make it again')
    .option('--json', 'print the results as JSON on stdout')
    .action(async (recordings: string[], options: CommonOptions & { force?: boolean; json?: boolean }) => {
      const progress = terminalProgress();
      const ctx = contextFrom(options, proxyProgressListener(progress));
      const stop = stopOnInterrupt();
      let rows: ProxyRow[];
      try {
        rows = await makeProxies(
          ctx,
          recordings.map((r) => resolveRecording(ctx, r)),
          Boolean(options.force),
          stop.signal,
        );
      } finally {
        stop.release();
        progress.stop();
        ctx.close();
      }
      printProxyRows(rows, Boolean(options.json));
      process.exitCode = rows.some((r) => r.status === 'failed') ? EXIT.someFailed : EXIT.ok;
    });
}

export type ProxyRow = ProxyOutcome | { status: 'failed'; recordingId: null; error: string; given: string };

/** Progress of proxy jobs on a terminal (used by `proxy` and `import --proxy`). */
export function proxyProgressListener(progress: Progress) {
  return (event: string, payload: unknown) => {
    if (event !== 'proxy.progress') return;
    const p = payload as EventPayload<'proxy.progress'>;
    progress.update(`proxy #${p.recordingId} ${p.phase}`, p.done, p.total);
  };
}

/**
 * Ctrl-C while a proxy is made: ffmpeg is stopped, its work file removed and
 * the attempt recorded as interrupted, instead of the process dying midway.
 */
export function stopOnInterrupt(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    release() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Makes the proxies one after another; a recording that fails fails alone. An abort stops the rest. */
export async function makeProxies(
  ctx: AppContext,
  targets: ({ id: number } | { error: string; given: string })[],
  force: boolean,
  signal?: AbortSignal,
): Promise<ProxyRow[]> {
  const rows: ProxyRow[] = [];
  for (const target of targets) {
    if (signal?.aborted) break;
    if ('error' in target) {
      rows.push({ status: 'failed', recordingId: null, error: target.error, given: target.given });
      continue;
    }
    try {
      rows.push(await makeProxy(ctx, target.id, { force, ...(signal ? { signal } : {}) }));
    } catch (err) {
      rows.push({ status: 'failed', recordingId: null, error: (err as Error).message, given: `#${target.id}` });
    }
  }
  return rows;
}

/** An id (`12` or `#12`), or the path of an imported file (any of its known locations). */
function resolveRecording(ctx: AppContext, given: string): { id: number } | { error: string; given: string } {
  const idMatch = /^#?([1-9]\d*)$/.exec(given);
  if (idMatch) return { id: Number(idMatch[1]) };
  const row = ctx.db.prepare('SELECT recording_id FROM recording_locations WHERE path = ?').get(path.resolve(given)) as
    { recording_id: number } | undefined;
  if (row) return { id: row.recording_id };
  return { error: 'is not an imported recording of this case: import it first (micromoment import), or give its id', given };
}

export function printProxyRows(rows: ProxyRow[], json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify({ proxies: rows }, null, 2) + '\n');
    return;
  }
  for (const r of rows) process.stdout.write(humanLine(r) + '\n');
}

function humanLine(r: ProxyRow): string {
  if (r.status === 'failed')
    return `FAILED      ${r.recordingId === null ? printable(r.given) : `#${r.recordingId}`}: ${printable(r.error)}`;
  if (r.status === 'not-needed')
    return `not needed  #${r.recordingId}: the original plays and seeks well in the window (--force makes one anyway)`;
  if (r.reused) return `ready       #${r.recordingId}: ${printable(r.relPath)} (${megabytes(r.sizeBytes)}), already made and verified`;
  return (
    `made        #${r.recordingId}: ${printable(r.relPath)} (${megabytes(r.sizeBytes)}), ${r.frames} frames, ` +
    `frame table identical to the original's; ${(r.totalMs / 1000).toFixed(1)} s`
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
