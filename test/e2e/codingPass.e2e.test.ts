/**
 * A blind second pass in Chromium through the loopback host (issue 21): a
 * second analyst starts a blind pass from the review window, sees none of the
 * first analyst's decisions, notes or the spotter's emotions, decides with the
 * buttons, completes the pass, and only then sees the first analyst's work.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactsDir, realMediaDir } from '../helpers/paths.js';
import type { ServeProcess } from '../helpers/serveProcess.js';
import { startClipSession, type ClipSession } from './clipSession.js';
import { callApi, openReview, waitDisplayed } from './reviewPage.js';

let server: ServeProcess;
let browser: Browser;
let id: number;
const talkingHead = path.join(realMediaDir, 'cap13_edit2.mp4');

let session: ClipSession;
beforeAll(async () => {
  session = await startClipSession(talkingHead);
  ({ server, browser, id } = session);
});
afterAll(async () => {
  await session?.stop();
});

describe('a blind second pass', () => {
  it("hides the first analyst's decisions, notes and the spotter's emotion until the pass is complete", async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    const refusedCalls: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) refusedCalls.push(`${r.url()} ${r.request().postData() ?? ''}`);
    });
    await page.goto(server.url);
    const spot = await callApi<{ spottingRunId: number; candidates: { emotion: string }[] }>(page, 'spot.run', { id });
    // The first analyst accepted C1 in the working set, with a note.
    await callApi(page, 'annotations.apply', {
      recordingId: id,
      analyst: 'First Coder',
      change: {
        kind: 'candidate',
        spottingRunId: spot.spottingRunId,
        candidateIndex: 0,
        set: { verdict: 'accepted', note: 'FIRST-CODER-NOTE' },
      },
    });

    await openReview(page, server.origin, id, 'Second Coder');
    const rows = page.getByTestId('queue').locator('tbody tr');
    await expect.poll(() => rows.first().textContent()).toContain('accepted'); // the working set, before the pass
    await page
      .getByTestId('pass-bar')
      .getByLabel(/hide the spotter.s emotion/)
      .check();
    await page.getByTestId('pass-bar').getByRole('button', { name: 'Start a blind pass' }).click();
    await expect
      .poll(() => page.getByTestId('pass-bar').textContent(), { timeout: 20_000 })
      .toMatch(/Pass #1, blind, spotter's emotion hidden/);
    // Nothing of the first analyst's: every candidate pending, no emotion from the spotter, the note nowhere.
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('pending') && t.includes('hidden'))).toBe(true);
    await rows.first().click();
    expect(await page.locator('body').textContent()).not.toContain('FIRST-CODER-NOTE');
    const shownError = page.getByTestId('annotation-error');
    expect(await shownError.count(), refusedCalls.join('\n')).toBe(0); // the window asks only for what it may show
    // Not through the API either.
    const peek = await callApi(page, 'annotations.list', { recordingId: id, analyst: 'Second Coder' }).then(
      () => 'shown',
      (e: Error) => e.message,
    );
    expect(peek).toContain('blind in pass #1');
    await page.screenshot({ path: path.join(artifactsDir, 'blind-pass.png') });

    // The second analyst decides C1 with the buttons: rejected, in the pass.
    await page.getByTestId('decide-reject').click();
    await expect.poll(() => page.getByTestId('details-verdict').textContent()).toBe('rejected');
    const passes = await callApi<{ id: number; completedAt: string | null }[]>(page, 'passes.list', { recordingId: id });
    expect(passes).toEqual([expect.objectContaining({ id: 1, completedAt: null })]);

    // Complete: the page shows the working set again, with the first analyst's decision and note.
    await page.getByTestId('pass-bar').getByRole('button', { name: 'Complete pass' }).click();
    await expect.poll(() => page.getByTestId('pass-bar').textContent(), { timeout: 20_000 }).toContain('Working set');
    await expect.poll(() => rows.first().textContent()).toContain('accepted');
    expect((await callApi<{ completedAt: string | null }[]>(page, 'passes.list', { recordingId: id }))[0]!.completedAt).not.toBeNull();
    // The agreement of the two codings: the working set's C1 was found by the case only (the pass rejected it); a click shows it.
    await page.getByTestId('pass-bar').getByRole('button', { name: 'Agreement (1 pass)' }).click();
    const dialog = page.getByTestId('agreement-dialog');
    const listed = dialog.getByTestId('disagreements').locator('li');
    await expect
      .poll(() => listed.allTextContents())
      .toEqual([expect.stringMatching(/^frames 31–51 found by case only \(case: \w+ 31–51\) Take case\s*Take pass 1$/)]);
    expect(await dialog.textContent()).toContain('0 matched, 1 only in case, 0 only in pass 1');
    await page.screenshot({ path: path.join(artifactsDir, 'agreement-dialog.png') });
    await listed.first().getByRole('button', { name: 'frames 31–51' }).click();
    await waitDisplayed(page, 31);
    // Adjudication: the second coder's reading is taken (nothing there), so C1 is no longer a finding; both originals stay.
    await page.getByTestId('pass-bar').getByRole('button', { name: 'Agreement (1 pass)' }).click();
    await dialog.getByRole('button', { name: 'Take pass 1' }).click();
    await expect.poll(() => dialog.textContent()).toContain('No disagreement.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => rows.first().textContent()).toContain('rejected');
    const audit = await callApi<{ action: string; actor: string }[]>(page, 'audit.list', { afterSeq: 0, limit: 1000 });
    expect(
      audit.filter((e) => e.action.startsWith('pass.') || e.action === 'annotation.adjudicated').map((e) => [e.action, e.actor]),
    ).toEqual([
      ['pass.started', 'Second Coder'],
      ['pass.completed', 'Second Coder'],
      ['annotation.adjudicated', 'Second Coder'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
