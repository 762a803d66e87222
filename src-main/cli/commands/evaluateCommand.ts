import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { evaluateSpotting, parseCandidates, parseTruth, type SpottingCounts } from '../../evaluation/index.js';
import { EXIT } from '../exitCodes.js';
import { pathArgument } from '../pathArguments.js';
import { printable } from '../printable.js';

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('score spotted candidates against ground truth (MEGC protocol: IoU ≥ 0.5, micro and macro matched separately)')
    .requiredOption(
      '--truth <file>',
      'ground truth, CSV or JSON (see src-main/evaluation/README.md)',
      pathArgument('evaluate', '--truth', 'name the ground-truth file'),
    )
    .requiredOption(
      '--candidates <file>',
      'the output of `micromoment spot --json`',
      pathArgument('evaluate', '--candidates', 'name the file `micromoment spot --json` wrote'),
    )
    .option('--iou <x>', 'minimum IoU for a match', (v) => Number(v), 0.5)
    .option('--json', 'print the full evaluation as JSON')
    .action((options: { truth: string; candidates: string; iou: number; json?: boolean }) => {
      try {
        const candidates = parseCandidates(read(options.candidates, 'candidates'));
        const format = path.extname(options.truth).toLowerCase() === '.json' ? 'json' : 'csv';
        const truth = parseTruth(read(options.truth, 'ground truth'), format, candidates.fps ? { fps: candidates.fps } : {});
        if (!candidates.frames)
          throw new Error(
            'the candidates file does not say how many frames the recording has ("frames"): use the output of micromoment spot --json',
          );
        const result = evaluateSpotting(truth, candidates.candidates, candidates.frames, options.iou);
        if (options.json) {
          process.stdout.write(JSON.stringify(result, null, 2) + '\n');
          return;
        }
        const line = (name: string, c: SpottingCounts) =>
          `${name.padEnd(8)} truth ${c.truth}, found ${c.predicted}: TP ${c.tp}, FP ${c.fp}, FN ${c.fn}; ` +
          `precision ${pct(c.precision)}, recall ${pct(c.recall)}, F1 ${c.f1 === null ? '–' : c.f1.toFixed(3)}`;
        process.stdout.write(
          [
            `MEGC spotting evaluation at IoU ≥ ${options.iou}:`,
            line('micro', result.micro),
            line('macro', result.macro),
            line('overall', result.overall),
            `emotion named right on ${result.emotion.agree} of ${result.emotion.comparable} true positives`,
            `review: ${result.review.frames} of ${result.review.totalFrames} frames (${pct(result.review.share)} of the recording)`,
          ].join('\n') + '\n',
        );
      } catch (err) {
        process.stderr.write(`micromoment evaluate: ${printable((err as Error).message)}\n`);
        process.exitCode = EXIT.someFailed;
      }
    });
}

function read(file: string, what: string): string {
  try {
    return fs.readFileSync(path.resolve(file), 'utf8');
  } catch (err) {
    throw new Error(`cannot read the ${what} file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      cause: err,
    });
  }
}

const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
