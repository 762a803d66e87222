import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromWindow } from '../helpers/windowApi.js';

/** The review window of one recording, driven as an analyst would, with what the page exposes for checking. */
export interface Presentation {
  frame: number;
  at: number;
  playing: boolean;
  speed: number | 'frame';
}

export async function openReview(page: Page, origin: string, id: number, analyst: string | null = 'E2E Analyst'): Promise<void> {
  if (analyst) await page.evaluate((name) => localStorage.setItem('micromoment.analyst', name), analyst);
  await page.goto(`${origin}/#/review/${id}`);
  if (analyst) await waitDisplayed(page, 0);
}

/** Waits until the canvas shows `frame` (the player reports the frame it drew). */
export async function waitDisplayed(page: Page, frame: number, timeout = 20_000): Promise<void> {
  await expect
    .poll(() => page.getByTestId('player-canvas').getAttribute('data-displayed-frame'), { timeout, interval: 15 })
    .toBe(String(frame));
}

/** The frame number the readout shows. */
export async function readoutFrame(page: Page): Promise<number> {
  return Number(await page.getByTestId('readout-frame').textContent());
}

export async function presentations(page: Page): Promise<Presentation[]> {
  return page.evaluate(() =>
    (window as unknown as { micromomentPlayer: { log: Presentation[] } }).micromomentPlayer.log.map((p) => ({ ...p })),
  );
}

/** An API call from the page, as the window makes it. */
export function callApi<T>(page: Page, method: string, args: unknown): Promise<T> {
  return callFromWindow<T>(page, method, args);
}
