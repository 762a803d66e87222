// npm run bench:proxy: how fast review proxies are made and how big they are,
// for a 720p MPEG-2 recording (the kind Chromium cannot play), with every ffmpeg
// available (the bundled build, and the one on PATH if it is another).
// Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../src-main/app/context.js';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { makeProxy } from '../../src-main/proxy/makeProxy.js';
import { toolCandidates, type LocatedTool } from '../../src-main/media/ffmpegLocator.js';
import { PROXY_PARAMS } from '../../src-main/proxy/proxyEncodeArgs.js';
import { makeMpeg2Clip, benchWorkDir as workDir } from './proxyBenchClip.js';

async function measure(clip: string, ffmpeg: LocatedTool): Promise<void> {
  const dir = fs.mkdtempSync(path.join(workDir, 'proxy-'));
  const ctx = createContext({ dbPath: path.join(dir, 'case.sqlite'), analyst: 'bench', ffmpeg: ffmpeg.path });
  try {
    const imported = await importRecording(ctx, clip);
    if (imported.status === 'failed') throw new Error(imported.error);
    const duration = imported.durationS!;
    const outcome = await makeProxy(ctx, imported.id!, { dataDir: path.join(dir, 'data') });
    if (outcome.status !== 'ready') throw new Error(outcome.status === 'failed' ? outcome.error : outcome.status);
    const originalBytes = fs.statSync(clip).size;
    console.log(`  ${ffmpeg.version} (${ffmpeg.source}, ${ffmpeg.path})`);
    console.log(
      `    encode: ${(outcome.encodeMs / 1000).toFixed(1)} s = ${(duration / (outcome.encodeMs / 1000)).toFixed(2)}x real time ` +
        `(${(imported.frames! / (outcome.encodeMs / 1000)).toFixed(0)} frames/s)`,
    );
    console.log(
      `    with checking the original and verifying the proxy: ` +
        `${(outcome.totalMs / 1000).toFixed(1)} s = ${(duration / (outcome.totalMs / 1000)).toFixed(2)}x real time`,
    );
    console.log(
      `    proxy ${(outcome.sizeBytes / 1e6).toFixed(1)} MB vs original ${(originalBytes / 1e6).toFixed(1)} MB ` +
        `= ${(outcome.sizeBytes / originalBytes).toFixed(2)}x ` +
        `(${((outcome.sizeBytes * 8) / duration / 1e6).toFixed(1)} Mbit/s); ` +
        `frame table identical (${outcome.frames} frames)`,
    );
  } finally {
    ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(workDir, { recursive: true });
  const seconds = Number(process.argv[2] ?? 60);
  const ffmpegs = toolCandidates('ffmpeg');
  if (ffmpegs.length === 0) throw new Error('no ffmpeg found');
  console.log(`Micromoment proxy benchmark on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.versions.node}`);
  console.log(
    `proxy: ${PROXY_PARAMS.videoCodec} preset ${PROXY_PARAMS.preset} CRF ${PROXY_PARAMS.crf}, ` +
      `no B-frames, key frame every ${PROXY_PARAMS.keyframeIntervalS} s, encoder at nice 10`,
  );
  const clip = makeMpeg2Clip(ffmpegs[0]!.path, seconds);
  console.log(
    `clip: ${path.basename(clip)}, 1280x720 30 fps MPEG-2 (GOP 15, 2 B-frames) in MPEG-PS, ${seconds} s, ${(fs.statSync(clip).size / 1e6).toFixed(1)} MB`,
  );
  for (const ffmpeg of ffmpegs) await measure(clip, ffmpeg);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
