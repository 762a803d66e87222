import type { Command } from 'commander';
import { verifyStore, type RecordingVerification } from '../../library/verifyStore.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';
import { printable } from '../printable.js';

export function registerVerify(program: Command): void {
  withCaseOptions(program.command('verify'))
    .description('re-hash every original and review proxy and check the audit chain; exit 0 only if all hold')
    .option('--json', 'print the findings as JSON on stdout')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      const ctx = contextFrom(options);
      const progress = terminalProgress();
      let report;
      try {
        report = await verifyStore(ctx.db, (p, size) => (bytes) => progress.update(`hashing ${p}`, bytes, size));
      } finally {
        progress.stop();
        ctx.close();
      }
      if (options.json) {
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      } else {
        for (const r of report.recordings) {
          for (const l of r.locations) {
            const what = { identical: 'OK      ', changed: 'CHANGED ', missing: 'MISSING ', unreadable: 'UNREADABLE' }[l.state];
            const detail = l.state === 'changed' ? ` (sha256 now ${l.actualSha256}, imported as ${r.sha256})` : '';
            process.stdout.write(`${what} recording #${r.id} ${printable(l.path)}${detail}\n`);
          }
          if (r.proxy) process.stdout.write(proxyLine(r.id, r.proxy) + '\n');
        }
        if (report.audit.problems.length === 0) process.stdout.write(`OK       audit log: ${report.audit.rows} entries, chain intact\n`);
        for (const p of report.audit.problems) process.stdout.write(`BROKEN   audit log entry ${p.seq}: ${p.problem}\n`);
        const checked = report.recordings.some((r) => r.proxy) ? 'All originals, review proxies and the audit log verify.' : 'All originals and the audit log verify.';
        process.stdout.write(report.holds ? `${checked}\n` : 'Verification FAILED: see the lines above.\n');
      }
      process.exitCode = report.holds ? EXIT.ok : EXIT.someFailed;
    });
}

function proxyLine(id: number, proxy: NonNullable<RecordingVerification['proxy']>): string {
  const remake = `remake it with \`micromoment proxy ${id} --force\``;
  switch (proxy.state) {
    case 'identical': return `OK       review proxy of recording #${id} ${printable(proxy.path)}`;
    case 'changed': return `CHANGED  review proxy of recording #${id} ${printable(proxy.path)} (sha256 now ${proxy.actualSha256 ?? 'unknown'}, made as ${proxy.sha256}): do not review from it; ${remake}`;
    case 'missing': return `MISSING  review proxy of recording #${id} ${printable(proxy.path)} (the window cannot play it): ${remake}`;
    case 'unreadable': return `UNREADABLE review proxy of recording #${id} ${printable(proxy.path)}: check its permissions or ${remake}`;
  }
}
