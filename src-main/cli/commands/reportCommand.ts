import fs from 'node:fs';
import type { Command } from 'commander';
import { isReportFormat, REPORT_FORMATS, reportFormatFromFileName, type ReportFormat } from '../../../src-shared/report/formats.js';
import { buildReport, recordExport, ReportRefused } from '../../report/exportReport.js';
import { RecordingNotFound, resolveRecording } from '../../report/gather/resolveRecording.js';
import { checkOutputPath, writeFileAtomically } from '../../report/writeReportFile.js';
import { OutputRefused, refuseProtectedOutput } from '../../usecases/outputGuard.js';
import { dataDir, resolveDbPath } from '../../config/paths.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';
import { pathArgument } from '../pathArguments.js';
import { printable } from '../printable.js';
import { ApiError } from '../../../src-shared/api/apiError.js';
import { CASE_DETAIL_LABELS, type CaseDetailName } from '../../../src-shared/domain/caseDetails.js';
import { setCaseDetails } from '../../usecases/caseDetails.js';

interface ReportOptions extends CommonOptions, Partial<Record<CaseDetailName, string>> {
  format?: string;
  out: string;
  allowMismatch?: boolean;
  overwrite?: boolean;
  redactNotes?: boolean;
}

/** The case's details the report command can set, as options (`--case-number` sets caseNumber). */
const CASE_OPTIONS: { flag: string; name: CaseDetailName }[] = [
  { flag: '--case-number <text>', name: 'caseNumber' },
  { flag: '--exhibit <text>', name: 'exhibit' },
  { flag: '--requester <text>', name: 'requester' },
  { flag: '--requested-on <text>', name: 'requestedOn' },
  { flag: '--request <text>', name: 'request' },
  { flag: '--question <text>', name: 'question' },
  { flag: '--reviewer <text>', name: 'reviewer' },
];

export function registerReport(program: Command): void {
  const command = withCaseOptions(program.command('report'))
    .description('write a report of one recording: pdf, html, csv (annotations), frames-csv, json or eaf (ELAN)')
    .argument(
      '<recording>',
      'recording id, at least 6 hex digits of its SHA-256, or the path of its file',
      pathArgument('report', 'the recording', 'give its id, at least 6 hex digits of its SHA-256, or the path of its file'),
    )
    .requiredOption(
      '--out <file>',
      'the file to write (its ending gives the format when --format is not given)',
      pathArgument('report', '--out', 'name the file to write'),
    )
    .option('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`)
    .option('--allow-mismatch', 'make the report even if the original does not verify; it then says so on every page')
    .option('--overwrite', 'replace --out if it exists')
    .option('--redact-notes', "leave the analysts' notes out (the report says they were left out)");
  for (const o of CASE_OPTIONS)
    command.option(o.flag, `set the case's ${CASE_DETAIL_LABELS[o.name].toLowerCase()} (kept in the case, audited) before writing`);
  command.action(async (recording: string, options: ReportOptions) => {
    const format = chosenFormat(options);
    if (!format) return;
    // Before the case is opened (opening creates a missing one): nothing is touched when refused.
    try {
      refuseProtectedOutput(options.out, { dataDir: dataDir(), caseDb: resolveDbPath(options.db) });
    } catch (err) {
      if (!(err instanceof OutputRefused)) throw err;
      process.stderr.write(`micromoment report: ${printable(err.message)}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const ctx = contextFrom(options);
    const progress = terminalProgress();
    try {
      const target = checkOutputPath(ctx.db, options.out, Boolean(options.overwrite));
      const id = await resolveRecording(ctx.db, recording);
      const details = Object.fromEntries(CASE_OPTIONS.filter((o) => options[o.name] !== undefined).map((o) => [o.name, options[o.name]]));
      if (Object.keys(details).length > 0) setCaseDetails(ctx.db, ctx.analyst, details);
      const report = await buildReport(ctx, {
        recordingId: id,
        format,
        allowMismatch: Boolean(options.allowMismatch),
        redactNotes: Boolean(options.redactNotes),
        onProgress: (what, done, total) => progress.update(what, done, total),
      });
      progress.stop();
      writeFileAtomically(target, report.bytes);
      try {
        recordExport(ctx, report, target);
      } catch (err) {
        fs.rmSync(target, { force: true });
        throw err;
      }
      for (const notice of report.model.notices) process.stderr.write(`note: ${printable(notice)}\n`);
      process.stdout.write(`wrote ${printable(target)} (${format}, ${report.bytes.length} bytes, sha256 ${report.sha256})\n`);
      process.exitCode = EXIT.ok;
    } catch (err) {
      progress.stop();
      if (err instanceof ReportRefused) {
        process.stderr.write(`micromoment report: REFUSED. ${printable(err.message)}\n`);
        process.exitCode = EXIT.someFailed;
      } else if (
        err instanceof RecordingNotFound ||
        err instanceof OutputRefused ||
        (err instanceof ApiError && err.code === 'invalid-arguments')
      ) {
        process.stderr.write(`micromoment report: ${printable(err.message)}\n`);
        process.exitCode = EXIT.usage;
      } else {
        throw err;
      }
    } finally {
      ctx.close();
    }
  });
}

function chosenFormat(options: ReportOptions): ReportFormat | null {
  const format = options.format ?? reportFormatFromFileName(options.out);
  if (format && isReportFormat(format)) return format;
  process.stderr.write(
    options.format
      ? `micromoment report: unknown format ${printable(options.format)}: use one of ${REPORT_FORMATS.join(', ')}\n`
      : `micromoment report: cannot tell the format from ${printable(options.out)}: pass --format (${REPORT_FORMATS.join(', ')})\n`,
  );
  process.exitCode = EXIT.usage;
  return null;
}
