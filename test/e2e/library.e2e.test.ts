import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { launchChromium } from '../helpers/browser.js';
import { startServe, type ServeProcess } from '../helpers/serveProcess.js';
import { artifactsDir, tempDir } from '../helpers/paths.js';

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
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('app-info').textContent()).toContain('E2E Analyst');
    // The token is dropped from the address bar once the cookie is set.
    expect(page.url()).not.toContain('token=');

    await page.getByLabel('Import recordings (one path per line)').fill(`${fixtures.ntsc.path}\n${path.join(tempDir(), 'missing.mp4')}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const results = page.getByTestId('import-results');
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toContain('does not exist');
    const row = page.getByTestId('recordings').locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain(path.basename(fixtures.ntsc.path));
    const cells = await row.locator('td').allTextContents();
    expect(cells[3]).toBe(String(fixtures.ntsc.frames));
    expect(cells[4]).toBe('29.970');

    // Reloading shows the same case: it lives in the store, not in the page.
    await page.reload();
    await expect.poll(() => page.getByTestId('recordings').locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: path.join(artifactsDir, 'library.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
