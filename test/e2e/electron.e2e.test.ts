// The desktop app for real: the built app in a real Electron, driven by
// Playwright's Electron support. It runs wherever an Electron binary is
// installed; where none is (this project's offline machines), the test says it
// is skipped and why, in the test output.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary, missingDisplay } from '../helpers/electronBinary.js';
import { artifactsDir, realMediaDir, repoRoot, tempDir } from '../helpers/paths.js';

const binary = findElectronBinary();
const skipReason = 'reason' in binary ? binary.reason : missingDisplay();
const original = path.join(realMediaDir, 'cap13_edit2.mp4');

if (skipReason) {
  describe('the desktop app in Electron', () => {
    it('runs where an Electron binary is installed', (ctx) => {
      console.log(`Electron end-to-end test SKIPPED: ${skipReason}.`);
      ctx.skip(skipReason);
    });
  });
} else {
  let app: ElectronApplication;
  let page: Page;
  const dataDir = tempDir('mm-electron-');

  beforeAll(async () => {
    app = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [repoRoot],
      cwd: repoRoot,
      env: {
        ...process.env,
        MICROMOMENT_DATA_DIR: dataDir,
        MICROMOMENT_DB: path.join(dataDir, 'case.sqlite'),
        MICROMOMENT_ANALYST: 'E2E Analyst',
      } as Record<string, string>,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('the desktop app in Electron', () => {
    it('loads the renderer from the app scheme, with the API from the backend process', async () => {
      expect(page.url()).toBe('micromoment://app/index.html');
      await expect.poll(() => page.getByTestId('app-info').textContent(), { timeout: 30_000 }).toContain('E2E Analyst');
    });

    it('gives the page the contract and nothing else: no Node, no require, no process', async () => {
      const seen = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return {
          bridge: Object.keys(w.micromoment as object).sort(),
          require: typeof w.require,
          process: typeof w.process,
          module: typeof w.module,
        };
      });
      expect(seen).toEqual({ bridge: ['call', 'on'], require: 'undefined', process: 'undefined', module: 'undefined' });
    });

    it('imports through the contract and streams the recording by id with byte ranges', async () => {
      const imported = await page.evaluate(
        (file) =>
          (window as unknown as { micromoment: { call(m: string, a: unknown): Promise<unknown> } }).micromoment.call('library.import', {
            paths: [file],
          }),
        original,
      );
      expect(imported).toMatchObject({ ok: true, result: [{ status: 'imported' }] });
      const media = await page.evaluate(async () => {
        const response = await fetch('./media/original/1', { headers: { Range: 'bytes=0-99' } });
        return { status: response.status, bytes: (await response.arrayBuffer()).byteLength, range: response.headers.get('content-range') };
      });
      expect(media).toEqual({ status: 206, bytes: 100, range: `bytes 0-99/${fs.statSync(original).size}` });
    });

    it('loads nothing remote, opens no windows, does not navigate away, and grants no permission', async () => {
      const outcome = await page.evaluate(async () => {
        const remote = await fetch('https://example.com/').then(
          () => 'loaded',
          () => 'blocked',
        );
        const popup = window.open('https://example.com/');
        const notifications = await Notification.requestPermission();
        const camera = await navigator.mediaDevices.getUserMedia({ video: true }).then(
          () => 'granted',
          () => 'denied',
        );
        return { remote, popup: popup === null ? 'none' : 'opened', notifications, camera };
      });
      expect(outcome).toEqual({ remote: 'blocked', popup: 'none', notifications: 'denied', camera: 'denied' });
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(1000);
      expect(page.url()).toBe('micromoment://app/index.html');
      expect(app.windows()).toHaveLength(1);
    });

    it('sends menu commands to the window as menu.command events', async () => {
      await page.evaluate(() => {
        const w = window as unknown as { commands: unknown[]; micromoment: { on(e: string, l: (p: unknown) => void): void } };
        w.commands = [];
        w.micromoment.on('menu.command', (c) => w.commands.push(c));
      });
      await app.evaluate(({ Menu }) => {
        Menu.getApplicationMenu()!.getMenuItemById('help.shortcuts')!.click();
        Menu.getApplicationMenu()!.getMenuItemById('file.export-report')!.click();
      });
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { commands: unknown[] }).commands))
        .toEqual([{ command: 'show-shortcuts' }, { command: 'export-report' }]);
      fs.mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: path.join(artifactsDir, 'electron.png') });
    });

    it('remembers the window placement when it closes', async () => {
      await app.close();
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'electron', 'window-placement.json'), 'utf8'))).toMatchObject({
        maximized: false,
      });
    });
  });
}
