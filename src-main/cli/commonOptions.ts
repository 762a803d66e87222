import type { Command } from 'commander';
import { createContext, type AppContext, type EmitEvent } from '../app/context.js';
import { resolveAnalyst, resolveDbPath } from '../config/paths.js';
import { pathArgument } from './pathArguments.js';

export interface CommonOptions {
  db?: string;
  analyst?: string;
}

/** Options every command that touches a case takes. */
export function withCaseOptions(cmd: Command): Command {
  return cmd
    .option(
      '--db <path>',
      'case database (default: MICROMOMENT_DB, else case.sqlite in the data folder)',
      pathArgument(cmd.name(), '--db', 'name the case database, or leave --db out for MICROMOMENT_DB or the default case'),
    )
    .option('--analyst <name>', 'who is acting, for the audit log (default: MICROMOMENT_ANALYST, else the OS user)');
}

export function contextFrom(options: CommonOptions, emit?: EmitEvent): AppContext {
  return createContext({ dbPath: resolveDbPath(options.db), analyst: resolveAnalyst(options.analyst), ...(emit ? { emit } : {}) });
}
