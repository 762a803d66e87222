import fs from 'node:fs';
import type { Recording } from '../../src-shared/domain/recording.js';
import type { Playback, ProxyInfo } from '../../src-shared/domain/proxy.js';
import type { MethodResult } from '../../src-shared/api/contract.js';
import { ptsSeconds } from '../../src-shared/time/index.js';
import type { AppContext } from '../app/context.js';
import { dataDir as defaultDataDir } from '../config/paths.js';
import { contentTypeForContainer } from '../media/mediaHandler.js';
import { decideProxy } from './proxyDecision.js';
import { latestProxy, latestReadyProxy, type ProxyRow } from '../store/proxiesRepo.js';
import { getFrameTable } from '../store/recordingsRepo.js';
import { resolveProxyPath } from './proxyFiles.js';
import { existingProxyQueue } from './proxyQueue.js';

export type RecordingEntry = MethodResult<'library.get'>;

interface TableFacts {
  decision: ReturnType<typeof decideProxy>;
  firstPtsS: number;
}

/**
 * A recording's frame table never changes after import, so what the library
 * needs from it (the proxy decision, frame 0's time) is worked out once per
 * store and recording, not on every list: a long recording's table is
 * megabytes.
 */
const tableFacts = new WeakMap<object, Map<number, TableFacts>>();

function factsOf(ctx: AppContext, recording: Recording): TableFacts {
  let byId = tableFacts.get(ctx.db);
  if (!byId) tableFacts.set(ctx.db, (byId = new Map()));
  let facts = byId.get(recording.id);
  if (!facts) {
    const table = getFrameTable(ctx.db, recording.id);
    if (!table) throw new Error(`recording #${recording.id} has no frame table`);
    facts = { decision: decideProxy({ probe: recording.probe, table }), firstPtsS: ptsSeconds(table, 0) };
    byId.set(recording.id, facts);
  }
  return facts;
}

/** A proxy file that is where the store says, with the size it was made with. */
export function presentProxyFile(dataDir: string, row: ProxyRow | undefined): string | null {
  if (!row?.relPath) return null;
  const file = resolveProxyPath(dataDir, row.relPath);
  if (!file) return null;
  try {
    return fs.statSync(file).size === row.sizeBytes ? file : null;
  } catch {
    return null;
  }
}

/**
 * A recording as the library shows it: its proxy state, and what the player
 * loads. A ready proxy plays (even while a newer attempt runs or after one
 * failed); otherwise the original, whether or not the window can play it.
 */
export function recordingEntry(ctx: AppContext, recording: Recording): RecordingEntry {
  const dataDir = existingProxyQueue(ctx)?.dataDir ?? defaultDataDir();
  const { decision, firstPtsS } = factsOf(ctx, recording);
  const ready = latestReadyProxy(ctx.db, recording.id);
  const readyFile = presentProxyFile(dataDir, ready);
  const proxy = proxyInfo(ctx, recording.id, decision.needed, decision.reasons, ready, readyFile !== null);
  const playback: Playback = readyFile
    ? {
        source: 'proxy',
        isProxy: true,
        path: `/media/proxy/${recording.id}`,
        contentType: 'video/mp4',
        firstFrameMediaTimeS: 0,
        playable: true,
      }
    : {
        source: 'original',
        isProxy: false,
        path: `/media/original/${recording.id}`,
        contentType: contentTypeForContainer(recording.probe.container),
        firstFrameMediaTimeS: firstPtsS,
        playable: !decision.reasons.some((r) => r.code === 'container' || r.code === 'codec'),
      };
  return { ...recording, proxy, playback };
}

function proxyInfo(
  ctx: AppContext,
  id: number,
  needed: boolean,
  reasons: ProxyInfo['reasons'],
  ready: ProxyRow | undefined,
  readyPresent: boolean,
): ProxyInfo {
  const made = readyPresent && ready ? { sizeBytes: ready.sizeBytes, madeAt: ready.finishedAt } : { sizeBytes: null, madeAt: null };
  const queued = existingProxyQueue(ctx)?.statusOf(id);
  if (queued) return { status: queued, reasons, error: null, ...made };
  const last = latestProxy(ctx.db, id);
  if (last?.status === 'making') return { status: 'making', reasons, error: null, ...made };
  if (last?.status === 'failed') return { status: 'failed', reasons, error: last.error, ...made };
  if (last?.status === 'ready' && readyPresent) return { status: 'ready', reasons, error: null, ...made };
  const missing =
    last?.status === 'ready' ? 'the proxy file is no longer in the data folder: make it again (micromoment proxy, or proxy.make)' : null;
  return { status: needed ? 'needed' : 'not-needed', reasons, error: missing, ...made };
}
