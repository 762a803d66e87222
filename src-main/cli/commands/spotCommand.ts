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
    .option('--json', 'print {"fps","frames","candidates":[…],"params","notes"} on stdout')
    .option('--sort <order>', 'time (onset order) or score (the review score, highest first: real ones come first)', 'time')
    .option('--min-score <score>', 'leave out candidates whose review score is below this (0 to 1)')
    .action(async (video: string, options: { json?: boolean; sort: string; minScore?: string }) => {
      const order = options.sort;
      const minScore = options.minScore === undefined ? 0 : Number(options.minScore);
      if (order !== 'time' && order !== 'score') {
        process.stderr.write(`micromoment spot: --sort ${printable(order)} is neither time nor score\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      if (!(minScore >= 0 && minScore <= 1)) {
        process.stderr.write(`micromoment spot: --min-score ${printable(options.minScore ?? '')} is not a number from 0 to 1\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      const file = path.resolve(video);
      const progress = terminalProgress();
      try {
        const result = await analyzeFileInMemory(file, {
          onIndexProgress: (n, expected) => progress.update('indexing frames', n, expected),
          onProgress: (done, total) => progress.update('analysing', done, total),
        });
        progress.stop();
        process.stderr.write(describeSummary(result.summary) + '\n');
        const output = arrange(spotRecording(result.table, result.values, result.landmarks), order, minScore);
        for (const note of output.notes) process.stderr.write(`note: ${note}\n`);
        process.stdout.write(options.json ? JSON.stringify(output, null, 2) + '\n' : humanReport(output));
      } catch (err) {
        progress.stop();
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        process.stderr.write(`micromoment spot: ${printable(file)}: ${printable(message ?? '')}\n`);
        process.exitCode = EXIT.someFailed;
      }
    });
}

/** The candidates in the order asked for, without those below the minimum score. */
export function arrange(output: SpotOutput, order: 'time' | 'score', minScore: number): SpotOutput {
  const kept = output.candidates.filter((c) => c.score >= minScore);
  if (order === 'score') kept.sort((a, b) => b.score - a.score || a.onsetFrame - b.onsetFrame);
  const leftOut = output.candidates.length - kept.length;
  // Never hide candidates silently: the reader is told how many the threshold removed.
  const notes =
    leftOut > 0 ? [...output.notes, `${leftOut} candidate(s) with a review score below ${minScore} left out (--min-score)`] : output.notes;
  return { ...output, candidates: kept, notes };
}

function humanReport(output: SpotOutput): string {
  const lines = [`${output.candidates.length} candidates in ${output.frames} frames (${output.fps.toFixed(3)} fps):`];
  for (const c of output.candidates) {
    lines.push(
      `  ${c.kind.padEnd(14)} frames ${c.onsetFrame}–${c.apexFrame}–${c.offsetFrame}  ${c.onsetS.toFixed(3)} s  ${(c.durationS * 1000).toFixed(0)} ms  ` +
        `${c.emotion.padEnd(9)} score ${c.score.toFixed(2)}  ${c.aus.join(' ')}` +
        (doubts(c).length ? `  (${doubts(c).join(', ')})` : ''),
    );
  }
  return lines.join('\n') + '\n';
}

/** The quality flags that lowered a candidate's score, in words. */
function doubts(c: SpotOutput['candidates'][number]): string[] {
  const f = c.flags;
  return [f.blinkNear ? 'blink near' : '', f.speechNear ? 'speech near' : '', f.headMoving ? 'head moving' : ''].filter(Boolean);
}
