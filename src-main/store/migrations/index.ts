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
 * Every schema change, in order. Never edit a released migration: add the next one.
 * Numbers were handed out to parallel work before it merged; 5 (batch scan) needed no
 * schema change, so there is no 5 (the runner applies whatever is above the case's version).
 */
export const migrations: readonly Migration[] = [
  m001Initial, m002Analyses, m003Spotting,
  m006Proxies,
];
