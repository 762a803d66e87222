import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The app's data folder: the SQLite case store, proxies, caches and frame grabs
 * live here, never beside the evidence. Follows each platform's convention so
 * IT departments find it where they expect.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MICROMOMENT_DATA_DIR) return path.resolve(env.MICROMOMENT_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Micromoment');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Micromoment');
    default:
      return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'micromoment');
  }
}

/** The case database: `--db` beats MICROMOMENT_DB beats the embedded default. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.MICROMOMENT_DB) return path.resolve(env.MICROMOMENT_DB);
  return path.join(dataDir(env), 'case.sqlite');
}

/** The repository (or installed package) root: the folder holding our package.json. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'micromoment') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the micromoment package root');
    dir = parent;
  }
}

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Who is acting, for the audit log: an explicit name, MICROMOMENT_ANALYST, or the OS user. */
export function resolveAnalyst(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit && explicit.trim()) return explicit.trim();
  if (env.MICROMOMENT_ANALYST && env.MICROMOMENT_ANALYST.trim()) return env.MICROMOMENT_ANALYST.trim();
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
