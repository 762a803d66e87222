// The set-up the end-to-end tests of the window share: the barcoded fixtures, a
// working folder, `micromoment serve` on a case file in it (as the E2E analyst)
// and Debian's Chromium, started before a file's tests and stopped after them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { launchChromium } from './browser.js';
import { startServe, type ServeProcess } from './serveProcess.js';
import { artifactsDir, tempDir } from './paths.js';

export interface ServeWithChromium {
  /** The test file's own working folder (the case file is `case.sqlite` in it). */
  readonly work: string;
  readonly fixtures: Record<FixtureName, FixtureInfo>;
  readonly server: ServeProcess;
  readonly browser: Browser;
}

export interface ServeWithChromiumOptions {
  /** Puts the test's files in place before the server starts. */
  prepare?: (work: string, fixtures: Record<FixtureName, FixtureInfo>) => void;
  /** Environment for the server besides the analyst's name. */
  env?: (work: string) => NodeJS.ProcessEnv;
}

/** Registers beforeAll/afterAll; the returned object's fields are set once beforeAll has run. */
export function serveWithChromium(prefix: string, options: ServeWithChromiumOptions = {}): ServeWithChromium {
  const work = tempDir(prefix);
  const session = { work } as { work: string; fixtures: Record<FixtureName, FixtureInfo>; server: ServeProcess; browser: Browser };
  beforeAll(async () => {
    session.fixtures = await ensureFixtures();
    options.prepare?.(work, session.fixtures);
    session.server = await startServe(['--db', path.join(work, 'case.sqlite')], {
      MICROMOMENT_ANALYST: 'E2E Analyst',
      ...options.env?.(work),
    });
    session.browser = await launchChromium();
    fs.mkdirSync(artifactsDir, { recursive: true });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
