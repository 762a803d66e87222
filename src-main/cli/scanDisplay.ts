import path from 'node:path';
import cliProgress from 'cli-progress';
import type { BatchProgress } from '../../src-shared/domain/batch.js';
import { printable } from './printable.js';

export interface ScanDisplay {
  update(progress: BatchProgress): void;
  /** A line of output that must not be torn by the bars redrawing. */
  log(line: string, stream: NodeJS.WriteStream): void;
  stop(): void;
}

/**
 * The scan's progress on a terminal (stderr): one bar for the whole scan
 * (files done/total, frames/s, time left) and one per worker (its file's step
 * and progress). Nothing when stderr is not a terminal: logs get the per-file
 * lines only.
 */
export function scanDisplay(enabled = Boolean(process.stderr.isTTY)): ScanDisplay {
  if (!enabled) return { update() {}, log: (line, stream) => void stream.write(line + '\n'), stop() {} };
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: '{label} [{bar}] {percentage}% | {detail}',
      hideCursor: true,
      clearOnComplete: true,
      autopadding: true,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  let overall: cliProgress.SingleBar | null = null;
  const workers: cliProgress.SingleBar[] = [];
  return {
    update(p) {
      if (p.state === 'discovering') return;
      const finished = p.counts.files - p.counts.queued - p.counts.running;
      const detail = `${p.framesPerSecond.toFixed(0)} frames/s | ETA ${formatEta(p.etaS)}${p.state === 'paused' ? ' | paused' : ''}`;
      const label = `files ${finished}/${p.counts.files}`;
      if (!overall) overall = multi.create(1000, 0, { label, detail });
      overall.update(Math.round(p.fraction * 1000), { label, detail });
      while (workers.length < Math.min(p.workers, Math.max(1, p.counts.files)))
        workers.push(multi.create(1, 0, { label: '  idle', detail: '' }));
      workers.forEach((bar, i) => {
        const file = p.running[i];
        if (!file) {
          bar.setTotal(1);
          bar.update(0, { label: '  idle', detail: '' });
          return;
        }
        const total = Math.max(1, file.phaseTotal);
        bar.setTotal(total);
        bar.update(Math.min(file.phaseDone, total), {
          label: `  ${file.phase ?? ''} ${shortName(file.path)}`,
          detail: file.phase === 'hashing' ? `${mb(file.phaseDone)}/${mb(file.phaseTotal)} MB` : `${file.phaseDone}/${file.phaseTotal}`,
        });
      });
    },
    log(line, stream) {
      // MultiBar.log writes above the bars, on their stream; stdout lines go there too
      // only when both are the same terminal, so piped stdout stays clean data.
      if (stream === process.stdout && !process.stdout.isTTY) stream.write(line + '\n');
      else multi.log(line + '\n');
    },
    stop() {
      multi.stop();
    },
  };
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return '--';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The file's name, escaped (printable.ts) before it is shortened, so the bar's line stays one line. */
function shortName(file: string): string {
  const name = printable(path.basename(file));
  return name.length > 32 ? `${name.slice(0, 14)}…${name.slice(-17)}` : name;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
