// npm run docs:screenshots: the pictures of the window in docs/, made from the
// real product. Scans a real talking-head recording into a fresh case, serves
// it (micromoment serve), opens the review window in Debian's Chromium at the
// two window sizes analysts use, at the first candidate, and saves a PNG of
// each. Also the library. Look at them before committing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { packageRoot } from '../../src-main/config/paths.js';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
];

async function main(): Promise<void> {
  const root = packageRoot();
  const clip = process.argv[2] ?? path.resolve(root, '..', 'shared', 'media', 'talking-head', 'franck-excerpt.mp4');
  const outDir = path.join(root, 'docs', 'images');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-screens-'));
  const env = { ...process.env, MICROMOMENT_DATA_DIR: path.join(work, 'data'), MICROMOMENT_DB: path.join(work, 'case.sqlite') };
  const cli = path.join(root, 'dist', 'src-main', 'cli', 'bin.js');
  const scan = spawnSync(process.execPath, [cli, 'scan', clip, '--json'], { env, encoding: 'utf8' });
  if (scan.status !== 0) throw new Error(`scan failed: ${scan.stderr}`);
  const serve = spawn(process.execPath, [cli, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    serve.stdout.setEncoding('utf8').on('data', (t: string) => {
      out += t;
      const match = /Open: (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    serve.once('close', () => reject(new Error(`serve stopped: ${out}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.MICROMOMENT_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    fs.mkdirSync(outDir, { recursive: true });
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: size });
      await page.addInitScript(() =>
        (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
          'micromoment.analyst',
          'A. Analyst',
        ),
      );
      await page.goto(url);
      await page.waitForSelector('text=franck-excerpt.mp4', { timeout: 30_000 });
      await page.screenshot({ path: path.join(outDir, `library-${size.width}x${size.height}.png`) });
      await page.goto(`${new URL(url).origin}/#/review/1`);
      await page.waitForSelector('[data-testid="timeline-overview"][data-ready="true"]', { timeout: 30_000 });
      await page.keyboard.press('n'); // the first candidate
      await page.waitForTimeout(1500);
      const file = path.join(outDir, `review-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await browser.close();
    serve.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
