import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ServeProcess } from '../helpers/serveProcess.js';
import { artifactsDir, realMediaDir } from '../helpers/paths.js';
import { startClipSession, type ClipSession } from './clipSession.js';
import { callApi, openReview, waitDisplayed } from './reviewPage.js';

// The review window's controls as a new analyst uses them: by mouse as well as by key.
let server: ServeProcess;
let browser: Browser;
let id: number;
const talkingHead = path.join(realMediaDir, 'cap13_edit2.mp4'); // 765 frames, two candidates

let session: ClipSession;
beforeAll(async () => {
  session = await startClipSession(talkingHead);
  ({ server, browser, id } = session);
});
afterAll(async () => {
  await session?.stop();
});

async function newPage(viewport = { width: 1600, height: 1000 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  return { page, errors };
}

async function goTo(page: Page, text: string): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('go to a frame', () => {
  it('replaces the old number (300, then 400, is 400) and refuses a frame outside the recording', async () => {
    const { page, errors } = await newPage();
    await openReview(page, server.origin, id);
    await goTo(page, '300');
    await waitDisplayed(page, 300);
    await goTo(page, '400');
    await waitDisplayed(page, 400);
    await goTo(page, '99999');
    await expect
      .poll(() => page.getByTestId('goto-problem').textContent())
      .toBe('Frame 99999 is outside this recording: its frames are 0–764.');
    expect(await page.getByTestId('player-canvas').getAttribute('data-displayed-frame')).toBe('400');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('goto-problem').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('decisions by mouse', () => {
  it('accepts, labels and moves the onset of a candidate with buttons alone; the audit log names the analyst', async () => {
    const { page, errors } = await newPage();
    const spot = await callApi<{ candidates: { onsetFrame: number }[] }>(page, 'spot.run', { id });
    await openReview(page, server.origin, id, 'Mouse Analyst');
    const first = spot.candidates[0]!;
    await page.getByTestId('queue').locator('tbody tr').first().click();
    await waitDisplayed(page, first.onsetFrame);
    await page.getByTestId('decide-accept').click();
    await expect.poll(() => page.getByTestId('details-verdict').textContent()).toBe('accepted');
    expect(await page.getByTestId('decide-accept').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('decide-label2').click(); // sadness
    await expect.poll(() => page.getByTestId('details-emotion').textContent()).toContain('sadness');
    await page.getByTitle('Next frame (→)').click();
    await page.getByTitle('Next frame (→)').click();
    await waitDisplayed(page, first.onsetFrame + 2);
    await page.getByTestId('decide-setOnset').click();
    await expect.poll(() => page.getByTestId('details-frames').textContent()).toMatch(new RegExp(`^${first.onsetFrame + 2} · `));
    await page.getByTestId('decide-reject').click();
    await expect.poll(() => page.getByTestId('details-verdict').textContent()).toBe('rejected');
    const audit = await callApi<{ action: string; actor: string }[]>(page, 'audit.list', { afterSeq: 0, limit: 1000 });
    const mine = audit.filter((e) => e.action.startsWith('annotation.') && e.actor === 'Mouse Analyst');
    expect(mine.length).toBe(4); // created (accept), emotion, onset, reject
    await page.screenshot({ path: path.join(artifactsDir, 'review-decisions.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the note and the selection', () => {
  it('Esc in a note asks before throwing typed text away; the selected item survives a reload', async () => {
    const { page, errors } = await newPage();
    await callApi(page, 'spot.run', { id });
    await openReview(page, server.origin, id, 'Note Analyst');
    await page.getByTestId('queue').locator('tbody tr').nth(1).click();
    await expect.poll(() => page.getByTestId('annotation-details').locator('h3').textContent()).toMatch(/^C2 · candidate · /);
    await page.keyboard.press('Enter');
    await page.keyboard.type('lip corner, one side');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('note-discard-question').isVisible()).toBe(true);
    expect(await page.locator('#annotation-note').inputValue()).toBe('lip corner, one side'); // kept
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#annotation-note').inputValue()).toBe('');
    await page.locator('#annotation-note').click();
    await page.keyboard.type('kept this time');
    await page.getByTestId('note-save').click();
    await expect
      .poll(async () =>
        (
          await callApi<{ annotations: { note: string; candidateIndex: number | null }[] }>(page, 'annotations.list', {
            recordingId: id,
            analyst: 'Note Analyst',
          })
        ).annotations
          .filter((a) => a.candidateIndex === 1)
          .map((a) => a.note),
      )
      .toEqual(['kept this time']);

    await expect.poll(() => new URL(page.url()).hash).toContain('&item=c1');
    await page.reload();
    await expect.poll(() => page.getByTestId('annotation-details').locator('h3').textContent()).toMatch(/^C2 · candidate · /);
    await expect.poll(() => page.locator('#annotation-note').inputValue()).toBe('kept this time');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('one name per item', () => {
  it('the queue, the details and the undo text name an item alike, and a new hand mark renames nothing', async () => {
    const { page, errors } = await newPage();
    await callApi(page, 'spot.run', { id });
    await openReview(page, server.origin, id, 'Name Analyst');
    const labels = () => page.getByTestId('queue').locator('tbody tr .q-what').allTextContents();
    await expect.poll(labels).toEqual(['C1', 'C2']);
    // A hand mark before both candidates: it comes first in time, and the candidates keep their names.
    await goTo(page, '5');
    await waitDisplayed(page, 5);
    await page.keyboard.press('m');
    await goTo(page, '9');
    await waitDisplayed(page, 9);
    await page.keyboard.press('m');
    await expect.poll(async () => (await labels()).length).toBe(3);
    const [mark, ...candidates] = await labels();
    expect(candidates).toEqual(['C1', 'C2']);
    expect(mark).toMatch(/^H\d+$/);
    await expect
      .poll(() => page.getByTestId('annotation-details').locator('h3').textContent())
      .toMatch(new RegExp(`^${mark} · hand mark · pending`));
    expect(await page.getByTestId('undo-label').textContent()).toMatch(new RegExp(`^${mark}: `));
    const audit = await callApi<{ action: string; actor: string; target: string }[]>(page, 'audit.list', { afterSeq: 0, limit: 1000 });
    expect(audit.filter((e) => e.actor === 'Name Analyst').map((e) => e.action)).toEqual(['annotation.created']);
    // Removed (hidden), so the tests after this one see the two candidates alone.
    await page.keyboard.press('Delete');
    await expect.poll(labels).toEqual(['C1', 'C2']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the layout', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1600, height: 1000 },
  ]) {
    it(`fits ${viewport.width}x${viewport.height} with no page scrolling, and so does the shortcut sheet`, async () => {
      const { page, errors } = await newPage(viewport);
      await callApi(page, 'spot.run', { id });
      await openReview(page, server.origin, id, 'Layout Analyst');
      await page.keyboard.press('n');
      await expect.poll(() => page.getByTestId('annotation-details').locator('h3').textContent()).toMatch(/^C1 · /);
      const overflow = () =>
        page.evaluate(() => ({
          x: document.documentElement.scrollWidth - window.innerWidth,
          y: document.documentElement.scrollHeight - window.innerHeight,
        }));
      expect(await overflow()).toEqual({ x: 0, y: 0 });
      // Every part in view: the player, the curve toggles under the timeline, the queue's last row.
      for (const locator of [
        page.getByTestId('player-canvas'),
        page.getByLabel('AU26'),
        page.getByTestId('queue').locator('tbody tr').last(),
        page.getByTestId('decide-setOffset'),
      ]) {
        const box = await locator.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
        expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      }
      await page.screenshot({ path: path.join(artifactsDir, `review-layout-${viewport.width}x${viewport.height}.png`) });
      await page.keyboard.press('Shift+?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect.poll(() => sheet.isVisible()).toBe(true);
      const box = await sheet.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      expect(await sheet.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
      expect(await overflow()).toEqual({ x: 0, y: 0 });
      await page.screenshot({ path: path.join(artifactsDir, `review-sheet-${viewport.width}x${viewport.height}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the queue as a table', () => {
  it('sorts by a column heading (again turns it round), filters by status and score, and always counts the unreviewed', async () => {
    const { page, errors } = await newPage();
    const spot = await callApi<{ candidates: { score: number }[] }>(page, 'spot.run', { id });
    await openReview(page, server.origin, id, 'Table Analyst');
    const rows = () => page.getByTestId('queue').locator('tbody tr .q-what').allTextContents();
    const count = () => page.getByTestId('queue-count').textContent();
    await expect.poll(rows).toEqual(['C1', 'C2']);
    await page.getByTestId('sort-label').click();
    await expect.poll(rows).toEqual(['C1', 'C2']);
    await page.getByTestId('sort-label').click(); // again: the other way round
    await expect.poll(rows).toEqual(['C2', 'C1']);
    await page.getByTestId('sort-time').click();
    await page.getByTestId('queue').locator('tbody tr').first().click();
    await page.getByTestId('decide-accept').click();
    await expect.poll(count).toMatch(/^1 of 2 unreviewed/);
    await page.getByTestId('filter-status').selectOption('pending');
    await expect.poll(rows).toEqual(['C2']);
    expect(await count()).toBe('1 of 2 unreviewed · 1 shown');
    const highest = Math.max(...spot.candidates.map((c) => c.score));
    await page.getByTestId('filter-status').selectOption('all');
    await page.getByTestId('filter-min-score').fill(String(Math.ceil(highest * 100) / 100 + 0.01));
    await expect.poll(rows).toEqual([]);
    await page.getByTestId('queue-filter-clear').click();
    await expect.poll(rows).toEqual(['C1', 'C2']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the magnifier', () => {
  it('shows the decoded frame’s own pixels, each repeated (nearest neighbour), at the zoom chosen', async () => {
    const { page, errors } = await newPage();
    await callApi(page, 'spot.run', { id }); // analyses the recording if no test before did: the face box comes from it
    await openReview(page, server.origin, id, 'Pixel Analyst');
    await goTo(page, '120');
    await waitDisplayed(page, 120);
    const compare = () =>
      page.evaluate(() => {
        const mag = document.querySelector('[data-testid="magnifier"]') as HTMLCanvasElement;
        if (!mag.dataset.crop) return { zoom: 0, differing: -1, crop: '' };
        const player = document.querySelector('[data-testid="player-canvas"]') as HTMLCanvasElement;
        const [x, y, w, h, zoom] = (mag.dataset.crop ?? '').split(',').map(Number) as [number, number, number, number, number];
        const src = player.getContext('2d')!.getImageData(x, y, w, h).data;
        const out = mag.getContext('2d')!.getImageData(0, 0, mag.width, mag.height).data;
        let differing = 0;
        for (let j = 0; j < mag.height; j++)
          for (let i = 0; i < mag.width; i++) {
            const sx = Math.floor(i / zoom);
            const sy = Math.floor(j / zoom);
            const o = (j * mag.width + i) * 4;
            const s = (sy * w + sx) * 4;
            const inside = sx < w && sy < h;
            for (let c = 0; c < 3; c++) if (out[o + c] !== (inside ? src[s + c] : 0)) differing++;
          }
        return { zoom, differing, crop: mag.dataset.crop };
      });
    await expect.poll(async () => (await compare()).crop).not.toBe('');
    const fit = await compare();
    expect(fit.zoom).toBeGreaterThanOrEqual(1);
    expect(fit.differing).toBe(0);
    await page.getByTestId('magnifier-zoom').selectOption('6');
    await expect.poll(async () => (await compare()).zoom).toBe(6);
    expect((await compare()).differing).toBe(0);
    expect(await page.locator('.magnifier figcaption').textContent()).toContain('Face ×6, pixels repeated');
    await page.screenshot({ path: path.join(artifactsDir, 'review-magnifier-x6.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the curves', () => {
  it('read out each shown curve’s stored value at the cursor and under the pointer', async () => {
    const { page, errors } = await newPage();
    await callApi(page, 'spot.run', { id });
    await openReview(page, server.origin, id, 'Curve Analyst');
    await goTo(page, '200');
    await waitDisplayed(page, 200);
    const stored = await callApi<{ columns: string[]; values: (number | null)[] }>(page, 'analysis.frames', { id, from: 200, count: 1 });
    const enjoyment = stored.values[stored.columns.indexOf('enjoyment')]!;
    const cursor = page.getByTestId('readout-cursor');
    await expect.poll(() => cursor.textContent()).toContain('Cursor, frame 200:');
    expect(await cursor.locator('[data-curve="enjoyment"]').textContent()).toBe(` enjoyment ${enjoyment.toFixed(2)}`);
    // An action unit switched on is read out too, signed, in inter-ocular distances.
    await page.getByLabel('AU01_02').check();
    await expect.poll(() => cursor.locator('[data-curve="au01_02"]').textContent()).toMatch(/^ AU01_02 [+−]\d\.\d{3}$/);
    // Under the pointer: the strip's frame there.
    const strip = page.getByTestId('timeline-strip');
    const box = (await strip.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('readout-pointer').textContent()).toMatch(/^Pointer, frame \d+: /);
    const hovered = Number(/frame (\d+)/.exec((await page.getByTestId('readout-pointer').textContent())!)![1]);
    const range = /^Frames (\d+)–(\d+)/.exec((await page.getByTestId('strip-range').textContent())!)!;
    expect(hovered).toBeGreaterThanOrEqual(Number(range[1]));
    expect(hovered).toBeLessThanOrEqual(Number(range[2]));
    await page.mouse.move(5, 5);
    await expect.poll(() => page.getByTestId('readout-pointer').count()).toBe(0);
    await page.screenshot({ path: path.join(artifactsDir, 'review-curves.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the filmstrip', () => {
  it('shows the selected item’s face from onset to offset, decoded from the original, and a click shows that frame', async () => {
    const { page, errors } = await newPage();
    const spot = await callApi<{ candidates: { onsetFrame: number; apexFrame: number; offsetFrame: number }[] }>(page, 'spot.run', { id });
    await openReview(page, server.origin, id, 'Strip Analyst');
    const c = spot.candidates[0]!;
    await page.getByTestId('queue').locator('tbody tr').first().click();
    const strip = page.getByTestId('filmstrip');
    await expect
      .poll(() => strip.locator('.filmstrip-cell').count(), { timeout: 30_000 })
      .toBe(Math.min(16, c.offsetFrame - c.onsetFrame + 1));
    const frames = await strip.locator('.filmstrip-cell').evaluateAll((cells) => cells.map((b) => Number(b.getAttribute('data-frame'))));
    expect(frames[0]).toBe(c.onsetFrame);
    expect(frames.at(-1)).toBe(c.offsetFrame);
    expect(frames).toContain(c.apexFrame);
    expect(await strip.locator('.filmstrip-cell.apex').getAttribute('data-frame')).toBe(String(c.apexFrame));
    expect(await strip.locator('img').count()).toBe(frames.length); // every cell decoded
    await strip.locator(`.filmstrip-cell[data-frame="${c.apexFrame}"]`).click();
    await waitDisplayed(page, c.apexFrame);
    await expect.poll(() => strip.locator('.filmstrip-cell.current').getAttribute('data-frame')).toBe(String(c.apexFrame));
    expect(await strip.locator('figcaption').textContent()).toContain('from the original');
    await page.screenshot({ path: path.join(artifactsDir, 'review-filmstrip.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
