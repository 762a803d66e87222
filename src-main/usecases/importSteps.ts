import fs from 'node:fs';
import type { ImportResult } from '../../src-shared/domain/recording.js';
import { frameCount, isVariableFrameRate, nominalFrameRate, elapsedSeconds, frameDurationSeconds } from '../../src-shared/time/index.js';
import type { AppContext } from '../app/context.js';
import type { LocatedTool } from '../media/ffmpegLocator.js';
import { probeAndIndex, type ProbedRecording } from '../media/probeAndIndex.js';
import type { StepControl } from '../media/stepControl.js';
import { appendAudit } from '../store/auditLog.js';
import { stateRef } from '../store/sealedState.js';
import { shortfallWarning } from '../../src-shared/domain/shortfall.js';
import { addLocation, findRecordingIdBySha, insertFrameTable, insertRecording } from '../store/recordingsRepo.js';
import { ImportError } from './importErrors.js';

/**
 * The steps of an import, apart so that the batch scan can run the slow ones
 * (hashing, probing, indexing) in a worker thread and the store's ones on the
 * one thread that writes: `importRecording` runs them in a row.
 */

/** Size and modification time of the original when it was first looked at. */
export interface EvidenceStat {
  size: number;
  mtimeMs: number;
}

/** Checks the path names a readable, non-empty regular file, and returns its size and mtime. */
export function statEvidence(file: string): EvidenceStat {
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

/**
 * Probes the file and decodes its frame table, then checks the file did not
 * change since `before` was taken: the bytes hashed must be the bytes indexed.
 */
export async function indexEvidence(
  file: string,
  before: EvidenceStat,
  onProgress: (frames: number, expected: number) => void,
  ffprobeCandidates: LocatedTool[],
  control: StepControl = {},
): Promise<ProbedRecording> {
  const probed = await probeAndIndex(file, onProgress, ffprobeCandidates, control);
  let after: fs.Stats;
  try {
    after = fs.statSync(file);
  } catch (err) {
    throw ImportError.fromFs(err);
  }
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    throw new ImportError('changed while it was being imported (size or modification time differ): import it again once it is complete');
  }
  return probed;
}

/** Records another path the known bytes were seen at (with its audit entry), if it is new. */
export function recordLocation(ctx: AppContext, recordingId: number, file: string, sha256: string, evidence: EvidenceStat): void {
  ctx.db
    .transaction(() => {
      const added = addLocation(ctx.db, recordingId, {
        path: file,
        sizeBytes: evidence.size,
        mtimeMs: evidence.mtimeMs,
        seenAt: new Date().toISOString(),
      });
      if (added)
        appendAudit(ctx.db, {
          actor: ctx.analyst,
          action: 'recording.location-added',
          target: `recording:${recordingId}`,
          after: { path: file, sha256 },
          state: [stateRef.location(recordingId, file)],
        });
    })
    .immediate();
}

/**
 * Stores the recording, its first location, its frame table and the audit
 * entry in one transaction. When the same bytes were stored meanwhile (another
 * process, or another path of the same scan), only the location is added.
 * IMMEDIATE: the write lock is taken before the audit chain's head is read, so
 * another connection cannot commit between the read and the write.
 */
export function commitImport(
  ctx: AppContext,
  input: { file: string; sha256: string; evidence: EvidenceStat; probed: ProbedRecording },
): { id: number; status: 'imported' | 'exists' } {
  const { file, sha256, evidence, probed } = input;
  const { probe, index, ffprobe, fallback } = probed;
  const { videoStreamIndex: _stream, ...probeFacts } = probe;
  const table = { timeBase: index.timeBase, ptsTicks: index.ptsTicks };
  const frames = frameCount(table);
  const last = frames - 1;
  const durationS = elapsedSeconds(table, last) + frameDurationSeconds(table, last);
  // A one-frame recording has no frame rate; 0 says so without inventing one.
  const fps = nominalFrameRate(table) ?? 0;
  const vfr = isVariableFrameRate(table);
  const seenAt = new Date().toISOString();
  return ctx.db
    .transaction(() => {
      const existing = findRecordingIdBySha(ctx.db, sha256);
      if (existing !== undefined) {
        const added = addLocation(ctx.db, existing, { path: file, sizeBytes: evidence.size, mtimeMs: evidence.mtimeMs, seenAt });
        if (added)
          appendAudit(ctx.db, {
            actor: ctx.analyst,
            action: 'recording.location-added',
            target: `recording:${existing}`,
            after: { path: file, sha256 },
            state: [stateRef.location(existing, file)],
          });
        return { id: existing, status: 'exists' as const };
      }
      const newId = insertRecording(ctx.db, {
        sha256,
        sizeBytes: evidence.size,
        path: file,
        frames,
        fps,
        durationS,
        vfr,
        probe: probeFacts,
        importedAt: seenAt,
        importedBy: ctx.analyst,
      });
      addLocation(ctx.db, newId, { path: file, sizeBytes: evidence.size, mtimeMs: evidence.mtimeMs, seenAt });
      insertFrameTable(ctx.db, newId, index);
      appendAudit(ctx.db, {
        actor: ctx.analyst,
        action: 'recording.imported',
        target: `recording:${newId}`,
        after: {
          path: file,
          sha256,
          sizeBytes: evidence.size,
          frames,
          codec: probe.videoCodec,
          ffprobe: { path: ffprobe.path, version: ffprobe.version },
          ...(fallback ? { ffprobeFallback: fallback } : {}),
        },
        state: [stateRef.recording(newId), stateRef.location(newId, file)],
      });
      return { id: newId, status: 'imported' as const };
    })
    .immediate();
}

/** What an import reports about a stored recording. */
export function recordingSummary(ctx: AppContext, id: number): Omit<ImportResult, 'path' | 'status'> {
  const row = ctx.db.prepare('SELECT sha256, frames, fps, duration_s, vfr, probe_json FROM recordings WHERE id = ?').get(id) as {
    sha256: string;
    frames: number;
    fps: number;
    duration_s: number;
    vfr: number;
    probe_json: string;
  };
  const probe = JSON.parse(row.probe_json) as { width: number; height: number; videoCodec: string; durationS?: number | null };
  const warning = shortfallWarning(probe.durationS ?? null, row.duration_s);
  return {
    id,
    sha256: row.sha256,
    frames: row.frames,
    fps: row.fps,
    durationS: row.duration_s,
    width: probe.width,
    height: probe.height,
    codec: probe.videoCodec,
    vfr: row.vfr === 1,
    ...(warning ? { warning } : {}),
  };
}
