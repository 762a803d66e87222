import type Database from 'better-sqlite3';
import { m001Initial } from './001-initial.js';
import { m002Analyses } from './002-analyses.js';
import { m003Spotting } from './003-spotting.js';
import { m004Annotations } from './004-annotations.js';
import { m005Proxies } from './005-proxies.js';
import { m006SealedState } from './006-sealed-state.js';
import { m007ScanLeasesAndResumePoints } from './007-scan-leases-and-resume-points.js';
import { m008CaseDetails } from './008-case-details.js';
import { m009CodingPasses } from './009-coding-passes.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Every schema change, in order, numbered without gaps. Never edit a released
 * migration: add the next one.
 */
export const migrations: readonly Migration[] = [
  m001Initial,
  m002Analyses,
  m003Spotting,
  m004Annotations,
  m005Proxies,
  m006SealedState,
  m007ScanLeasesAndResumePoints,
  m008CaseDetails,
  m009CodingPasses,
];
