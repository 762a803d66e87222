import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { launchChromium } from '../helpers/browser.js';
import { startServe, type ServeProcess } from '../helpers/serveProcess.js';
import { artifactsDir, realMediaDir, tempDir } from '../helpers/paths.js';

let fixtures: Record<FixtureName, FixtureInfo>;
let server: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  fixtures = await ensureFixtures();
  server = await startServe(['--db', path.join(tempDir(), 'case.sqlite')], { MICROMOMENT_ANALYST: 'E2E Analyst' });
  browser = await launchChromium();
  fs.mkdirSync(artifactsDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the library in Chromium through the loopback host', () => {
  it('refuses a visit without the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(server.origin + '/');
    expect(response?.status()).toBe(401);
    await page.close();
  });

  it('imports through the real API and lists the recording', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('app-info').textContent()).toContain('E2E Analyst');
    // The token is dropped from the address bar once the cookie is set.
    expect(page.url()).not.toContain('token=');
    // An empty case says what to do first.
    await expect.poll(() => page.getByTestId('library-empty').textContent()).toContain('Start by importing');

    await page.getByLabel('Import recordings (one path per line)').fill(`${fixtures.ntsc.path}\n${path.join(tempDir(), 'missing.mp4')}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const results = page.getByTestId('import-results');
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toContain('does not exist');
    const row = page.getByTestId('recordings').locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain(path.basename(fixtures.ntsc.path));
    const cells = await row.locator('td').allTextContents();
    expect(cells[3]).toBe(String(fixtures.ntsc.frames));
    expect(cells[4]).toBe('29.970');
    // What the window will play, and why on hover.
    expect(await row.getByTestId('plays').textContent()).toMatch(/^(original|review copy|original \(copy \w+\)|not playable yet)$/);
    expect(((await row.getByTestId('plays').getAttribute('title')) ?? '').length).toBeGreaterThan(10);
    // The import's progress line is gone once it ended (a late "storing … 0%" must not stay).
    await expect.poll(() => page.locator('.import .progress').count()).toBe(0);

    // Analyse & spot: the state says how far it is (share done, then time left), never a bare "working…".
    const seen = new Set<string>();
    await row.getByRole('button', { name: 'Analyse & spot' }).click();
    await expect
      .poll(
        async () => {
          const text = (await row.getByTestId('analysis-state').textContent()) ?? '';
          seen.add(text);
          return text;
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBe('analysed');
    expect([...seen].some((t) => t === 'working…')).toBe(false);
    expect([...seen].some((t) => /^analysing \d+%/.test(t) || t === 'starting the analysis…' || t === 'spotting…')).toBe(true);

    // Reloading shows the same case: it lives in the store, not in the page.
    await page.reload();
    await expect.poll(() => page.getByTestId('recordings').locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: path.join(artifactsDir, 'library.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('warns, on import, in the library and in the review window, of a file that decodes to much less video than it declares', async () => {
    const cut = path.join(tempDir(), 'cut short.mp4');
    fs.writeFileSync(cut, fs.readFileSync(path.join(realMediaDir, 'cap13_edit2.mp4')).subarray(0, 200_000));
    const warning =
      'WARNING: only 9.480 s of video decode, but the file declares 30.600 s: it may be cut short or damaged; compare it with its source';
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(server.url);
    await page.getByLabel('Import recordings (one path per line)').fill(cut);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-warning').textContent(), { timeout: 30_000 }).toBe(` ${warning}`);
    const row = page.getByTestId('recordings').locator('tbody tr', { hasText: 'cut short.mp4' });
    await expect.poll(() => row.getByTestId('recording-warning').getAttribute('title')).toBe(warning);
    // The intact recording of the first test carries no such mark.
    expect(
      await page
        .getByTestId('recordings')
        .locator('tbody tr', { hasText: path.basename(fixtures.ntsc.path) })
        .getByTestId('recording-warning')
        .count(),
    ).toBe(0);
    await page.screenshot({ path: path.join(artifactsDir, 'library-warning.png'), fullPage: true });
    await page.evaluate(() => localStorage.setItem('micromoment.analyst', 'E2E Analyst')); // the review window would ask the name first
    // Opened from an address that carries both the token and the recording (the token is dropped, the place is kept).
    const id = Number(await row.locator('td').first().textContent());
    await page.goto(`${server.url}#/review/${id}`);
    await expect.poll(() => page.getByTestId('recording-warning').textContent(), { timeout: 20_000 }).toBe(`${warning}.`);
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#/review/${id}(\\?frame=\\d+)?$`));
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
