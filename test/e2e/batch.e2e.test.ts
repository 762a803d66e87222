// The batch view in real Chromium against `micromoment serve`: a scan of a
// folder with two barcoded fixtures and a broken file, paused and resumed from
// the window, with the broken file's reason shown and the library usable meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir } from '../helpers/paths.js';
import { serveWithChromium } from '../helpers/serveWithChromium.js';
import { callFromWindow } from '../helpers/windowApi.js';

const session = serveWithChromium('mm-batch-e2e-', {
  prepare(work, fixtures) {
    const evidence = path.join(work, 'evidence');
    fs.mkdirSync(evidence, { recursive: true });
    fs.copyFileSync(fixtures.cfr25.path, path.join(evidence, 'a-cfr25.mp4'));
    fs.copyFileSync(fixtures.ntsc.path, path.join(evidence, 'b-ntsc.mp4'));
    // Named like a recording, but its bytes are not one: the scan must fail it with a reason.
    fs.writeFileSync(path.join(evidence, 'c-broken.mp4'), Buffer.alloc(4096, 0x5a));
  },
});
const evidence = path.join(session.work, 'evidence');

describe('the batch view in Chromium through the loopback host', () => {
  it('starts a scan, shows per-file progress, pauses and resumes, and lists the broken file with its reason', async () => {
    const page = await session.browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(session.server.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Batch scan' }).click();
    await page.getByLabel(/Scan folders or files/).fill(evidence);
    await page.getByRole('button', { name: 'Start scan' }).click();
    const state = page.getByTestId('batch-state');
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toMatch(/discovering|running/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('paused');
    const queue = page.getByTestId('batch-queue');
    await expect.poll(() => queue.locator('tbody tr').count(), { timeout: 20_000 }).toBe(3);
    expect(await page.getByRole('button', { name: 'Resume' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Pause' }).isEnabled()).toBe(false);

    // Paused, nothing finishes: the counts read a second apart agree.
    const summary = page.getByTestId('batch-summary');
    const before = await summary.textContent();
    await page.waitForTimeout(1000);
    expect(await summary.textContent()).toBe(before);
    await page.screenshot({ path: path.join(artifactsDir, 'batch-paused.png'), fullPage: true });

    // The rest of the window answers during the scan: the library lists what is imported so far.
    await page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await expect
      .poll(() => page.getByTestId('recordings').or(page.getByText('No recordings in this case yet.')).count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('navigation').getByRole('link', { name: 'Batch scan' }).click();
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('paused');

    await page.getByRole('button', { name: 'Resume' }).click();
    // Per-file progress shows: some file's bar moves above 0.
    await expect
      .poll(
        async () =>
          (await queue.locator('progress').evaluateAll((ps) => ps.map((p) => (p as HTMLProgressElement).value))).some((v) => v > 0),
        { timeout: 60_000 },
      )
      .toBe(true);
    await expect.poll(() => state.textContent(), { timeout: 240_000, interval: 500 }).toBe('finished');

    const rows = await queue
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.getAttribute('data-status')]));
    expect(rows).toEqual([
      ['a-cfr25.mp4', 'done'],
      ['b-ntsc.mp4', 'done'],
      ['c-broken.mp4', 'failed'],
    ]);
    const failuresText = await page.getByTestId('batch-failures').textContent();
    expect(failuresText).toContain('c-broken.mp4');
    // The reason is the scan's own, not a placeholder.
    expect(failuresText).not.toContain('no reason recorded');
    expect(failuresText!.split('c-broken.mp4: ')[1]!.length).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(artifactsDir, 'batch-finished.png'), fullPage: true });

    // A finished row opens its review (by its name or its Review button); the broken one has neither.
    expect(await queue.locator('tbody tr[data-status="failed"] a').count()).toBe(0);
    await queue.locator('tbody tr[data-status="done"]').first().getByRole('link', { name: 'Review' }).click();
    const library = await callFromWindow<{ id: number; name: string }[]>(page, 'library.list', {});
    const opened = library.find((r) => r.name === 'a-cfr25.mp4')!;
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/review/${opened.id}`);
    // This profile has no analyst yet: the window asks for the name before the review opens.
    await expect.poll(() => page.getByLabel('Your name').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.goBack();
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe('finished');

    await page.getByRole('navigation').getByRole('link', { name: 'Library' }).click();
    await expect.poll(() => page.getByTestId('recordings').locator('tbody tr').count(), { timeout: 10_000 }).toBe(2);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
