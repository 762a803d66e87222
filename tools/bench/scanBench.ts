// npm run bench:scan: wall time of a batch scan of the same folder with 1, 2, …
// workers, each run in a fresh process and a fresh case, to choose the default
// worker count. Prints figures; asserts nothing.
//   npm run bench:scan -- [--clips 4] [--seconds 10] [--workers 1,2] [--repeat 2]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createContext } from '../../src-main/app/context.js';
import { packageRoot } from '../../src-main/config/paths.js';
import { defaultWorkerCount } from '../../src-main/scan/defaultWorkers.js';
import { ScanBatch } from '../../src-main/scan/scanBatch.js';
import { requireTool } from '../../src-main/media/ffmpegLocator.js';

const workDir = path.join(os.tmpdir(), 'micromoment-bench');
const source = path.resolve(packageRoot(), '..', 'shared', 'media', 'talking-head', 'franck-excerpt.mp4');

interface RunResult {
  workers: number;
  wallS: number;
  frames: number;
  files: number;
  failed: number;
  maxRssMb: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/**
 * Distinct interview-like clips (different bytes, so none is skipped as a
 * duplicate): the talking-head recording from different start points,
 * letterboxed to 1280x720 at 30 fps like the analysis benchmark's clip.
 */
function makeClips(count: number, seconds: number): string {
  const dir = path.join(workDir, `scan-${count}x${seconds}s`);
  fs.mkdirSync(dir, { recursive: true });
  const ffmpeg = requireTool('ffmpeg').path;
  for (let i = 0; i < count; i++) {
    const out = path.join(dir, `clip-${i}.mp4`);
    if (fs.existsSync(out)) continue;
    execFileSync(
      ffmpeg,
      [
        '-v',
        'error',
        '-y',
        '-stream_loop',
        '-1',
        '-ss',
        String(i * 7),
        '-i',
        `file:${source}`,
        '-t',
        String(seconds),
        '-vf',
        'scale=-2:720,pad=1280:720:(ow-iw)/2:0,fps=30',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '20',
        '-g',
        '60',
        '-pix_fmt',
        'yuv420p',
        '-an',
        `file:${out}.part.mp4`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    fs.renameSync(`${out}.part.mp4`, out);
  }
  return dir;
}

async function child(folder: string, workers: number): Promise<void> {
  const db = path.join(workDir, `scan-bench-${process.pid}.sqlite`);
  const ctx = createContext({ dbPath: db, analyst: 'bench' });
  const t0 = performance.now();
  const status = await new ScanBatch(ctx, { roots: [folder], workers }).start();
  const wallS = (performance.now() - t0) / 1000;
  ctx.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  const result: RunResult = {
    workers,
    wallS,
    files: status.counts.files,
    failed: status.counts.failed,
    frames: status.files.reduce((sum, f) => sum + (f.frames ?? 0), 0),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.send?.(result);
}

function runChild(folder: string, workers: number): Promise<RunResult> {
  const proc = fork(fileURLToPath(import.meta.url), ['--child', folder, String(workers)], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve(m as RunResult));
    proc.once('exit', (code) => {
      if (code) reject(new Error(`bench child exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, Number(process.argv[4]));
  const clips = Number(option('clips', '4'));
  const seconds = Number(option('seconds', '10'));
  const repeat = Number(option('repeat', '2'));
  const workerCounts = option('workers', '1,2').split(',').map(Number);
  const ffmpeg = requireTool('ffmpeg');
  console.log(
    `Micromoment scan benchmark on ${os.availableParallelism()} x ${os.cpus()[0]?.model ?? 'cpu'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
  );
  console.log(`ffmpeg: ${ffmpeg.path} (${ffmpeg.version}, ${ffmpeg.source}); default workers here: ${defaultWorkerCount()}`);
  const folder = makeClips(clips, seconds);
  console.log(`${clips} clips of ${seconds} s, 1280x720 30 fps H.264, each scanned into a fresh case (hash, index, analyse, spot)\n`);
  const results = new Map<number, number[]>();
  // Interleaved (1, 2, 1, 2, …) so a change in the machine's load hits every setting alike.
  for (let r = 0; r < repeat; r++) {
    for (const workers of workerCounts) {
      const result = await runChild(folder, workers);
      if (result.failed) throw new Error(`${result.failed} files failed in the benchmark scan`);
      const fps = result.frames / result.wallS;
      results.set(workers, [...(results.get(workers) ?? []), fps]);
      console.log(
        `  workers ${workers}: ${result.wallS.toFixed(1)} s for ${result.files} files, ${result.frames} frames = ${fps.toFixed(1)} frames/s; ` +
          `peak RSS ${result.maxRssMb.toFixed(0)} MB`,
      );
    }
  }
  console.log('\nMedian frames/s by workers:');
  for (const [workers, list] of results) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `  ${workers}: ${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(1)} (runs: ${list.map((v) => v.toFixed(1)).join(', ')})`,
    );
  }
}

await main();
