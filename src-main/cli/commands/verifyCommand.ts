import type { Command } from 'commander';
import { verifyStore, type RecordingVerification, type StoreVerification } from '../../usecases/verifyStore.js';
import { resolveDbPath } from '../../config/paths.js';
import { parseAnchor, type Anchor } from '../../store/anchorLog.js';
import { CaseNotReadable, openCaseForReading } from '../../store/openForReading.js';
import { describeRef } from '../../store/sealedState.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';
import { pathArgument } from '../pathArguments.js';
import { printable } from '../printable.js';

interface VerifyOptions {
  db?: string;
  json?: boolean;
  anchor?: string[];
  anchorLog?: string | false;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      're-hash every original and review proxy, check the audit chain, every row of the case against it, ' +
        'and the chain against its recorded heads; exit 0 only if all hold',
    )
    .option(
      '--db <path>',
      'case database (default: MICROMOMENT_DB, else case.sqlite in the data folder); opened read-only',
      pathArgument('verify', '--db', 'name the case database, or leave --db out for MICROMOMENT_DB or the default case'),
    )
    .option(
      '--anchor <seq:sha256>',
      'a head of the audit chain recorded earlier (every report states one): check the chain still holds it; repeatable',
      collect,
      [],
    )
    .option(
      '--anchor-log <file>',
      "read this anchor log instead of the case's own in the data folder (e.g. one copied from the machine that made the case)",
      pathArgument('verify', '--anchor-log', "name the anchor log file, or leave --anchor-log out for the case's own"),
    )
    .option('--no-anchor-log', 'read no anchor log (say so in the output)')
    .option('--analyst <name>', 'accepted like every case command; verify writes nothing, so it is not used')
    .option('--json', 'print the findings as JSON on stdout')
    .action(async (options: VerifyOptions) => {
      const anchors = parseAnchors(options.anchor ?? []);
      if (!anchors) return;
      const dbPath = resolveDbPath(options.db);
      let opened;
      try {
        opened = openCaseForReading(dbPath);
      } catch (err) {
        if (!(err instanceof CaseNotReadable)) throw err;
        process.stderr.write(`micromoment verify: ${printable(err.message)}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      const progress = terminalProgress();
      let report: StoreVerification;
      try {
        report = await verifyStore(opened.db, (p, size) => (bytes) => progress.update(`hashing ${p}`, bytes, size), undefined, {
          given: anchors,
          anchorLog: options.anchorLog === false ? null : options.anchorLog,
        });
      } finally {
        progress.stop();
        opened.close();
      }
      if (opened.note) process.stderr.write(`note: ${opened.note}\n`);
      if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else process.stdout.write(humanReport(report).join('\n') + '\n');
      process.exitCode = report.holds ? EXIT.ok : EXIT.someFailed;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseAnchors(texts: string[]): Anchor[] | null {
  const anchors: Anchor[] = [];
  for (const text of texts) {
    const anchor = parseAnchor(text);
    if (!anchor) {
      process.stderr.write(
        `micromoment verify: --anchor ${printable(text)} is not <entry number>:<64 hex digits> (as a report states it, e.g. 42:3f5a…)\n`,
      );
      process.exitCode = EXIT.usage;
      return null;
    }
    anchors.push(anchor);
  }
  return anchors;
}

function humanReport(report: StoreVerification): string[] {
  const lines: string[] = [];
  for (const r of report.recordings) {
    for (const l of r.locations) {
      const what = { identical: 'OK      ', changed: 'CHANGED ', missing: 'MISSING ', unreadable: 'UNREADABLE' }[l.state];
      const detail = l.state === 'changed' ? ` (sha256 now ${l.actualSha256}, imported as ${r.sha256})` : '';
      lines.push(`${what} recording #${r.id} ${printable(l.path)}${detail}`);
    }
    if (r.proxy) lines.push(proxyLine(r.id, r.proxy));
  }
  if (report.audit.problems.length === 0) lines.push(`OK       audit log: ${report.audit.rows} entries, chain intact`);
  for (const p of report.audit.problems) lines.push(`BROKEN   audit log entry ${p.seq}: ${p.problem}`);
  lines.push(...stateLines(report));
  lines.push(...anchorLines(report));
  const checked = report.recordings.some((r) => r.proxy)
    ? 'All originals, review proxies, the audit log and the case state verify.'
    : 'All originals, the audit log and the case state verify.';
  lines.push(report.holds ? checked : 'Verification FAILED: see the lines above.');
  return lines;
}

function stateLines(report: StoreVerification): string[] {
  const { state } = report;
  if (!state.sealed)
    return [
      'NOTE     case state: this case was last written by an older Micromoment and its rows are not sealed yet; ' +
        'any command that writes to it with this version seals them',
    ];
  // A problem names a row, and a location's row names its path: printed so that it cannot fake a line.
  const lines = state.problems.map((p) => `BROKEN   ${printable(p.problem)}`);
  if (state.problems.length === 0) lines.push(`OK       case state: ${state.rows} rows, each as the audit log last recorded it`);
  for (const ref of state.running)
    lines.push(`NOTE     ${describeRef(ref)} is still running (or its process stopped): its frames are sealed when it ends`);
  return lines;
}

function anchorLines(report: StoreVerification): string[] {
  const { anchors } = report;
  const lines = anchors.problems.map((p) => `BROKEN   ${printable(p.problem)}`);
  const log = anchors.log;
  if (!log) lines.push('NOTE     anchor log: not read (--no-anchor-log)');
  else if (log.state === 'absent')
    lines.push(
      `NOTE     anchor log: none at ${printable(log.path)} (the case was made on another machine or with another data folder): ` +
        `a cut at the end of the audit log can only be found with --anchor`,
    );
  else if (log.state === 'unreadable') lines.push(`BROKEN   anchor log: ${printable(log.path)} cannot be read`);
  else if (!anchors.problems.some((p) => p.source !== '--anchor'))
    lines.push(`OK       anchor log: ${log.heads} recorded heads, all in the chain (${printable(log.path)})`);
  if (anchors.given > 0 && !anchors.problems.some((p) => p.source === '--anchor'))
    lines.push(`OK       ${anchors.given} given anchor(s) held by the chain`);
  if (anchors.head)
    lines.push(
      `HEAD     entry ${anchors.head.seq} ${anchors.head.hash} (keep it to check later: verify --anchor ${anchors.head.seq}:${anchors.head.hash})`,
    );
  return lines;
}

function proxyLine(id: number, proxy: NonNullable<RecordingVerification['proxy']>): string {
  const remake = `remake it with \`micromoment proxy ${id} --force\``;
  switch (proxy.state) {
    case 'identical':
      return `OK       review proxy of recording #${id} ${printable(proxy.path)}`;
    case 'changed':
      return (
        `CHANGED  review proxy of recording #${id} ${printable(proxy.path)} (sha256 now ${proxy.actualSha256 ?? 'unknown'}, made as ${proxy.sha256}): ` +
        `do not review from it; ${remake}`
      );
    case 'missing':
      return `MISSING  review proxy of recording #${id} ${printable(proxy.path)} (the window cannot play it): ${remake}`;
    case 'unreadable':
      return `UNREADABLE review proxy of recording #${id} ${printable(proxy.path)}: check its permissions or ${remake}`;
  }
}
