import fs from 'node:fs';
import os from 'node:os';
import { ApiError } from '../../src-shared/api/apiError.js';
import type { AppContext } from '../app/context.js';
import { dataDir as defaultDataDir } from '../config/paths.js';
import { passthroughFrameArgs } from '../media/ffmpegCapabilities.js';
import type { LocatedTool } from '../media/ffmpegLocator.js';
import { sha256File } from '../media/hashFile.js';
import { hasEncoder } from './proxyCapabilities.js';
import { decideProxy } from './proxyDecision.js';
import { PROXY_PARAMS, proxyEncodeArgs } from './proxyEncodeArgs.js';
import { runProxyEncode } from './proxyEncoder.js';
import type { ProxyTimeMap } from '../../src-shared/domain/proxy.js';
import { proxyTimeMapFor } from './proxyTimeMap.js';
import { verifyProxy } from './proxyVerify.js';
import { appendAudit } from '../store/auditLog.js';
import { stateRef } from '../store/sealedState.js';
import { insertProxy, latestReadyProxy, markProxyFailed, markProxyReady } from '../store/proxiesRepo.js';
import { getFrameTable, getRecording, listLocations } from '../store/recordingsRepo.js';
import { proxyFolder, proxyRelPath, proxyTempPath, resolveProxyPath } from './proxyFiles.js';

export interface MakeProxyOptions {
  /** Make one even where the original plays well, or make it again. */
  force?: boolean;
  signal?: AbortSignal;
  /** The app's data folder (default: config/paths.ts dataDir()). */
  dataDir?: string;
}

export type ProxyOutcome =
  | { status: 'not-needed'; recordingId: number }
  | {
      status: 'ready';
      recordingId: number;
      proxyId: number;
      relPath: string;
      sha256: string;
      sizeBytes: number;
      reused: boolean;
      frames: number;
      encodeMs: number;
      totalMs: number;
    }
  | { status: 'failed'; recordingId: number; proxyId: number; error: string };

/** A reason the attempt stops, phrased for the analyst. */
class ProxyFailure extends Error {}

/** Marks an attempt the app itself stopped (closing, cancelled): worth trying again at the next start. */
export const INTERRUPTED_PREFIX = 'interrupted: ';

/**
 * Makes, verifies and registers the review proxy of an imported recording.
 * The original is only read. The proxy is written under a temporary name in
 * the data folder and renamed into place only after (1) the original is found
 * unchanged (same size and mtime as before, same SHA-256 as imported) and
 * (2) the proxy's own frame table, made by the project's indexer, equals the
 * original's mapped exactly. Any failure deletes the work file and records the
 * attempt as failed with its reason (one transaction plus an audit entry, as
 * every change); the original keeps being served.
 */
export async function makeProxy(ctx: AppContext, recordingId: number, options: MakeProxyOptions = {}): Promise<ProxyOutcome> {
  const recording = getRecording(ctx.db, recordingId);
  const table = getFrameTable(ctx.db, recordingId);
  if (!recording || !table) throw new ApiError('not-found', `No recording with id ${recordingId} in this case.`);
  const dataDir = options.dataDir ?? defaultDataDir();
  const decision = decideProxy({ probe: recording.probe, table });

  const current = latestReadyProxy(ctx.db, recordingId);
  if (current?.relPath && !options.force) {
    const file = resolveProxyPath(dataDir, current.relPath);
    if (file && sizeOf(file) === current.sizeBytes) {
      return {
        status: 'ready',
        recordingId,
        proxyId: current.id,
        relPath: current.relPath,
        sha256: current.sha256!,
        sizeBytes: current.sizeBytes!,
        reused: true,
        frames: recording.frames,
        encodeMs: 0,
        totalMs: 0,
      };
    }
  }
  if (!decision.needed && !options.force) return { status: 'not-needed', recordingId };

  const started = performance.now();
  const ffmpeg = safeTool(ctx);
  const withAudio = recording.probe.audioStreams.length > 0;
  const passthroughArgs = ffmpeg ? passthroughFrameArgs(ffmpeg.path) : [];
  let map: ProxyTimeMap | null = null;
  let mapError: string | null = null;
  try {
    map = proxyTimeMapFor(table);
  } catch (err) {
    mapError = (err as Error).message;
  }
  const params = { ...PROXY_PARAMS, withAudio, passthroughArgs };
  const proxyId = ctx.db.transaction(() => {
    const id = insertProxy(ctx.db, {
      recordingId,
      reasons: decision.reasons,
      forced: Boolean(options.force),
      timeMap: map,
      ffmpeg: ffmpeg
        ? { path: ffmpeg.path, version: ffmpeg.version, source: ffmpeg.source }
        : { path: '', version: 'none found', source: 'none' },
      params,
      ownerPid: process.pid,
      ownerHost: os.hostname(),
      startedBy: ctx.analyst,
    });
    appendAudit(ctx.db, {
      actor: ctx.analyst,
      action: 'proxy.started',
      target: `recording:${recordingId}`,
      after: { proxyId: id, reasons: decision.reasons.map((r) => r.code), forced: Boolean(options.force), ffmpeg: ffmpeg?.version ?? null },
      state: [stateRef.proxy(id)],
    });
    return id;
  })();
  ctx.emit('proxy.state', { recordingId, status: 'making', error: null });

  let temp: string | null = null;
  try {
    if (!ffmpeg) throw new ProxyFailure('no ffmpeg found: reinstall Micromoment, install ffmpeg, or set MICROMOMENT_FFMPEG');
    if (!map) throw new ProxyFailure(`its timestamps cannot be carried into an MP4 exactly (${mapError})`);
    if (!(await hasEncoder(ffmpeg.path, PROXY_PARAMS.videoCodec))) {
      throw new ProxyFailure(
        `the ffmpeg in use (${ffmpeg.path}, ${ffmpeg.version}) has no libx264 encoder: install an ffmpeg with libx264 or set MICROMOMENT_FFMPEG to one`,
      );
    }
    const original = presentOriginal(ctx, recordingId, recording.sizeBytes);
    fs.mkdirSync(proxyFolder(dataDir), { recursive: true });
    temp = proxyTempPath(dataDir, recording.sha256);

    const encodeStart = performance.now();
    await runProxyEncode(
      ffmpeg.path,
      proxyEncodeArgs({
        input: original.path,
        output: temp,
        map,
        width: recording.probe.width,
        height: recording.probe.height,
        withAudio,
        passthroughArgs,
      }),
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onFrames: (done) => ctx.emit('proxy.progress', { recordingId, phase: 'encoding', done, total: recording.frames }),
      },
    );
    const encodeMs = performance.now() - encodeStart;

    await checkOriginalUnchanged(ctx, recordingId, original, recording.sha256);
    const verification = await verifyProxy(
      temp,
      { timeBase: table.timeBase, ptsTicks: table.ptsTicks, width: recording.probe.width, height: recording.probe.height },
      map,
      ctx.ffprobeCandidates(),
      (done) => ctx.emit('proxy.progress', { recordingId, phase: 'verifying', done, total: recording.frames }),
    );
    if (!verification.ok) throw new ProxyFailure(`verification failed: ${verification.reason}`);
    if (options.signal?.aborted) throw new ProxyFailure(`${INTERRUPTED_PREFIX}stopped before it was registered`);

    const sha256 = await sha256File(temp);
    const sizeBytes = fs.statSync(temp).size;
    const relPath = proxyRelPath(recording.sha256, sha256);
    const final = resolveProxyPath(dataDir, relPath)!;
    // Same name means same bytes (content-addressed): replacing is harmless, and atomic.
    fs.renameSync(temp, final);
    temp = null;
    ctx.db.transaction(() => {
      markProxyReady(ctx.db, proxyId, { relPath, sha256, sizeBytes });
      appendAudit(ctx.db, {
        actor: ctx.analyst,
        action: 'proxy.made',
        target: `recording:${recordingId}`,
        after: {
          proxyId,
          relPath,
          sha256,
          sizeBytes,
          frames: verification.frames,
          frameTable: 'identical',
          timeMap: map,
          ffmpeg: { path: ffmpeg.path, version: ffmpeg.version },
          paramsVersion: PROXY_PARAMS.version,
        },
        state: [stateRef.proxy(proxyId)],
      });
    })();
    ctx.emit('proxy.state', { recordingId, status: 'ready', error: null });
    return {
      status: 'ready',
      recordingId,
      proxyId,
      relPath,
      sha256,
      sizeBytes,
      reused: false,
      frames: verification.frames,
      encodeMs,
      totalMs: performance.now() - started,
    };
  } catch (err) {
    if (temp) fs.rmSync(temp, { force: true });
    const error = describeFailure(err, options.signal);
    try {
      ctx.db.transaction(() => {
        markProxyFailed(ctx.db, proxyId, error);
        appendAudit(ctx.db, {
          actor: ctx.analyst,
          action: 'proxy.failed',
          target: `recording:${recordingId}`,
          after: { proxyId, error },
          state: [stateRef.proxy(proxyId)],
        });
      })();
    } catch {
      // The store closed under us (the app is quitting): the row stays 'making' and the next start marks it interrupted.
    }
    ctx.emit('proxy.state', { recordingId, status: 'failed', error });
    return { status: 'failed', recordingId, proxyId, error };
  }
}

function describeFailure(err: unknown, signal: AbortSignal | undefined): string {
  const message = err instanceof Error ? err.message : String(err);
  if (signal?.aborted && !message.startsWith(INTERRUPTED_PREFIX)) return `${INTERRUPTED_PREFIX}${message}`;
  return message;
}

function safeTool(ctx: AppContext): LocatedTool | null {
  try {
    return ctx.tools().ffmpeg;
  } catch {
    return null;
  }
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

interface OriginalFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A known location of the original that still has the imported size. */
function presentOriginal(ctx: AppContext, recordingId: number, sizeBytes: number): OriginalFile {
  for (const location of listLocations(ctx.db, recordingId)) {
    try {
      const stat = fs.statSync(location.path);
      if (stat.isFile() && stat.size === sizeBytes) return { path: location.path, size: stat.size, mtimeMs: stat.mtimeMs };
    } catch {
      // Not here: try the next known location.
    }
  }
  throw new ProxyFailure(
    'the original is not at any of its known locations (or its size changed): reconnect the evidence drive or import the file again',
  );
}

/**
 * The proxy must be made of the evidence's bytes: the file must still be there
 * with the size and mtime it had when encoding started, and hash to the SHA-256
 * recorded at import.
 */
async function checkOriginalUnchanged(ctx: AppContext, recordingId: number, original: OriginalFile, sha256: string): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(original.path);
  } catch {
    throw new ProxyFailure('the original disappeared while the proxy was being made: reconnect the evidence drive and try again');
  }
  if (stat.size !== original.size || stat.mtimeMs !== original.mtimeMs) {
    throw new ProxyFailure(
      'the original changed while the proxy was being made (size or modification time differ): run micromoment verify',
    );
  }
  const actual = await sha256File(original.path, (done) =>
    ctx.emit('proxy.progress', { recordingId, phase: 'checking-original', done, total: original.size }),
  );
  if (actual !== sha256)
    throw new ProxyFailure(
      `the original's bytes no longer match the imported ones (SHA-256 ${actual.slice(0, 12)}…): run micromoment verify`,
    );
}
