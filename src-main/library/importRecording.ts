import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../src-shared/domain/recording.js';
import { frameCount, isVariableFrameRate, nominalFrameRate, elapsedSeconds, frameDurationSeconds } from '../../src-shared/time/index.js';
import type { AppContext } from '../app/context.js';
import { sha256File } from '../media/hashFile.js';
import { probeAndIndex } from '../media/probeAndIndex.js';
import { appendAudit } from '../store/auditLog.js';
import { addLocation, findRecordingIdBySha, insertFrameTable, insertRecording } from '../store/recordingsRepo.js';
import { describeImportError, ImportError } from './importErrors.js';

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
  const seenAt = new Date().toISOString();
  const existing = findRecordingIdBySha(ctx.db, sha256);
  if (existing !== undefined) {
    ctx.db.transaction(() => {
      const added = addLocation(ctx.db, existing, { path: file, sizeBytes: before.size, mtimeMs: before.mtimeMs, seenAt });
      if (added) appendAudit(ctx.db, { actor: ctx.analyst, action: 'recording.location-added', target: `recording:${existing}`, after: { path: file, sha256 } });
    })();
    return { ...summaryOf(ctx, existing), path: file, status: 'exists' };
  }

  progress('probing', 0, 1);
  const { probe, index, ffprobe, fallback } = await probeAndIndex(file, (n, expected) => progress('indexing', n, expected), ctx.ffprobeCandidates());
  const { videoStreamIndex: _stream, ...probeFacts } = probe;

  // The bytes we hashed must be the bytes we indexed: refuse a file that changed meanwhile.
  const after = statEvidence(file);
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    throw new ImportError('changed while it was being imported (size or modification time differ): import it again once it is complete');
  }

  const table = { timeBase: index.timeBase, ptsTicks: index.ptsTicks };
  const frames = frameCount(table);
  const last = frames - 1;
  const durationS = elapsedSeconds(table, last) + frameDurationSeconds(table, last);
  // A one-frame recording has no frame rate; 0 says so without inventing one.
  const fps = nominalFrameRate(table) ?? 0;
  const vfr = isVariableFrameRate(table);
  progress('storing', 0, 1);
  const id = ctx.db.transaction(() => {
    const newId = insertRecording(ctx.db, {
      sha256, sizeBytes: before.size, path: file, frames, fps, durationS, vfr, probe: probeFacts, importedAt: seenAt, importedBy: ctx.analyst,
    });
    addLocation(ctx.db, newId, { path: file, sizeBytes: before.size, mtimeMs: before.mtimeMs, seenAt });
    insertFrameTable(ctx.db, newId, index);
    appendAudit(ctx.db, {
      actor: ctx.analyst, action: 'recording.imported', target: `recording:${newId}`,
      after: { path: file, sha256, sizeBytes: before.size, frames, codec: probe.videoCodec, ffprobe: { path: ffprobe.path, version: ffprobe.version }, ...(fallback ? { ffprobeFallback: fallback } : {}) },
    });
    return newId;
  })();
  return { ...summaryOf(ctx, id), path: file, status: 'imported' };
}

function summaryOf(ctx: AppContext, id: number): Omit<ImportResult, 'path' | 'status'> {
  const row = ctx.db.prepare('SELECT sha256, frames, fps, duration_s, vfr, probe_json FROM recordings WHERE id = ?').get(id) as
    { sha256: string; frames: number; fps: number; duration_s: number; vfr: number; probe_json: string };
  const probe = JSON.parse(row.probe_json) as { width: number; height: number; videoCodec: string };
  return { id, sha256: row.sha256, frames: row.frames, fps: row.fps, durationS: row.duration_s, width: probe.width, height: probe.height, codec: probe.videoCodec, vfr: row.vfr === 1 };
}

/** Checks the path names a readable, non-empty regular file, and returns its size and mtime. */
function statEvidence(file: string): { size: number; mtimeMs: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw ImportError.fromFs(err);
  }
  if (stat.isDirectory()) throw new ImportError('is a folder: pass the files in it, or scan the folder with `micromoment scan`');
  if (!stat.isFile()) throw new ImportError('is not a regular file (a device, pipe or socket): copy the recording to a file first');
  if (stat.size === 0) throw new ImportError('is empty (0 bytes): the copy of this recording is incomplete');
  try {
    fs.accessSync(file, fs.constants.R_OK);
    fs.closeSync(fs.openSync(file, 'r'));
  } catch (err) {
    throw ImportError.fromFs(err);
  }
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}
