// Exporting a report from the window in real Chromium against `micromoment serve`:
// the downloaded bytes are the ones the API returned and the audit log recorded,
// and a changed original is refused first, then exported marked on request.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir } from '../helpers/paths.js';
import { ensureFixtures } from '../fixtures/generate.js';
import { serveWithChromium } from '../helpers/serveWithChromium.js';
import { callFromWindow } from '../helpers/windowApi.js';

const session = serveWithChromium('mm-report-e2e-', {
  prepare: (work, fixtures) => fs.copyFileSync(fixtures.cfr25.path, path.join(work, 'interview.mp4')),
});
const work = session.work;
const original = path.join(work, 'interview.mp4');

interface AuditRow {
  action: string;
  after: { format: string; sha256: string; bytes: number; original: string; mismatchAllowed: boolean };
}

/** The audit log as the window's own API call returns it. */
async function exports(page: Page): Promise<AuditRow[]> {
  const rows = await callFromWindow<AuditRow[]>(page, 'audit.list', {});
  return rows.filter((r) => r.action === 'report.exported');
}

/** Clicks `button` and returns the SHA-256 and name of the file the page downloads. */
async function download(page: Page, click: () => Promise<void>): Promise<{ sha256: string; name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const saved = path.join(work, `download-${Date.now()}`);
  await dl.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  return { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), name: dl.suggestedFilename(), text: bytes.toString('utf8') };
}

describe('report export from the window, in Chromium through the loopback host', () => {
  it('downloads the HTML report with the bytes the audit log records; a changed original is refused, then exported marked', async () => {
    const context = await session.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(session.server.url);
    await page.getByLabel('Import recordings (one path per line)').fill(original);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const row = page.getByTestId('recordings').locator('tbody tr').first();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('interview.mp4');

    await row.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.getByLabel('Format').selectOption('html');
    const first = await download(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(first.name).toBe('interview.report.html');
    expect(first.text).toContain('<html');
    await expect.poll(() => dialog.getByTestId('export-sha256').textContent()).toBe(first.sha256);
    const audited = await exports(page);
    expect(audited).toHaveLength(1);
    expect(audited[0]!.after).toMatchObject({ format: 'html', sha256: first.sha256, original: 'identical', mismatchAllowed: false });
    await page.screenshot({ path: path.join(artifactsDir, 'report-export.png'), fullPage: true });

    expect(consoleErrors).toEqual([]);

    // The original changes on disk: the export is refused with the reason, then made marked on request.
    fs.appendFileSync(original, Buffer.from([0]));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const refusal = dialog.getByTestId('export-refusal');
    await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toContain('does not verify');
    expect(await exports(page)).toHaveLength(1);
    await page.screenshot({ path: path.join(artifactsDir, 'report-export-refused.png'), fullPage: true });
    const marked = await download(page, () => refusal.getByRole('button', { name: /Export anyway/ }).click());
    await expect.poll(() => dialog.getByTestId('export-sha256').textContent()).toBe(marked.sha256);
    expect(marked.text).toContain('<div class="banner" role="alert"><strong>WARNING:</strong>');
    const after = await exports(page);
    expect(after).toHaveLength(2);
    expect(after[1]!.after).toMatchObject({ format: 'html', sha256: marked.sha256, original: 'changed', mismatchAllowed: true });
    expect(await dialog.getByTestId('export-done').textContent()).toContain('the original is changed');
    // The refused call's HTTP error is the only thing the console shows (Chromium logs every failed request).
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 500 (Internal Server Error)']);
    await context.close();
  });

  it('sets the case details from the header (audited under the analyst), and the report states them; notes can be left out', async () => {
    // The test before changed the original on disk: its imported bytes come back from the fixture.
    fs.copyFileSync((await ensureFixtures()).cfr25.path, original);
    const context = await session.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(session.server.url);
    await page.evaluate(() => localStorage.setItem('micromoment.analyst', 'Case Clerk'));
    await page.reload();
    await page.getByTestId('case-details-button').click();
    const dialog = page.getByRole('dialog', { name: 'Case details' });
    await dialog.getByLabel('Case number').fill('CR-77 <i>x</i>');
    await dialog.getByLabel('Exhibit / item').fill('Item 4: interview tape');
    await dialog.getByLabel('Question to answer').fill('Does the subject show fear?');
    await dialog.getByRole('button', { name: 'Save (3 changed)' }).click();
    await expect.poll(() => page.getByTestId('case-details-button').textContent()).toBe('no. CR-77 <i>x</i>');
    await page.screenshot({ path: path.join(artifactsDir, 'case-details.png') });
    const audit = await callFromWindow<{ action: string; actor: string; after: Record<string, string> }[]>(page, 'audit.list', {});
    const set = audit.filter((e) => e.action === 'case.details-set');
    expect(set).toHaveLength(1);
    expect(set[0]).toMatchObject({ actor: 'Case Clerk', after: { caseNumber: 'CR-77 <i>x</i>', exhibit: 'Item 4: interview tape' } });

    // Reopened: as stored; Esc with nothing changed closes it.
    await page.getByTestId('case-details-button').click();
    expect(await dialog.getByLabel('Case number').inputValue()).toBe('CR-77 <i>x</i>');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    const row = page.getByTestId('recordings').locator('tbody tr').first();
    await row.getByRole('button', { name: 'Report…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export report' });
    await exportDialog.getByLabel('Format').selectOption('html');
    await exportDialog.getByLabel(/Leave the analysts.? notes out/).check();
    const report = await download(page, () => exportDialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(report.text).toContain('CR-77 &lt;i&gt;x&lt;/i&gt;');
    expect(report.text).toContain('Does the subject show fear?');
    expect(report.text).toContain('Case Clerk');
    expect(report.text).toContain("The analysts' notes are left out of this version of the report (--redact-notes).".replace("'", '&#39;'));
    await context.close();
  });
});
