import path from 'node:path';
import type { Command } from 'commander';
import { analyzeFileInMemory, describeSummary } from '../../usecases/analyzeFile.js';
import { spotRecording } from '../../spotting/spotTable.js';
import type { SpotOutput } from '../../spotting/spotOutput.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';
import { pathArgument } from '../pathArguments.js';
import { printable } from '../printable.js';

export function registerSpot(program: Command): void {
  program
    .command('spot')
    .description('find candidate micro (≤ 0.5 s) and macro (0.5–4 s) expressions in a video (analysing it first)')
    .argument(
      '<video>',
      'the recording (read only; it need not be imported)',
      pathArgument('spot', 'the video', 'name the recording to spot'),
    )
    .option('--json', 'print {"fps","frames","candidates":[…],"params"} on stdout')
    .action(async (video: string, options: { json?: boolean }) => {
      const file = path.resolve(video);
      const progress = terminalProgress();
      try {
        const result = await analyzeFileInMemory(file, {
          onIndexProgress: (n, expected) => progress.update('indexing frames', n, expected),
          onProgress: (done, total) => progress.update('analysing', done, total),
        });
        progress.stop();
        process.stderr.write(describeSummary(result.summary) + '\n');
        const output = spotRecording(result.table, result.values, result.landmarks);
        process.stdout.write(options.json ? JSON.stringify(output, null, 2) + '\n' : humanReport(output));
      } catch (err) {
        progress.stop();
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        process.stderr.write(`micromoment spot: ${printable(file)}: ${printable(message ?? '')}\n`);
        process.exitCode = EXIT.someFailed;
      }
    });
}

function humanReport(output: SpotOutput): string {
  const lines = [`${output.candidates.length} candidates in ${output.frames} frames (${output.fps.toFixed(3)} fps):`];
  for (const c of output.candidates) {
    lines.push(
      `  ${c.kind.padEnd(5)} frames ${c.onsetFrame}–${c.apexFrame}–${c.offsetFrame}  ${c.onsetS.toFixed(3)} s  ${(c.durationS * 1000).toFixed(0)} ms  ` +
        `${c.emotion.padEnd(9)} score ${c.score.toFixed(2)}  ${c.aus.join(' ')}`,
    );
  }
  return lines.join('\n') + '\n';
}
