// npm run bench: analysis throughput against the decode-only ceiling of the same
// ffmpeg on the same clip, and peak memory for a 1- and a 10-minute clip.
// Prints figures; asserts nothing (targets are recorded in the docs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createContext } from '../../src-main/app/context.js';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { getFrameTable, getRecording } from '../../src-main/store/recordingsRepo.js';
import { analysisSize, sourcePixelsPerFramePixel } from '../../src-main/analysis/decode/analysisSize.js';
import { decodeFrames } from '../../src-main/analysis/decode/frameStream.js';
import { analyzeFrames } from '../../src-main/analysis/pipeline/analyzeFrames.js';
import { createDefaultStages } from '../../src-main/analysis/pipeline/defaultStages.js';
import { requireTool } from '../../src-main/media/ffmpegLocator.js';
import { packageRoot } from '../../src-main/config/paths.js';
import { makeBenchClip } from './benchClips.js';
import { cpuMsPerFrame, readCpuSeconds, type CpuSeconds } from './cpuAccount.js';

const workDir = path.join(os.tmpdir(), 'micromoment-bench');
const source = path.resolve(packageRoot(), '..', 'shared', 'media', 'talking-head', 'franck-excerpt.mp4');

interface Measurement {
  frames: number;
  decodeFps: number;
  analysisFps: number;
  faceFrames: number;
  durationS: number;
  /** CPU milliseconds a frame (Node, ffmpeg) of each run; null off Linux. */
  decodeCpu: CpuSeconds | null;
  analysisCpu: CpuSeconds | null;
}

async function measure(clip: string): Promise<Measurement> {
  const ctx = createContext({ dbPath: path.join(workDir, `bench-${process.pid}.sqlite`), analyst: 'bench' });
  try {
    const imported = await importRecording(ctx, clip);
    if (imported.status === 'failed') throw new Error(imported.error);
    const recording = getRecording(ctx.db, imported.id!)!;
    const table = getFrameTable(ctx.db, imported.id!)!;
    const size = analysisSize(recording.probe.width, recording.probe.height);
    const { ffmpeg } = ctx.tools();

    let cpu0 = readCpuSeconds();
    let t0 = performance.now();
    let decoded = 0;
    for await (const _frame of decodeFrames({
      ffmpegPath: ffmpeg.path,
      file: clip,
      codec: recording.probe.videoCodec,
      width: size.width,
      height: size.height,
    }))
      decoded += 1;
    const decodeFps = decoded / ((performance.now() - t0) / 1000);
    const decodeCpu = cpuMsPerFrame(cpu0, readCpuSeconds(), decoded);

    const stages = await createDefaultStages({
      intraOpNumThreads: 1,
      sourcePixelsPerFramePixel: sourcePixelsPerFramePixel(recording.probe.width, recording.probe.height),
    });
    cpu0 = readCpuSeconds();
    t0 = performance.now();
    const summary = await analyzeFrames(
      {
        ffmpegPath: ffmpeg.path,
        file: clip,
        codec: recording.probe.videoCodec,
        width: recording.probe.width,
        height: recording.probe.height,
        table,
      },
      stages,
      () => {},
    );
    const analysisFps = summary.frames / ((performance.now() - t0) / 1000);
    const analysisCpu = cpuMsPerFrame(cpu0, readCpuSeconds(), summary.frames);
    await stages.close();
    return {
      frames: summary.frames,
      decodeFps,
      analysisFps,
      faceFrames: summary.faceFrames,
      durationS: recording.durationS,
      decodeCpu,
      analysisCpu,
    };
  } finally {
    ctx.close();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(workDir, { recursive: true });
  const mode = process.argv[2];
  if (mode === '--rss-child') {
    const clip = process.argv[3]!;
    const result = await measure(clip);
    process.send?.({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 });
    return;
  }
  const ffmpeg = requireTool('ffmpeg');
  console.log(
    `Micromoment analysis benchmark on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
  );
  console.log(`ffmpeg: ${ffmpeg.path} (${ffmpeg.version}, ${ffmpeg.source})`);
  const encoder = requireTool('ffmpeg');
  const clip60 = makeBenchClip(encoder.path, source, 60, workDir);
  const clip600 = makeBenchClip(encoder.path, source, 600, workDir);

  const r = await measure(clip60);
  console.log(`\n1280x720 30 fps H.264, 60 s (${r.frames} frames, face on ${r.faceFrames}):`);
  console.log(`  decode-only ceiling (same ffmpeg, same frames into Node, discarded): ${r.decodeFps.toFixed(1)} frames/s`);
  console.log(
    `  analysis, every frame:                                               ${r.analysisFps.toFixed(1)} frames/s ` +
      `= ${(r.analysisFps / 30).toFixed(2)}x real time`,
  );
  console.log(
    `  analysis / decode-only ceiling:                                      ${((100 * r.analysisFps) / r.decodeFps).toFixed(0)} %`,
  );

  printCpuAccount(r);

  if (process.argv.includes('--throughput-only')) return;
  console.log('\nPeak memory (Node process, maxRSS), each clip in its own process:');
  for (const clip of [clip60, clip600]) {
    const child = fork(fileURLToPath(import.meta.url), ['--rss-child', clip], { stdio: 'inherit' });
    const result = await new Promise<{ frames: number; maxRssMb: number; analysisFps: number }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { frames: number; maxRssMb: number; analysisFps: number }));
      child.once('exit', (code) => {
        if (code) reject(new Error(`bench child exited with ${code}`));
      });
    });
    console.log(
      `  ${path.basename(clip)}: ${result.frames} frames, peak RSS ${result.maxRssMb.toFixed(0)} MB (${result.analysisFps.toFixed(1)} frames/s)`,
    );
  }
}

/**
 * Where a frame's CPU goes, and what that allows: the analysis cannot run
 * faster than the cores can supply its CPU time, however well it is spread.
 */
function printCpuAccount(r: Measurement): void {
  if (!r.decodeCpu || !r.analysisCpu) {
    console.log('  (CPU account: Linux only)');
    return;
  }
  const cores = os.cpus().length;
  const line = (label: string, cpu: CpuSeconds, fps: number) => {
    const total = cpu.self + cpu.children;
    console.log(
      `  ${label} CPU a frame: Node ${cpu.self.toFixed(2)} ms + ffmpeg ${cpu.children.toFixed(2)} ms = ${total.toFixed(2)} ms; ` +
        `${((total * fps) / 1000).toFixed(2)} of ${cores} cores busy`,
    );
  };
  line('decode-only', r.decodeCpu, r.decodeFps);
  line('analysis   ', r.analysisCpu, r.analysisFps);
  const bound = (cores * 1000) / (r.analysisCpu.self + r.analysisCpu.children);
  console.log(
    `  with every core busy all the time, this CPU a frame allows at most ${bound.toFixed(1)} frames/s ` +
      `= ${((100 * bound) / r.decodeFps).toFixed(0)} % of the ceiling`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
