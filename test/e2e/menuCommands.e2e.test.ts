// The desktop shell's commands carried out by the window, in real Chromium
// against `micromoment serve`. The loopback host never sends `menu.command`, so
// the test hands the page's event stream the commands the shell would send
// (the same payloads the Electron bridge delivers); everything else is real.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MenuCommand } from '../../src-shared/api/contract.js';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { launchChromium } from '../helpers/browser.js';
import { startServe, type ServeProcess } from '../helpers/serveProcess.js';
import { tempDir } from '../helpers/paths.js';
import { waitDisplayed } from './reviewPage.js';

let fixtures: Record<FixtureName, FixtureInfo>;
let server: ServeProcess;
let browser: Browser;
const work = tempDir('mm-menu-e2e-');
const folder = path.join(work, 'dropped folder');

beforeAll(async () => {
  fixtures = await ensureFixtures();
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(fixtures.ntsc.path, path.join(folder, 'ntsc.mp4'));
  server = await startServe(['--db', path.join(work, 'case.sqlite')], { MICROMOMENT_ANALYST: 'E2E Analyst', MICROMOMENT_DATA_DIR: path.join(work, 'data') });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A page whose EventSource (the loopback client's event stream) can be handed
 * a `menu.command` as the shell would send it; the real server's events still
 * flow through it.
 */
async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
  await page.addInitScript(() => {
    const Real = window.EventSource;
    const sources: EventSource[] = [];
    (window as unknown as { __sources: EventSource[] }).__sources = sources;
    window.EventSource = class extends Real {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        sources.push(this);
      }
    };
  });
  return page;
}

/** Delivers a shell command to the page, as the event stream would. */
async function send(page: Page, payload: MenuCommand): Promise<void> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { __sources: EventSource[] }).__sources.length)).toBeGreaterThan(0);
  await page.evaluate((p) => {
    const data = JSON.stringify({ event: 'menu.command', payload: p });
    for (const s of (window as unknown as { __sources: EventSource[] }).__sources) s.onmessage?.(new MessageEvent('message', { data }));
  }, payload);
}

describe('menu commands in the window (Chromium, loopback host)', () => {
  it('open-recordings imports the files in the library; show-shortcuts shows the sheet outside review', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await send(page, { command: 'open-recordings', paths: [fixtures.cfr25.path] });
    await expect.poll(() => page.getByTestId('import-results').textContent(), { timeout: 30_000 }).toContain('imported');
    await expect.poll(() => page.getByTestId('recordings').locator('tbody tr').count()).toBe(1);
    await send(page, { command: 'show-shortcuts' });
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    await page.close();
  });

  it('import-folder starts a batch scan of the folder in the batch view', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await send(page, { command: 'import-folder', folder });
    await expect.poll(() => page.url()).toContain('#/batch');
    await expect.poll(() => page.getByTestId('batch-queue').locator('tbody tr').first().textContent(), { timeout: 30_000 }).toContain('ntsc.mp4');
    await expect.poll(() => page.getByTestId('batch-state').textContent(), { timeout: 120_000, interval: 500 }).toBe('finished');
    await page.close();
  });

  it('in review, set-speed sets the player\'s speed and export-report opens the dialog for that recording', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.evaluate(() => localStorage.setItem('micromoment.analyst', 'E2E Analyst'));
    await page.goto(`${server.origin}/#/review/1`);
    await waitDisplayed(page, 0);
    await send(page, { command: 'set-speed', speed: 0.25 });
    await send(page, { command: 'export-report' });
    await expect.poll(() => page.getByTestId('readout-speed').textContent()).toBe('1/4');
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // For the recording under review: no recording to choose.
    expect(await dialog.getByLabel('Recording').count()).toBe(0);
    await page.close();
  });
});
