// Attack, in a real browser: reads from another site on the same machine. With
// the window open (so the browser holds the host's cookie), a page from another
// port of 127.0.0.1 in the same browser tries to get at what the window sees:
// the API token (fetching the window's page, framing it, opening it in a popup
// and reaching into it), the event stream (an EventSource with credentials),
// and the evidence itself (<video> and <img> pointed at the media URL).
//
// Promise: the other page learns nothing. The host refuses each of these
// requests with 403 although the cookie goes along (a popup of the window is a
// top-level page load and is served, in a tab the other page cannot reach
// into), and whatever the page gets back holds no token and no media.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { recordNetwork } from '../helpers/networkLog.js';
import { startOtherSite, type OtherSite } from '../helpers/otherSite.js';
import { realMediaDir } from '../helpers/paths.js';
import { serveNewCase, type ServedCase } from '../helpers/serveCase.js';

let app: ServedCase;
let other: OtherSite;
let browser: Browser;
let context: BrowserContext;
let recordingId: number;

beforeAll(async () => {
  app = await serveNewCase('mm-cross-site-reads-');
  const [imported] = await app.call<{ id: number; status: string }[]>('library.import', {
    paths: [path.join(realMediaDir, 'cap13_edit2.mp4')],
  });
  recordingId = imported!.id;
  other = await startOtherSite();
  browser = await launchChromium();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await other?.close();
  await app?.server.stop();
});

describe("another site's page in the analyst's browser", () => {
  it('cannot read the token, the event stream or the media', async () => {
    const analystWindow = await context.newPage();
    await analystWindow.goto(app.server.url);
    await expect.poll(() => analystWindow.getByTestId('recordings').textContent(), { timeout: 30_000 }).toContain('cap13_edit2.mp4');

    const attacker = await context.newPage();
    const network = await recordNetwork(attacker);
    await attacker.goto(`${other.origin}/`);
    const origin = app.server.origin;
    const media = `${origin}/media/original/${recordingId}`;

    const got = await attacker.evaluate(
      async ({ origin, media }) => {
        const settle = (el: HTMLMediaElement | HTMLImageElement) =>
          new Promise<string>((resolve) => {
            el.addEventListener('error', () => resolve('error'));
            el.addEventListener(el instanceof HTMLImageElement ? 'load' : 'loadedmetadata', () => resolve('loaded'));
            setTimeout(() => resolve('timeout'), 5000);
          });
        const attempt = async (read: () => Promise<string>) => {
          try {
            return await read();
          } catch (e) {
            return `threw ${(e as Error).name}`;
          }
        };
        const page = await attempt(async () => (await fetch(`${origin}/`, { credentials: 'include' })).text());
        const pageNoCors = await attempt(async () => (await fetch(`${origin}/`, { mode: 'no-cors', credentials: 'include' })).text());
        const events = await new Promise<string>((resolve) => {
          const source = new EventSource(`${origin}/api/events`, { withCredentials: true });
          source.onopen = () => {
            source.close();
            resolve('open');
          };
          source.onerror = () => {
            source.close();
            resolve('error');
          };
        });
        const video = document.createElement('video');
        video.src = media;
        const videoResult = await settle(video);
        const img = document.createElement('img');
        img.src = media;
        const imgResult = await settle(img);
        const frame = document.createElement('iframe');
        frame.src = `${origin}/`;
        document.body.append(frame);
        await new Promise((resolve) => {
          frame.onload = resolve;
          setTimeout(resolve, 5000);
        });
        const framed = await attempt(async () => frame.contentDocument?.documentElement.outerHTML ?? 'no document');
        const popup = window.open(`${origin}/`);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const popped = await attempt(async () => popup?.document.documentElement.outerHTML ?? 'no window');
        return { page, pageNoCors, events, video: videoResult, img: imgResult, framed, popped };
      },
      { origin, media },
    );

    // Nothing came back that the page could read.
    expect(got).toEqual({
      page: 'threw TypeError',
      pageNoCors: expect.stringMatching(/^(|threw TypeError)$/),
      events: 'error',
      video: 'error',
      img: 'error',
      framed: expect.stringMatching(/^(no document|threw SecurityError)$/),
      popped: expect.stringMatching(/^(no window|threw SecurityError)$/),
    });
    expect(JSON.stringify(got)).not.toContain(app.token);

    // And the host refused each request although the cookie went along: the page twice (fetch,
    // no-cors fetch) and its frame, the event stream, the media for <video> and <img>.
    const expected: [string, number][] = [
      [`${origin}/`, 3],
      [`${origin}/api/events`, 1],
      [media, 2],
    ];
    const answered = (url: string) => network.to(url).filter((r) => r.url === url && r.status !== 0);
    for (const [url, count] of expected) {
      await expect.poll(() => answered(url).length, { message: url }).toBeGreaterThanOrEqual(count);
      for (const r of answered(url)) {
        expect(r.cookie, url).toMatch(/mm_token_\d+=/);
        expect(r.status, url).toBe(403);
      }
    }
  });
});
