import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startServe, type ServeProcess } from '../helpers/serveProcess.js';
import { artifactsDir, cliBin, tempDir } from '../helpers/paths.js';

export interface ClipSession {
  server: ServeProcess;
  browser: Browser;
  /** The recording's id in the case. */
  id: number;
  stop(): Promise<void>;
}

/** A fresh case with one real clip imported by the CLI, served by `micromoment serve`, and Debian's Chromium. */
export async function startClipSession(clip: string): Promise<ClipSession> {
  const dir = tempDir();
  const db = path.join(dir, 'case.sqlite');
  const out = JSON.parse(execFileSync(process.execPath, [cliBin, 'import', '--db', db, '--json', clip], { encoding: 'utf8' })) as {
    recordings: { id: number }[];
  };
  const server = await startServe(['--db', db], { MICROMOMENT_DATA_DIR: path.join(dir, 'data') });
  const browser = await launchChromium();
  fs.mkdirSync(artifactsDir, { recursive: true });
  return {
    server,
    browser,
    id: out.recordings[0]!.id,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}
