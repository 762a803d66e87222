import type Database from 'better-sqlite3';
import { m001Initial } from './001-initial.js';
import { m002Analyses } from './002-analyses.js';
import { m003Spotting } from './003-spotting.js';
import { m006Proxies } from './006-proxies.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Numbers 4 and 5 belong to work on other branches (annotations, batch scan).
 * Until those are merged here they are empty placeholders, so the numbering has
 * no gap; the merge replaces them with the real ones. Never ship a placeholder.
 */
const reservedUntilMerge = (version: number, name: string): Migration => ({ version, name: `reserved: ${name}`, up() {} });

/** Every schema change, in order. Never edit a released migration: add the next one. */
export const migrations: readonly Migration[] = [
  m001Initial, m002Analyses, m003Spotting,
  reservedUntilMerge(4, 'annotations'), reservedUntilMerge(5, 'batch scan'),
  m006Proxies,
];
