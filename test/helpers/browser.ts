import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// playwright-core gives each launch a fresh temporary profile (it refuses --user-data-dir).
/** Debian's Chromium (installed by .ci/run), driven by playwright-core: never a downloaded browser. */
export const CHROMIUM_PATH = process.env.MICROMOMENT_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) or set MICROMOMENT_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
