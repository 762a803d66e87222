// npm run bench:proxy-seek: what key-frame spacing costs when the review window
// seeks, measured in Chromium (Debian's /usr/bin/chromium, or MICROMOMENT_CHROMIUM)
// through playwright-core (a development dependency). The figures behind
// MAX_KEYFRAME_GAP_S (src-main/proxy/proxyDecision.ts) and the proxies' key-frame
// interval (src-main/proxy/proxyEncodeArgs.ts). Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireTool } from '../../src-main/media/ffmpegLocator.js';
import { passthroughFrameArgs } from '../../src-main/media/ffmpegCapabilities.js';
import { proxyEncodeArgs } from '../../src-main/proxy/proxyEncodeArgs.js';
import { runProxyEncode } from '../../src-main/proxy/proxyEncoder.js';
import { probeAndIndex } from '../../src-main/media/probeAndIndex.js';
import { proxyTimeMapFor } from '../../src-main/proxy/proxyTimeMap.js';
import { makeMpeg2Clip } from './proxyBenchClip.js';

const workDir = path.join(os.tmpdir(), 'micromoment-bench', 'seek');
/** Key-frame spacings compared, in seconds (0: every frame a key frame). */
const SPACINGS = [0, 0.5, 1, 2, 4, 8];

/**
 * Runs in the page: loads the video, then times seeks from setting currentTime
 * to the next presented frame (requestVideoFrameCallback): 40 to random frames,
 * 30 single frames back, 30 single frames forward.
 */
const PAGE_SCRIPT = `async ({ src, frameS, frames }) => {
  const video = document.createElement('video');
  video.muted = true; video.preload = 'auto'; video.src = src;
  document.body.append(video);
  await new Promise((ok, fail) => { video.oncanplaythrough = ok; video.onerror = () => fail(new Error('cannot play ' + src)); });
  const seek = (frame) => new Promise((done) => {
    const t0 = performance.now();
    video.requestVideoFrameCallback(() => done(performance.now() - t0));
    video.currentTime = (frame + 0.5) * frameS;
  });
  let x = 12345;
  const random = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const stats = (a) => { const s = [...a].sort((p, q) => p - q); return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)] }; };
  const randomMs = [], backMs = [], forwardMs = [];
  let last = -1;
  for (let i = 0; i < 40; i++) { let f; do { f = Math.floor(random() * frames); } while (f === last); last = f; randomMs.push(await seek(f)); }
  const from = Math.floor(frames * 0.6);
  await seek(from + 1);
  for (let f = from; f > from - 30; f--) backMs.push(await seek(f));
  await seek(Math.floor(frames * 0.3) - 1);
  for (let f = Math.floor(frames * 0.3); f < Math.floor(frames * 0.3) + 30; f++) forwardMs.push(await seek(f));
  return { random: stats(randomMs), back: stats(backMs), forward: stats(forwardMs) };
}`;

interface SeekStats {
  median: number;
  p90: number;
}

async function main(): Promise<void> {
  fs.mkdirSync(workDir, { recursive: true });
  const ffmpeg = requireTool('ffmpeg');
  const chromiumPath = process.env.MICROMOMENT_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath))
    throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium or set MICROMOMENT_CHROMIUM.`);
  const { chromium } = await import('playwright-core');
  const clip = makeMpeg2Clip(ffmpeg.path, 30);
  const { probe, index } = await probeAndIndex(clip);
  const map = proxyTimeMapFor(index);
  const frames = index.ptsTicks.length;
  console.log(`Seek cost in ${chromiumPath} of 1280x720 30 fps H.264 (CRF 18, no B-frames), ${frames} frames, by key-frame spacing`);
  console.log(`made by ${ffmpeg.version} from ${path.basename(clip)}; times from setting currentTime to the frame being presented`);
  fs.writeFileSync(path.join(workDir, 'page.html'), '<!doctype html><body></body>');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    for (const spacing of SPACINGS) {
      const name = `gop-${spacing === 0 ? 'intra' : `${spacing}s`}.mp4`;
      const file = path.join(workDir, name);
      if (!fs.existsSync(file)) {
        await runProxyEncode(
          ffmpeg.path,
          proxyEncodeArgs({
            input: clip,
            output: file,
            map,
            width: probe.width,
            height: probe.height,
            withAudio: false,
            passthroughArgs: passthroughFrameArgs(ffmpeg.path),
            keyframeIntervalS: spacing,
          }),
        );
      }
      const page = await browser.newPage();
      await page.goto(`file://${path.join(workDir, 'page.html')}`);
      const result = (await page.evaluate(`(${PAGE_SCRIPT})(${JSON.stringify({ src: name, frameS: 1 / 30, frames })})`)) as {
        random: SeekStats;
        back: SeekStats;
        forward: SeekStats;
      };
      await page.close();
      const f = (s: SeekStats) => `${s.median.toFixed(0).padStart(4)} / ${s.p90.toFixed(0).padStart(4)} ms`;
      console.log(
        `  key frame ${spacing === 0 ? 'every frame' : `every ${spacing} s`}`.padEnd(28) +
          `${(fs.statSync(file).size / 1e6).toFixed(1).padStart(5)} MB   random seek ${f(result.random)}   ` +
          `step back ${f(result.back)}   step forward ${f(result.forward)}   (median / 90th percentile)`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
