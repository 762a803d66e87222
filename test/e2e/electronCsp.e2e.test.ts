// The built renderer under the desktop app's own Content-Security-Policy, in real
// Chromium. No Electron binary exists here, so Chromium is given the pages exactly
// as the app scheme handler serves them (same handler, same headers, same media
// route) on a stand-in origin, with API calls answered by the real dispatcher.
// It proves the CSP the window gets does not break the renderer, and that media
// stream from the same origin under it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { createAppProtocolHandler } from '../../src-main/hosts/electron/appProtocol.js';
import { createDispatcher } from '../../src-main/api/dispatcher.js';
import { handlers } from '../../src-main/api/handlers.js';
import { createMediaHandler } from '../../src-main/media/mediaHandler.js';
import { storeMediaLookup } from '../../src-main/usecases/mediaLookup.js';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { launchChromium } from '../helpers/browser.js';
import { tempCase } from '../helpers/caseStore.js';
import { artifactsDir, realMediaDir, repoRoot } from '../helpers/paths.js';

const ORIGIN = 'http://micromoment.test';
const original = path.join(realMediaDir, 'cap13_edit2.mp4');
const ctx = tempCase('CSP Analyst');
let browser: Browser;

beforeAll(async () => {
  const rendererDir = path.join(repoRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir} is missing: run \`npm run build\` first.`);
  expect((await importRecording(ctx, original)).status).toBe('imported');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  ctx.close();
});

/** Serves the stand-in origin with the app scheme's handler, and the API with the dispatcher. */
async function serve(route: Route): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  if (url.pathname.startsWith('/api/call/')) {
    const outcome = await createDispatcher(ctx, handlers)(
      decodeURIComponent(url.pathname.slice('/api/call/'.length)),
      JSON.parse(request.postData() ?? '{}'),
    );
    return route.fulfill({
      status: outcome.ok ? 200 : 400,
      contentType: 'application/json',
      body: JSON.stringify(outcome.ok ? { result: outcome.result } : { error: outcome.error }),
    });
  }
  if (url.pathname === '/api/events') return route.fulfill({ status: 204 });
  const handle = createAppProtocolHandler({
    rendererDir: path.join(repoRoot, 'dist', 'renderer'),
    media: createMediaHandler(storeMediaLookup(ctx.db)),
  });
  const response = await handle(new Request(`micromoment://app${url.pathname}`, { method: request.method(), headers: request.headers() }));
  return route.fulfill({
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  });
}

describe("the renderer under the desktop app's CSP, in Chromium", () => {
  it('loads, talks to the API and streams media with no policy violation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route(`${ORIGIN}/**`, serve);
    const response = await page.goto(`${ORIGIN}/index.html`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect.poll(() => page.getByTestId('app-info').textContent(), { timeout: 30_000 }).toContain('CSP Analyst');
    await expect.poll(() => page.getByTestId('recordings').locator('tbody tr').count()).toBe(1);
    const media = await page.evaluate(async () => {
      const r = await fetch('./media/original/1', { headers: { Range: 'bytes=0-99' } });
      return { status: r.status, bytes: (await r.arrayBuffer()).byteLength };
    });
    expect(media).toEqual({ status: 206, bytes: 100 });
    // What the CSP is for: script from elsewhere, and inline script, never run.
    const blocked = await page.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.append(inline);
      const remote = await fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      );
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, remote };
    });
    expect(blocked).toEqual({ inlineRan: false, remote: 'blocked' });
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, 'electron-csp.png'), fullPage: true });
    // Both were refused by the policy (not by a missing network), and nothing else was.
    expect(problems.some((p) => /Executing inline script violates .*script-src 'self'/.test(p))).toBe(true);
    expect(problems.some((p) => /Connecting to 'https:\/\/example\.com\/' violates .*connect-src 'self'/.test(p))).toBe(true);
    expect(problems.filter((p) => !/inline script|example\.com/i.test(p))).toEqual([]);
    await page.close();
  });
});
