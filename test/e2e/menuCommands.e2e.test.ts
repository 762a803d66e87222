// The desktop shell's commands carried out by the window, in real Chromium
// against `micromoment serve`. The loopback host never sends `menu.command`, so
// the test hands the page's event stream the commands the shell would send
// (the same payloads the Electron bridge delivers); everything else is real.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MenuCommand } from '../../src-shared/api/contract.js';
import { serveWithChromium } from '../helpers/serveWithChromium.js';
import { waitDisplayed } from './reviewPage.js';

const session = serveWithChromium('mm-menu-e2e-', {
  prepare(work, fixtures) {
    const dropped = path.join(work, 'dropped folder');
    fs.mkdirSync(dropped, { recursive: true });
    fs.copyFileSync(fixtures.ntsc.path, path.join(dropped, 'ntsc.mp4'));
  },
  env: (work) => ({ MICROMOMENT_DATA_DIR: path.join(work, 'data') }),
});
const folder = path.join(session.work, 'dropped folder');

/**
 * A page whose EventSource (the loopback client's event stream) can be handed
 * a `menu.command` as the shell would send it; the real server's events still
 * flow through it.
 */
async function newPage(): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 950 } });
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
    await page.goto(session.server.url);
    await send(page, { command: 'open-recordings', paths: [session.fixtures.cfr25.path] });
    await expect.poll(() => page.getByTestId('import-results').textContent(), { timeout: 30_000 }).toContain('imported');
    await expect.poll(() => page.getByTestId('recordings').locator('tbody tr').count()).toBe(1);
    await send(page, { command: 'show-shortcuts' });
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    await page.close();
  });

  it('import-folder starts a batch scan of the folder in the batch view', async () => {
    const page = await newPage();
    await page.goto(session.server.url);
    await send(page, { command: 'import-folder', folder });
    await expect.poll(() => page.url()).toContain('#/batch');
    await expect
      .poll(() => page.getByTestId('batch-queue').locator('tbody tr').first().textContent(), { timeout: 30_000 })
      .toContain('ntsc.mp4');
    await expect.poll(() => page.getByTestId('batch-state').textContent(), { timeout: 120_000, interval: 500 }).toBe('finished');
    await page.close();
  });

  it("in review, set-speed sets the player's speed and export-report opens the dialog for that recording", async () => {
    const page = await newPage();
    await page.goto(session.server.url);
    await page.evaluate(() => localStorage.setItem('micromoment.analyst', 'E2E Analyst'));
    await page.goto(`${session.server.origin}/#/review/1`);
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
