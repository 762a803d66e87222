import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './paths.js';

/**
 * The compiled file of a worker thread's script. Next to the caller when it
 * runs from dist/; when it runs from TypeScript source (the tests), the same
 * script under dist/src-main, since a worker thread cannot load .ts.
 * `fromSrcMain` is the script's path under src-main, with a .js extension.
 */
export function workerScriptPath(callerUrl: string, fromSrcMain: string, missing: (built: string) => Error): string {
  const beside = fileURLToPath(new URL(`./${path.basename(fromSrcMain)}`, callerUrl));
  if (fs.existsSync(beside)) return beside;
  const built = path.join(packageRoot(), 'dist', 'src-main', ...fromSrcMain.split('/'));
  if (fs.existsSync(built)) return built;
  throw missing(built);
}
