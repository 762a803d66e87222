import cliProgress from 'cli-progress';
import { printable } from './printable.js';

export interface Progress {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr, only when stderr is a terminal: pipes and logs get
 * nothing, and stdout stays clean for data. Labels name files, so they are
 * escaped (printable.ts): a name cannot move the cursor or break the bar's line.
 */
export function terminalProgress(enabled = Boolean(process.stderr.isTTY)): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{label} [{bar}] {percentage}% | {value}/{total}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(rawLabel, done, total) {
      const label = printable(rawLabel);
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
