import type { Command } from 'commander';
import { ApiError } from '../../../src-shared/api/apiError.js';
import { AnnotationFileRefused } from '../../annotationFiles/importedEvent.js';
import { RecordingNotFound, resolveRecording } from '../../report/gather/resolveRecording.js';
import { agreementAsData, agreementBetweenCoders, type AgreementFigures } from '../../usecases/agreementBetweenCoders.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { EXIT } from '../exitCodes.js';
import { pathArgument } from '../pathArguments.js';
import { printable } from '../printable.js';

interface AgreementOptions extends CommonOptions {
  with: string[];
  map?: string;
  spotter?: boolean;
  passes?: string;
  minIou: string;
  json?: boolean;
}

export function registerAgreement(program: Command): void {
  withCaseOptions(program.command('agreement'))
    .description("how far coders agree on a recording: this case's accepted events, annotation files made elsewhere, the spotter")
    .argument(
      '<recording>',
      'recording id, at least 6 hex digits of its SHA-256, or the path of its file',
      pathArgument('agreement', 'the recording', 'give its id, at least 6 hex digits of its SHA-256, or the path of its file'),
    )
    .option(
      '--with <file>',
      "another coder's annotations: ELAN .eaf, Micromoment's annotation CSV, or a CSV of onset,offset,emotion (frames) " +
        'or onset_s,offset_s,emotion (seconds); repeat for more',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--map <file>', 'tier or label names to emotions, one "name,emotion" line each (emotion, "no emotion" or "ignore")')
    .option('--spotter', "count the spotter's candidates as one more coder")
    .option('--passes <ids>', 'complete coding passes as coders: their numbers (2,3) or all')
    .option('--min-iou <iou>', 'the overlap (intersection over union) from which two events are the same one', '0.5')
    .option('--json', 'print the figures as JSON (f1, kappa, alpha named plainly)')
    .action(async (recording: string, options: AgreementOptions) => {
      const minIoU = Number(options.minIou);
      if (!(minIoU > 0 && minIoU <= 1)) {
        process.stderr.write(`micromoment agreement: --min-iou ${printable(options.minIou)} is not a number above 0 and at most 1\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      const passes = options.passes === undefined ? undefined : options.passes === 'all' ? 'all' : options.passes.split(',').map(Number);
      if (Array.isArray(passes) && !passes.every((n) => Number.isInteger(n) && n > 0)) {
        process.stderr.write(
          `micromoment agreement: --passes ${printable(options.passes ?? '')} is neither "all" nor pass numbers like 2,3\n`,
        );
        process.exitCode = EXIT.usage;
        return;
      }
      if (options.with.length === 0 && !options.spotter && passes === undefined) {
        process.stderr.write('micromoment agreement: name another coder: --with FILE (repeatable), --passes or --spotter\n');
        process.exitCode = EXIT.usage;
        return;
      }
      const ctx = contextFrom(options);
      try {
        const id = await resolveRecording(ctx.db, recording);
        const figures = agreementBetweenCoders(ctx, id, {
          files: options.with,
          mapFile: options.map,
          withSpotter: Boolean(options.spotter),
          minIoU,
          passes,
        });
        process.stdout.write(options.json ? `${JSON.stringify(agreementAsData(figures), null, 2)}\n` : describe(figures));
        process.exitCode = EXIT.ok;
      } catch (err) {
        if (err instanceof AnnotationFileRefused || err instanceof RecordingNotFound || err instanceof ApiError) {
          process.stderr.write(`micromoment agreement: ${printable(err.message)}\n`);
          process.exitCode = EXIT.usage;
        } else throw err;
      } finally {
        ctx.close();
      }
    });
}

const num = (x: number | null, digits = 2) => (x === null ? 'undefined' : x.toFixed(digits));

function describe(f: AgreementFigures): string {
  const lines = [
    `Agreement on recording ${f.recordingId} (${f.frames} frames); two events are one when their IoU is at least ${f.minIoU}.`,
    'Coders:',
  ];
  for (const c of f.coders) lines.push(`  ${printable(c.name)}: ${printable(c.source)}`);
  for (const p of f.pairs) {
    const d = p.meanDifference;
    lines.push(
      `${printable(p.a)} and ${printable(p.b)}: ${p.matched.length} matched, ${p.onlyA.length} only in ${printable(p.a)}, ` +
        `${p.onlyB.length} only in ${printable(p.b)}; F1 ${num(p.f1)} (precision ${num(p.precision)}, recall ${num(p.recall)}, ` +
        `${printable(p.a)} as the reference); emotion kappa ${num(p.emotionKappa.kappa)} over ${p.emotionKappa.items} matched events; ` +
        `onset, apex, offset ${num(d.onset, 1)}, ${num(d.apex, 1)}, ${num(d.offset, 1)} frames apart on average`,
      `  frame by frame, kappa per emotion: ${Object.entries(p.frameKappa)
        .map(([e, k]) => `${e} ${num(k.kappa)}`)
        .join(', ')}`,
    );
  }
  lines.push(`Krippendorff's alpha of all coders, frame by frame: ${num(f.alpha, 3)}`);
  lines.push(`Krippendorff's alpha of all coders, the emotions of matched events: ${num(f.emotionAlpha, 3)}`);
  lines.push('"undefined": nothing to compare, or everything the same (chance agreement 1).');
  return `${lines.join('\n')}\n`;
}
