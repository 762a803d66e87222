import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatPtsSeconds } from '../../../src-shared/time/index.js';
import { csvRowWriter, jsonRowWriter, type RowWriter } from '../../analysis/output/rowWriters.js';
import { analyzeFile, describeSummary } from '../../usecases/analyzeFile.js';
import { OutputRefused, refuseProtectedOutput } from '../../usecases/outputGuard.js';
import { dataDir } from '../../config/paths.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';
import { pathArgument } from '../pathArguments.js';
import { printable } from '../printable.js';

interface AnalyzeCliOptions {
  format: 'csv' | 'json';
  out?: string;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('score every frame of a video: face, pose, 8 expression classes, action units, quality (one row per decoded frame)')
    .argument(
      '<video>',
      'the recording (read only; it need not be imported)',
      pathArgument('analyze', 'the video', 'name the recording to analyse'),
    )
    .option(
      '--format <format>',
      'csv or json',
      (v) => {
        if (v !== 'csv' && v !== 'json') throw new Error(`--format must be csv or json, not "${v}"`);
        return v;
      },
      'csv',
    )
    .option(
      '--out <file>',
      'write here instead of stdout',
      pathArgument('analyze', '--out', 'name the file to write, or leave --out out to print on stdout'),
    )
    .action(async (video: string, options: AnalyzeCliOptions) => {
      const file = path.resolve(video);
      if (options.out) {
        try {
          refuseProtectedOutput(options.out, { dataDir: dataDir(), originals: [file] });
        } catch (err) {
          if (!(err instanceof OutputRefused)) throw err;
          process.stderr.write(`micromoment analyze: ${printable(err.message)}\n`);
          process.exitCode = EXIT.usage;
          return;
        }
      }
      const progress = terminalProgress();
      let out: fs.WriteStream | NodeJS.WriteStream = process.stdout;
      let writer: RowWriter | undefined;
      let table: Parameters<typeof formatPtsSeconds>[0] | undefined;
      try {
        const result = await analyzeFile(file, (row) => writer!.write(row, formatPtsSeconds(table!, row[0]!)), {
          onIndexProgress: (n, expected) => progress.update('indexing frames', n, expected),
          onProgress: (done, total) => progress.update('analysing', done, total),
          beforeRows: (probe, frameTable) => {
            table = frameTable;
            if (options.out) out = fs.createWriteStream(path.resolve(options.out), { flags: 'w' });
            writer =
              options.format === 'json'
                ? jsonRowWriter(out, {
                    file,
                    frameCount: frameTable.ptsTicks.length,
                    width: probe.width,
                    height: probe.height,
                    timeBase: `${frameTable.timeBase.num}/${frameTable.timeBase.den}`,
                  })
                : csvRowWriter(out);
          },
        });
        await writer!.end();
        progress.stop();
        if (result.fallback) process.stderr.write(`note: ${printable(result.fallback)}\n`);
        process.stderr.write(describeSummary(result.summary) + '\n');
      } catch (err) {
        progress.stop();
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        process.stderr.write(`micromoment analyze: ${printable(file)}: ${printable(message ?? '')}\n`);
        process.exitCode = EXIT.someFailed;
      } finally {
        if (out !== process.stdout) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
      }
    });
}
