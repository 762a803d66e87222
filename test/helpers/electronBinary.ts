import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary to run the desktop app with, or why there is none. The
 * npm package `electron` fetches its binary at install time, which an offline
 * install skips (ELECTRON_SKIP_BINARY_DOWNLOAD=1); ELECTRON_OVERRIDE_DIST_PATH
 * (honoured by the package) or MICROMOMENT_ELECTRON point at one installed otherwise.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): { path: string } | { reason: string } {
  if (env.MICROMOMENT_ELECTRON) {
    return fs.existsSync(env.MICROMOMENT_ELECTRON)
      ? { path: env.MICROMOMENT_ELECTRON }
      : { reason: `MICROMOMENT_ELECTRON=${env.MICROMOMENT_ELECTRON} does not exist` };
  }
  let binary: string;
  try {
    binary = createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    return {
      reason:
        `no Electron binary is installed (the electron package says: "${(error as Error).message}"; ` +
        `installs here skip its download with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and have no network to fetch it). ` +
        `Set ELECTRON_OVERRIDE_DIST_PATH or MICROMOMENT_ELECTRON to run this test`,
    };
  }
  return fs.existsSync(binary) ? { path: binary } : { reason: `the electron package points at ${binary}, which does not exist` };
}

/** Electron on Linux needs a display server; CI without one can run the test under xvfb-run. */
export function missingDisplay(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (process.platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return 'no display (DISPLAY and WAYLAND_DISPLAY are unset): run the tests under xvfb-run to include this one';
}
