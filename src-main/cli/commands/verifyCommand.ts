import type { Command } from 'commander';
import { verifyStore } from '../../library/verifyStore.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';

export function registerVerify(program: Command): void {
  withCaseOptions(program.command('verify'))
    .description('re-hash every original and check the audit chain; exit 0 only if all hold')
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
            process.stdout.write(`${what} recording #${r.id} ${l.path}${detail}\n`);
          }
        }
        if (report.audit.problems.length === 0) process.stdout.write(`OK       audit log: ${report.audit.rows} entries, chain intact\n`);
        for (const p of report.audit.problems) process.stdout.write(`BROKEN   audit log entry ${p.seq}: ${p.problem}\n`);
        process.stdout.write(report.holds ? 'All originals and the audit log verify.\n' : 'Verification FAILED: see the lines above.\n');
      }
      process.exitCode = report.holds ? EXIT.ok : EXIT.someFailed;
    });
}
