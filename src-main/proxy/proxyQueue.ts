import fs from 'node:fs';
import os from 'node:os';
import type { AppContext } from '../app/context.js';
import { dataDir as defaultDataDir } from '../config/paths.js';
import { appendAudit } from '../store/auditLog.js';
import { stateRef } from '../store/sealedState.js';
import { latestProxy, markProxyFailed, proxiesInMaking } from '../store/proxiesRepo.js';
import { getFrameTable, getRecording } from '../store/recordingsRepo.js';
import { decideProxy } from './proxyDecision.js';
import { INTERRUPTED_PREFIX, makeProxy, type ProxyOutcome } from './makeProxy.js';
import { processAlive, removeStaleProxyTemps, resolveProxyPath } from './proxyFiles.js';

export type QueueOutcome = ProxyOutcome | { status: 'not-started'; recordingId: number; error: string };

interface Job {
  recordingId: number;
  force: boolean;
  promise: Promise<QueueOutcome>;
  resolve: (outcome: QueueOutcome) => void;
}

/**
 * Proxy jobs of one case, one at a time, in the order asked: encoding takes
 * both cores, and two at once would only make each slower. Each job is a child
 * process (makeProxy), so the host's event loop stays free. Asking again for a
 * recording already waiting or running joins that job.
 */
export class ProxyQueue {
  private readonly waiting: Job[] = [];
  private running: (Job & { abort: AbortController }) | null = null;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  /** Set by startBackgroundProxies: imports then queue proxies on their own. */
  background = false;

  constructor(
    private readonly ctx: AppContext,
    readonly dataDir: string,
  ) {}

  enqueue(recordingId: number, options: { force?: boolean } = {}): Promise<QueueOutcome> {
    const force = Boolean(options.force);
    if (this.running?.recordingId === recordingId && (!force || this.running.force)) return this.running.promise;
    const waiting = this.waiting.find((j) => j.recordingId === recordingId);
    if (waiting) {
      waiting.force ||= force;
      return waiting.promise;
    }
    if (this.closed) return Promise.resolve({ status: 'not-started', recordingId, error: 'the app is closing' });
    let resolve!: (o: QueueOutcome) => void;
    const promise = new Promise<QueueOutcome>((r) => {
      resolve = r;
    });
    this.waiting.push({ recordingId, force, promise, resolve });
    this.ctx.emit('proxy.state', { recordingId, status: 'queued', error: null });
    queueMicrotask(() => void this.pump());
    return promise;
  }

  /** 'queued' or 'making' while this process has a job for the recording. */
  statusOf(recordingId: number): 'queued' | 'making' | undefined {
    if (this.running?.recordingId === recordingId) return 'making';
    return this.waiting.some((j) => j.recordingId === recordingId) ? 'queued' : undefined;
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (!this.running && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the running job (its work file is removed, the attempt recorded as interrupted) and drops the waiting ones. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0))
      job.resolve({ status: 'not-started', recordingId: job.recordingId, error: 'the app is closing' });
    const running = this.running;
    if (running) {
      running.abort.abort();
      await running.promise;
    }
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    const abort = new AbortController();
    this.running = { ...next, abort };
    let outcome: QueueOutcome;
    try {
      outcome = await makeProxy(this.ctx, next.recordingId, { force: next.force, signal: abort.signal, dataDir: this.dataDir });
    } catch (err) {
      outcome = { status: 'not-started', recordingId: next.recordingId, error: err instanceof Error ? err.message : String(err) };
    }
    this.running = null;
    // makeProxy announces the attempts it records; these two outcomes record nothing.
    if (outcome.status === 'not-needed') this.ctx.emit('proxy.state', { recordingId: next.recordingId, status: 'not-needed', error: null });
    if (outcome.status === 'ready' && outcome.reused)
      this.ctx.emit('proxy.state', { recordingId: next.recordingId, status: 'ready', error: null });
    next.resolve(outcome);
    void this.pump();
  }
}

const queues = new WeakMap<AppContext, ProxyQueue>();

/** The proxy queue of a context (one per process and case), made on first use. */
export function proxyQueueFor(ctx: AppContext, dataDir: string = defaultDataDir()): ProxyQueue {
  let queue = queues.get(ctx);
  if (!queue) {
    queue = new ProxyQueue(ctx, dataDir);
    queues.set(ctx, queue);
  }
  return queue;
}

/** The queue of a context if one was made, without making one. */
export function existingProxyQueue(ctx: AppContext): ProxyQueue | undefined {
  return queues.get(ctx);
}

/**
 * For the hosts (serve, the desktop app): from now on, imports queue the proxies
 * they need. At start: work files a crashed process left are removed; attempts
 * whose process is gone are recorded as interrupted; and every recording that
 * needs a proxy and has none (never tried, interrupted, or its file gone from
 * the data folder) is queued. A failed attempt is not retried on its own: its
 * reason stands until someone asks again (proxy.make, `micromoment proxy`).
 */
export function startBackgroundProxies(ctx: AppContext, dataDir: string = defaultDataDir()): ProxyQueue {
  const queue = proxyQueueFor(ctx, dataDir);
  queue.background = true;
  removeStaleProxyTemps(dataDir);
  for (const row of proxiesInMaking(ctx.db)) {
    if (row.ownerHost === os.hostname() && row.ownerPid !== null && processAlive(row.ownerPid)) continue;
    const error = `${INTERRUPTED_PREFIX}the app stopped while it was being made`;
    ctx.db.transaction(() => {
      markProxyFailed(ctx.db, row.id, error);
      appendAudit(ctx.db, {
        actor: ctx.analyst,
        action: 'proxy.failed',
        target: `recording:${row.recordingId}`,
        after: { proxyId: row.id, error },
        state: [stateRef.proxy(row.id)],
      });
    })();
  }
  const ids = (ctx.db.prepare('SELECT id FROM recordings ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  for (const id of ids) if (wantsProxy(ctx, id, dataDir)) void queue.enqueue(id);
  return queue;
}

/** After an import through a host: queue the recording's proxy if it needs one and has none. */
export function scheduleProxyIfNeeded(ctx: AppContext, recordingId: number): void {
  const queue = existingProxyQueue(ctx);
  if (!queue?.background) return;
  if (wantsProxy(ctx, recordingId, queue.dataDir)) void queue.enqueue(recordingId);
}

function wantsProxy(ctx: AppContext, recordingId: number, dataDir: string): boolean {
  const recording = getRecording(ctx.db, recordingId);
  const table = getFrameTable(ctx.db, recordingId);
  if (!recording || !table) return false;
  const last = latestProxy(ctx.db, recordingId);
  if (last?.status === 'making') return false;
  if (last?.status === 'ready') {
    const file = last.relPath ? resolveProxyPath(dataDir, last.relPath) : null;
    if (file && fs.existsSync(file)) return false;
    return true;
  }
  if (last?.status === 'failed' && !last.error?.startsWith(INTERRUPTED_PREFIX)) return false;
  return last?.status === 'failed' || decideProxy({ probe: recording.probe, table }).needed;
}
