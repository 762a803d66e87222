import path from 'node:path';
import type { Command } from 'commander';
import type { ImportResult } from '../../../src-shared/domain/recording.js';
import type { EventPayload } from '../../../src-shared/api/contract.js';
import { importRecordings } from '../../usecases/importRecording.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';
import { pathArguments } from '../pathArguments.js';
import { printable } from '../printable.js';
import { makeProxies, printProxyRows, proxyProgressListener, stopOnInterrupt, type ProxyRow } from './proxyCommand.js';

export function registerImport(program: Command): void {
  withCaseOptions(program.command('import'))
    .description('import recordings into the case: hash, probe and index every frame (originals are only read)')
    .argument('<files...>', 'recording files', pathArguments('import', 'a file to import', 'name the recording files to import'))
    .option('--json', 'print the result as JSON on stdout')
    .option('--proxy', 'then make the review proxies the imported recordings need (see `micromoment proxy`), waiting for them')
    .action(async (files: string[], options: CommonOptions & { json?: boolean; proxy?: boolean }) => {
      const progress = terminalProgress();
      const onProxy = proxyProgressListener(progress);
      const ctx = contextFrom(options, (event, payload) => {
        if (event !== 'import.progress') return onProxy(event, payload);
        const p = payload as EventPayload<'import.progress'>;
        progress.update(`${p.phase} ${path.basename(p.path)}`, p.done, p.total);
      });
      let results: ImportResult[];
      let proxies: ProxyRow[] = [];
      try {
        results = await importRecordings(ctx, files);
        if (options.proxy) {
          const stop = stopOnInterrupt();
          try {
            proxies = await makeProxies(
              ctx,
              results.filter((r) => r.id !== undefined).map((r) => ({ id: r.id! })),
              false,
              stop.signal,
            );
          } finally {
            stop.release();
          }
        }
      } finally {
        progress.stop();
        ctx.close();
      }
      if (options.json)
        process.stdout.write(JSON.stringify({ recordings: results.map(jsonRow), ...(options.proxy ? { proxies } : {}) }, null, 2) + '\n');
      else for (const r of results) process.stdout.write(humanLine(r) + '\n');
      if (!options.json && options.proxy) printProxyRows(proxies, false);
      process.exitCode =
        results.some((r) => r.status === 'failed') || proxies.some((r) => r.status === 'failed') ? EXIT.someFailed : EXIT.ok;
    });
}

function jsonRow(r: ImportResult) {
  return {
    id: r.id ?? null,
    path: r.path,
    sha256: r.sha256 ?? null,
    status: r.status,
    ...(r.error ? { error: r.error } : {}),
    frames: r.frames ?? null,
    fps: r.fps ?? null,
    durationS: r.durationS ?? null,
    width: r.width ?? null,
    height: r.height ?? null,
    codec: r.codec ?? null,
    vfr: r.vfr ?? null,
    ...(r.warning ? { warning: r.warning } : {}),
  };
}

function humanLine(r: ImportResult): string {
  if (r.status === 'failed') return `FAILED    ${printable(r.path)}: ${printable(r.error ?? 'not imported')}`;
  const verb = r.status === 'imported' ? 'imported' : 'exists  ';
  const line =
    `${verb}  #${r.id} ${printable(r.path)}  ${r.frames} frames, ${r.fps?.toFixed(3)} fps${r.vfr ? ' (variable)' : ''}, ` +
    `${r.durationS?.toFixed(3)} s, ${r.width}x${r.height} ${r.codec}, sha256 ${r.sha256?.slice(0, 12)}…`;
  return r.warning ? `${line}\n  WARNING: ${printable(r.warning)}` : line;
}
