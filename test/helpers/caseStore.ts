import path from 'node:path';
import { createContext, type AppContext } from '../../src-main/app/context.js';
import { tempDir } from './paths.js';

/** A real case database in a fresh temporary folder. */
export function tempCase(analyst = 'test-analyst'): AppContext & { dir: string } {
  const dir = tempDir('mm-case-');
  const ctx = createContext({ dbPath: path.join(dir, 'case.sqlite'), analyst });
  return Object.assign(ctx, { dir });
}

/** Every row of every table, for proving a failed operation changed nothing. */
export function dumpStore(ctx: AppContext): Record<string, unknown[]> {
  const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, ctx.db.prepare(`SELECT * FROM "${name}"`).all()]));
}
