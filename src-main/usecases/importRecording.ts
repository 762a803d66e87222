import path from 'node:path';
import type { ImportResult } from '../../src-shared/domain/recording.js';
import type { AppContext } from '../app/context.js';
import { sha256File } from '../media/hashFile.js';
import { findRecordingIdBySha } from '../store/recordingsRepo.js';
import { describeImportError } from './importErrors.js';
import { commitImport, indexEvidence, recordingSummary, recordLocation, statEvidence } from './importSteps.js';

/**
 * Imports the given files one after another. A file that fails fails alone,
 * with a one-line reason; nothing of it reaches the store, and the others go on.
 */
export async function importRecordings(ctx: AppContext, paths: readonly string[]): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const p of paths) results.push(await importRecording(ctx, p));
  return results;
}

export async function importRecording(ctx: AppContext, givenPath: string): Promise<ImportResult> {
  const absolute = path.resolve(givenPath);
  try {
    return await importChecked(ctx, absolute);
  } catch (err) {
    return { path: absolute, status: 'failed', error: describeImportError(err) };
  }
}

async function importChecked(ctx: AppContext, file: string): Promise<ImportResult> {
  const before = statEvidence(file);
  const progress = (phase: 'hashing' | 'probing' | 'indexing' | 'storing', done: number, total: number) =>
    ctx.emit('import.progress', { path: file, phase, done, total });

  const sha256 = await sha256File(file, (bytes) => progress('hashing', bytes, before.size));
  const existing = findRecordingIdBySha(ctx.db, sha256);
  if (existing !== undefined) {
    recordLocation(ctx, existing, file, sha256, before);
    return { ...recordingSummary(ctx, existing), path: file, status: 'exists' };
  }

  progress('probing', 0, 1);
  const probed = await indexEvidence(file, before, (n, expected) => progress('indexing', n, expected), ctx.ffprobeCandidates());
  progress('storing', 0, 1);
  const { id, status } = commitImport(ctx, { file, sha256, evidence: before, probed });
  return { ...recordingSummary(ctx, id), path: file, status };
}
