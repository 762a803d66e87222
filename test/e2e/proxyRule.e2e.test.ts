/**
 * The proxy rule against the real browser: for each container and codec a
 * recording may come in, the rule (src-main/proxy/proxyDecision.ts, fed by the real
 * probe and frame indexer) says "container" or "codec" exactly when Debian's
 * Chromium refuses to play the file. Short clips, so the GOP rule stays out of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { decideProxy } from '../../src-main/proxy/proxyDecision.js';
import { getFrameTable, getRecording } from '../../src-main/store/recordingsRepo.js';
import { launchChromium } from '../helpers/browser.js';
import { tempCase } from '../helpers/caseStore.js';
import { fileArg, mapLimit, runFfmpeg } from '../helpers/ffmpeg.js';
import { tempDir } from '../helpers/paths.js';

interface Sample {
  file: string;
  muxer: string;
  encode: string[];
  size?: string;
}

const SAMPLES: Sample[] = [
  { file: 'h264.mp4', muxer: 'mp4', encode: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'] },
  { file: 'h264.mov', muxer: 'mov', encode: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'] },
  { file: 'h264.mkv', muxer: 'matroska', encode: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'] },
  // No B-frames in AVI, and DVD-sized MPEG-2 frames in MPEG-PS: tiny frames or B-frames there lose their
  // timestamps, and the frame indexer refuses such files (see the mpeg2 fixture in test/fixtures/generate.ts).
  { file: 'h264.avi', muxer: 'avi', encode: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-bf', '0'] },
  { file: 'h264.ts', muxer: 'mpegts', encode: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'] },
  { file: 'vp8.webm', muxer: 'webm', encode: ['-c:v', 'libvpx'] },
  { file: 'vp9.webm', muxer: 'webm', encode: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime'] },
  { file: 'vp9.mp4', muxer: 'mp4', encode: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime'] },
  { file: 'av1.mp4', muxer: 'mp4', encode: ['-c:v', 'libaom-av1', '-cpu-used', '8', '-usage', 'realtime'] },
  { file: 'hevc.mp4', muxer: 'mp4', encode: ['-c:v', 'libx265', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'] },
  { file: 'hevc.mkv', muxer: 'matroska', encode: ['-c:v', 'libx265', '-x265-params', 'log-level=error'] },
  { file: 'mpeg2.mpg', muxer: 'mpeg', encode: ['-c:v', 'mpeg2video', '-q:v', '2'], size: '720x576' },
  { file: 'mpeg2.ts', muxer: 'mpegts', encode: ['-c:v', 'mpeg2video'] },
  { file: 'mpeg4.mp4', muxer: 'mp4', encode: ['-c:v', 'mpeg4'] },
  { file: 'mpeg4.avi', muxer: 'avi', encode: ['-c:v', 'mpeg4', '-vtag', 'xvid'] },
  { file: 'msmpeg4.avi', muxer: 'avi', encode: ['-c:v', 'msmpeg4'] },
  { file: 'mjpeg.avi', muxer: 'avi', encode: ['-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p'] },
  { file: 'mjpeg.mov', muxer: 'mov', encode: ['-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p'] },
  { file: 'wmv2.wmv', muxer: 'asf', encode: ['-c:v', 'wmv2'] },
  { file: 'h263.3gp', muxer: '3gp', encode: ['-c:v', 'h263'], size: '352x288' },
  { file: 'prores.mov', muxer: 'mov', encode: ['-c:v', 'prores_ks'] },
  { file: 'theora.ogv', muxer: 'ogg', encode: ['-c:v', 'libtheora'] },
];

const dir = tempDir('mm-rule-');
const ctx = tempCase();
let browser: Browser;

beforeAll(async () => {
  await mapLimit(SAMPLES, 2, (s) =>
    runFfmpeg([
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${s.size ?? '320x240'}:rate=25:duration=1`,
      ...s.encode,
      '-f',
      s.muxer,
      '-y',
      fileArg(path.join(dir, s.file)),
    ]),
  );
  fs.writeFileSync(path.join(dir, 'page.html'), '<!doctype html><body></body>');
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  ctx.close();
});

/** 'plays' when the first frame loads, else the media error Chromium gives. */
async function chromiumVerdict(file: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`file://${path.join(dir, 'page.html')}`);
    return (await page.evaluate(`new Promise((resolve) => {
      const video = document.createElement('video');
      video.muted = true;
      video.onloadeddata = () => resolve('plays');
      video.onerror = () => resolve('refused (media error ' + (video.error && video.error.code) + ')');
      setTimeout(() => resolve('no answer in 10 s'), 10000);
      video.src = ${JSON.stringify(file)};
    })`)) as string;
  } finally {
    await page.close();
  }
}

describe('the proxy rule matches what Chromium plays', () => {
  it.each(SAMPLES.map((s) => [s.file]))('%s', async (file) => {
    const imported = await importRecording(ctx, path.join(dir, file));
    expect(imported.status, imported.error).toBe('imported');
    const recording = getRecording(ctx.db, imported.id!)!;
    const decision = decideProxy({ probe: recording.probe, table: getFrameTable(ctx.db, imported.id!)! });
    const ruleSaysUnplayable = decision.reasons.some((r) => r.code === 'container' || r.code === 'codec');
    const verdict = await chromiumVerdict(file);
    console.log(
      `${file.padEnd(12)} ${recording.probe.videoCodec.padEnd(11)} in ${recording.probe.container.padEnd(26)} Chromium: ${verdict.padEnd(26)} ` +
        `rule: ${decision.reasons.map((r) => r.code).join(', ') || 'no proxy'}`,
    );
    expect(verdict === 'plays', `${file}: Chromium ${verdict}, rule ${JSON.stringify(decision.reasons)}`).toBe(!ruleSaysUnplayable);
  });
});
