// npm run bench:review: how fast the review window answers, measured in Debian's Chromium
// through the loopback host on this machine's real store. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createContext } from '../../src-main/app/context.js';
import { createDispatcher } from '../../src-main/api/dispatcher.js';
import { handlers } from '../../src-main/api/handlers.js';
import { createMediaHandler } from '../../src-main/media/mediaHandler.js';
import { storeMediaLookup } from '../../src-main/usecases/mediaLookup.js';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { startLoopbackHost } from '../../src-main/hosts/http/loopbackHost.js';
import { requireTool } from '../../src-main/media/ffmpegLocator.js';
import { packageRoot } from '../../src-main/config/paths.js';
import { seedLongRecording } from './reviewBenchData.js';
import { TOKEN_HEADER } from '../../src-shared/api/loopbackAuth.js';
import { makeProxy } from '../../src-main/proxy/makeProxy.js';
import { decideProxy } from '../../src-main/proxy/proxyDecision.js';
import { getFrameTable, getRecording } from '../../src-main/store/recordingsRepo.js';

const CHROMIUM = process.env.MICROMOMENT_CHROMIUM ?? '/usr/bin/chromium';
const source = path.resolve(packageRoot(), '..', 'shared', 'media', 'talking-head', 'franck-excerpt.mp4');
/** Keyframe intervals measured: every 2 s (a common camera setting) and every 1/3 s (what a review proxy can choose). */
const GOPS = process.env.MICROMOMENT_BENCH_GOPS ? process.env.MICROMOMENT_BENCH_GOPS.split(',').map(Number) : [60, 10];
/** For comparing seek code quickly: only the seeks (no steps), through the review proxy or of the original alone. */
const SEEKS_ONLY = process.env.MICROMOMENT_BENCH_SEEKS_ONLY as 'proxy' | 'original' | undefined;
/** Random seeks per recording (more narrows a p95: with 40 it is the second slowest). */
const SEEKS = Number(process.env.MICROMOMENT_BENCH_SEEKS ?? 40);
/** Opens of the 3-hour timeline after the first (its data then held in memory). */
const TIMELINE_REOPENS = 7;

/** A 1080p30 H.264 recording of real footage with a keyframe every `gop` frames. */
function make1080Clip(ffmpeg: string, dir: string, gop: number): string {
  const out = path.join(dir, `bench-1080p30-60s-gop${gop}.mp4`);
  if (fs.existsSync(out)) return out;
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${out}.part.mp4`;
  execFileSync(
    ffmpeg,
    [
      '-v',
      'error',
      '-y',
      '-stream_loop',
      '-1',
      '-i',
      `file:${source}`,
      '-t',
      '60',
      '-vf',
      'scale=-2:1080,pad=1920:1080:(ow-iw)/2:0,fps=30',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '20',
      '-g',
      String(gop),
      '-keyint_min',
      String(gop),
      '-pix_fmt',
      'yuv420p',
      '-an',
      `file:${tmp}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  fs.renameSync(tmp, out);
  return out;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}
const fmt = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

/** The parts of the page's PerformanceResourceTiming the timeline account reads (this side has no DOM types). */
interface ResourceTimes {
  name: string;
  startTime: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  transferSize: number;
}

type Engine = {
  seek(f: number): void;
  step(d: number): void;
  getSnapshot(): { displayed: number | null; ready: boolean; error: string | null };
  subscribe(l: () => void): () => void;
};

interface Timing {
  /** Until the frame is drawn on the canvas. */
  drawn: number;
  /** Until the animation frame that paints it begins (the screen shows it with that frame). */
  painted: number;
  /** The frame asked for, and when (the clock the page and its workers share: timeOrigin + now). */
  target: number;
  askedAt: number;
}

/** Time from asking for a frame to the frame drawn on the canvas, and to the animation frame that paints it. */
async function timed(page: Page, op: { seek: number } | { step: number }): Promise<Timing> {
  const t = await page.evaluate(
    (op) =>
      new Promise<Timing | string>((resolve) => {
        const g = globalThis as unknown as { micromomentPlayer: Engine; requestAnimationFrame(cb: (t: number) => void): number };
        const engine = g.micromomentPlayer;
        const target = 'seek' in op ? op.seek : (engine.getSnapshot().displayed as number) + op.step;
        const t0 = performance.now();
        const askedAt = performance.timeOrigin + t0;
        let finished = false;
        const done = () => {
          if (finished || engine.getSnapshot().displayed !== target) return;
          finished = true;
          const drawn = performance.now() - t0;
          unsubscribe();
          g.requestAnimationFrame(() => resolve({ drawn, painted: performance.now() - t0, target, askedAt }));
        };
        const unsubscribe = engine.subscribe(done);
        if ('seek' in op) engine.seek(op.seek);
        else engine.step(op.step);
        done();
        setTimeout(() => {
          if (finished) return;
          finished = true;
          unsubscribe();
          const s = engine.getSnapshot();
          resolve(`frame ${target} not shown within 20 s (showing ${s.displayed}; ${s.error ?? 'no error'})`);
        }, 20_000);
      }),
    op,
  );
  if (typeof t === 'string') throw new Error(t);
  return t;
}

const fmtTimings = (t: Timing[]) => `drawn ${fmt(t.map((x) => x.drawn))}; painted ${fmt(t.map((x) => x.painted))}`;

/** What the decode worker did so far: how many runs, how many pictures it decoded only to pass them, and its time per converted frame. */
async function decoderAccount(page: Page): Promise<string> {
  const t = await page.evaluate(() => ({
    ...(globalThis as unknown as { micromomentPlayer: { decoderTotals: Record<string, number> } }).micromomentPlayer.decoderTotals,
  }));
  if (!t.runs) return 'decoder: no runs recorded';
  return (
    `decoder (worker, since opening): ${t.runs} runs (${t.seeks} from a keyframe, ${t.cancelled} stopped early), ` +
    `${t.converted} frames converted at ${((t.convertMs ?? 0) / Math.max(1, t.converted ?? 0)).toFixed(1)} ms each, ` +
    `${t.passed} passed unconverted; a run from a keyframe made its first frame after ` +
    `${((t.seekFirstFrameMs ?? 0) / Math.max(1, t.seeksWithFrame ?? 0)).toFixed(1)} ms on average (in the worker)`
  );
}

/** A decode run as the player recorded it (playerEngine.ts RunAccount; times on the shared clock). */
interface RunAccount {
  from: number;
  cancelled: boolean;
  postedAt: number;
  receivedAt: number;
  cancelReceivedAt: number | null;
  endedAt: number;
  firstArrivedAt: number | null;
  stats: {
    seeked: boolean;
    fromKey: number | null;
    marks: {
      started: number;
      ready: number;
      decoded: number;
      converted: number;
      fetches: number;
      fetchMs: number;
      fetchBytes: number;
    } | null;
  };
}

/**
 * Where each timed seek's time went, from the run that decoded its frame: the
 * window asking the worker, the worker taking the message (after the task it
 * is in, e.g. a conversion), starting the run (after stopping the one in flight), setting up the decode at the keyframe, decoding up to the
 * frame, converting it, the bitmap reaching the window, and drawing it. Seeks
 * whose frame was already cached or in flight have no such run and are left out.
 */
async function seekAccount(page: Page, seeks: Timing[]): Promise<string> {
  const runs = (
    (await page.evaluate(() => [
      ...((globalThis as unknown as { micromomentPlayer: { runAccounts?: unknown[] } }).micromomentPlayer.runAccounts ?? []),
    ])) as RunAccount[]
  ).sort((a, b) => a.postedAt - b.postedAt);
  if (runs.length === 0) return 'seek account: the player keeps no run accounts';
  const parts: Record<string, number[]> = {
    'ask→posted': [],
    'posted→received': [],
    'received→started': [],
    'started→decoder ready': [],
    'ready→decoded': [],
    convert: [],
    'converted→in window': [],
    'in window→drawn': [],
  };
  const byDistance = new Map<number, number[]>();
  const each: { drawn: number; parts: number[]; fetches: number; fetchMs: number; fetchBytes: number }[] = [];
  const fetching: string[] = [];
  const cancelTaken: number[] = [];
  const stoppedEnded: number[] = [];
  let nothingToStop = 0;
  let matched = 0;
  for (const s of seeks) {
    const run = runs.find(
      (r) => r.from === s.target && r.stats.seeked && r.stats.marks && r.firstArrivedAt !== null && r.postedAt >= s.askedAt - 0.5,
    );
    if (!run || !run.stats.marks || run.firstArrivedAt === null) continue;
    matched += 1;
    const m = run.stats.marks;
    const drawnAt = s.askedAt + s.drawn;
    const push = (k: string, v: number) => (parts[k] as number[]).push(v);
    push('ask→posted', run.postedAt - s.askedAt);
    push('posted→received', run.receivedAt - run.postedAt);
    // The run the seek stopped (posted just before the seek's): when the worker took its cancel, and when it ended.
    const stopped = runs[runs.indexOf(run) - 1];
    if (stopped && stopped.cancelReceivedAt !== null && stopped.endedAt >= run.postedAt) {
      cancelTaken.push(stopped.cancelReceivedAt - run.postedAt);
      stoppedEnded.push(stopped.endedAt - stopped.cancelReceivedAt);
    } else nothingToStop += 1;
    push('received→started', m.started - run.receivedAt);
    push('started→decoder ready', m.ready - m.started);
    push('ready→decoded', m.decoded - m.ready);
    push('convert', m.converted - m.decoded);
    push('converted→in window', run.firstArrivedAt - m.converted);
    push('in window→drawn', drawnAt - run.firstArrivedAt);
    each.push({
      drawn: s.drawn,
      parts: Object.values(parts).map((v) => v[v.length - 1] as number),
      fetches: m.fetches,
      fetchMs: m.fetchMs,
      fetchBytes: m.fetchBytes,
    });
    if (m.fetches > 0)
      fetching.push(`${s.drawn.toFixed(0)} ms drawn: ${m.fetches} in ${m.fetchMs.toFixed(0)} ms, ${(m.fetchBytes / 1024).toFixed(0)} KiB`);
    if (run.stats.fromKey !== null) byDistance.set(run.stats.fromKey, [...(byDistance.get(run.stats.fromKey) ?? []), s.drawn]);
  }
  if (matched === 0) return 'seek account: no seek decoded its own frame';
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const summary = (record: Record<string, number[]>) =>
    Object.entries(record)
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => `${k} mean ${mean(v).toFixed(1)} / p95 ${percentile(v, 95).toFixed(1)} (n=${v.length})`);
  const lines = summary(parts);
  const distances = [...byDistance.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([d, v]) => `${d}: n=${v.length} p50 ${percentile(v, 50).toFixed(0)} max ${Math.max(...v).toFixed(0)}`);
  const slowest = each
    .sort((a, b) => b.drawn - a.drawn)
    .slice(0, 4)
    .map(
      (e) =>
        `${e.drawn.toFixed(0)} = ${e.parts.map((p) => p.toFixed(0)).join(' + ')} ` +
        `(${e.fetches} requests, ${e.fetchMs.toFixed(0)} ms, ${(e.fetchBytes / 1024).toFixed(0)} KiB)`,
    );
  return (
    `seek account (${matched} of ${seeks.length} seeks decoded their own frame), ms: ${lines.join('; ')}; ` +
    `${fetching.length} waited for media requests (${fetching.join('; ')})\n` +
    `    the worker's wait: ` +
    `${summary({ "posted→stopped run's cancel taken": cancelTaken, 'cancel taken→stopped run ended': stoppedEnded }).join('; ')}; ` +
    `${nothingToStop} seeks found no run to stop\n` +
    `    slowest (same parts): ${slowest.join('; ')}\n` +
    `    drawn by pictures decoded before the frame from its keyframe: ${distances.join('; ')}`
  );
}

/**
 * Gaps between the page's animation frames while `during` runs: 16.7 ms when
 * the main thread is free at 60 Hz; longer when something (the decoder's
 * JavaScript, bitmap conversion) holds it. This is what separates "drawn" from
 * "painted".
 */
async function animationFrameGaps(page: Page, during: () => Promise<void>): Promise<string> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { __gaps: number[]; __gapsOn: boolean; requestAnimationFrame(cb: (t: number) => void): number };
    g.__gaps = [];
    g.__gapsOn = true;
    let last = performance.now();
    const loop = () => {
      const now = performance.now();
      g.__gaps.push(now - last);
      last = now;
      if (g.__gapsOn) g.requestAnimationFrame(loop);
    };
    g.requestAnimationFrame(loop);
  });
  await during();
  const gaps = await page.evaluate(() => {
    const g = globalThis as unknown as { __gaps: number[]; __gapsOn: boolean };
    g.__gapsOn = false;
    return g.__gaps.slice(1);
  });
  return `animation-frame gaps ${fmt(gaps)}`;
}

async function openReview(page: Page, origin: string, id: number): Promise<void> {
  // A fresh page load: a hash change alone would keep the previous recording's player until React swaps it.
  await page.goto('about:blank');
  await page.goto(`${origin}/#/review/${id}`);
  await page.waitForFunction(
    () => {
      const e = (globalThis as unknown as { micromomentPlayer?: Engine }).micromomentPlayer;
      return e && (e.getSnapshot().displayed !== null || e.getSnapshot().error !== null);
    },
    undefined,
    { timeout: 60_000 },
  );
}

async function main(): Promise<void> {
  const ffmpeg = requireTool('ffmpeg');
  const dir = path.join(os.tmpdir(), 'micromoment-bench');
  const caseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-review-bench-'));
  // The bench's proxies go to its own data folder (removed at the end), never the user's.
  process.env.MICROMOMENT_DATA_DIR = path.join(caseDir, 'data');
  const ctx = createContext({ dbPath: path.join(caseDir, 'case.sqlite'), analyst: 'bench' });
  const host = { close: async () => undefined } as { close(): Promise<void> };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const clips = [];
    for (const gop of GOPS) {
      const clip = make1080Clip(ffmpeg.path, dir, gop);
      const imported = await importRecording(ctx, clip);
      if (imported.status === 'failed') throw new Error(imported.error);
      clips.push({ gop, clip, id: imported.id as number, frames: imported.frames as number });
    }
    if (process.env.MICROMOMENT_BENCH_SKIP_PLAYER) console.log('(player part skipped)');
    const longFrames = 3 * 3600 * 30;
    const seedStart = performance.now();
    const longId = seedLongRecording(ctx.db, longFrames, 30);
    console.log(`Seeded a 3-hour 30 fps analysis (${longFrames} frames) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`);
    const loopback = await startLoopbackHost({
      dispatch: createDispatcher(ctx, handlers),
      media: createMediaHandler(storeMediaLookup(ctx.db)),
      staticDir: path.join(packageRoot(), 'dist', 'renderer'),
    });
    host.close = () => loopback.close();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto(loopback.url);
    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        'micromoment.analyst',
        'bench',
      ),
    );
    const origin = `http://127.0.0.1:${loopback.port}`;

    for (const c of clips) {
      if (process.env.MICROMOMENT_BENCH_SKIP_PLAYER) break;
      console.log(
        `\n1080p30 H.264, a keyframe every ${c.gop} frames (${path.basename(c.clip)}, ${c.frames} frames), ` +
          `Chromium ${browser.version()}, WebCodecs in software:`,
      );
      if (SEEKS_ONLY === 'proxy') console.log('  (the original skipped: MICROMOMENT_BENCH_SEEKS_ONLY=proxy)');
      else await playerFigures(page, origin, c.id, c.frames);
      if (SEEKS_ONLY === 'original') continue;
      // What an analyst actually gets: the review proxy, where the rule asks for one.
      const recording = getRecording(ctx.db, c.id);
      const table = getFrameTable(ctx.db, c.id);
      const decision = recording && table ? decideProxy({ probe: recording.probe, table }) : null;
      if (!decision?.needed) {
        console.log('  (the proxy rule asks for no proxy: the figures above are what the analyst gets)');
        continue;
      }
      const made = await makeProxy(ctx, c.id);
      if (made.status !== 'ready') throw new Error(`proxy not made: ${JSON.stringify(made)}`);
      const originalBytes = fs.statSync(c.clip).size;
      console.log(
        `\n  its review proxy (rule: ${decision.reasons.map((r) => r.message).join('; ')}): ` +
          `${(made.sizeBytes / 2 ** 20).toFixed(1)} MiB vs ${(originalBytes / 2 ** 20).toFixed(1)} MiB original ` +
          `(${(made.sizeBytes / originalBytes).toFixed(2)}x), ` +
          `encoded in ${(made.encodeMs / 1000).toFixed(1)} s (${(c.frames / 30 / (made.encodeMs / 1000)).toFixed(2)}x real time), ` +
          `whole job ${(made.totalMs / 1000).toFixed(1)} s; what the analyst gets:`,
      );
      await playerFigures(page, origin, c.id, c.frames);
    }
    // The window shows one recording at a time: the last review's page (its decoder still filling
    // its cache) is closed before the timeline of another recording is timed.
    await page.close();
    if (process.env.MICROMOMENT_BENCH_SKIP_TIMELINE) console.log('\n(timeline part skipped)');
    else await timelineFigures(context, origin, longId, longFrames, loopback.token, caseDir);
    console.log(
      `\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
        `load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} (1/5/15 min: other work on the machine slows every figure).`,
    );
  } finally {
    await browser.close();
    await host.close();
    ctx.close();
    fs.rmSync(caseDir, { recursive: true, force: true });
  }
}

async function playerFigures(page: Page, origin: string, id: number, frames1080: number): Promise<void> {
  await openReview(page, origin, id);
  let seed = 20240611;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const seeks: Timing[] = [];
  const seekGaps = await animationFrameGaps(page, async () => {
    for (let i = 0; i < SEEKS; i++) {
      seeks.push(await timed(page, { seek: Math.floor(random() * frames1080) }));
      await page.waitForTimeout(300);
    }
  });
  console.log(
    `  seek to an arbitrary frame: ${fmtTimings(seeks)}\n    ${seekGaps}\n    ${await decoderAccount(page)}\n    ${await seekAccount(page, seeks)}`,
  );
  // End (the last frame) and Home, each from the middle: the last frame is a seek like any other and must cost no more.
  const ends: Timing[] = [];
  const homes: Timing[] = [];
  for (let i = 0; i < 10; i++) {
    await timed(page, { seek: Math.floor(frames1080 / 2) + i });
    await page.waitForTimeout(300);
    ends.push(await timed(page, { seek: frames1080 - 1 }));
    await page.waitForTimeout(300);
    await timed(page, { seek: Math.floor(frames1080 / 2) - i });
    await page.waitForTimeout(300);
    homes.push(await timed(page, { seek: 0 }));
    await page.waitForTimeout(300);
  }
  console.log(`  End (the last frame): ${fmtTimings(ends)}\n  Home (frame 0): ${fmtTimings(homes)}`);
  if (SEEKS_ONLY) return;
  const held = async (delta: number, count: number) => {
    const out: Timing[] = [];
    for (let i = 0; i < count; i++) {
      out.push(await timed(page, { step: delta }));
      await page.waitForTimeout(1000 / 15); // the hold-to-repeat rate
    }
    return out;
  };
  await timed(page, { seek: 900 });
  await page.waitForTimeout(3000);
  let forward: Timing[] = [];
  let backward: Timing[] = [];
  const forwardGaps = await animationFrameGaps(page, async () => {
    forward = await held(1, 60);
  });
  await page.waitForTimeout(3000);
  const backwardGaps = await animationFrameGaps(page, async () => {
    backward = await held(-1, 60);
  });
  console.log(`  step forward, held at 15 steps/s: ${fmtTimings(forward)}\n    ${forwardGaps}`);
  console.log(`  step backward, held at 15 steps/s: ${fmtTimings(backward)}\n    ${backwardGaps}`);
  await timed(page, { seek: 300 });
  await page.waitForTimeout(3000);
  const tapsF: Timing[] = [];
  const tapsB: Timing[] = [];
  for (let i = 0; i < 20; i++) {
    tapsF.push(await timed(page, { step: 1 }));
    await page.waitForTimeout(250);
  }
  for (let i = 0; i < 20; i++) {
    tapsB.push(await timed(page, { step: -1 }));
    await page.waitForTimeout(250);
  }
  console.log(`  single steps, 4 per second: forward ${fmtTimings(tapsF)}\n                              backward ${fmtTimings(tapsB)}`);
}

async function timelineFigures(
  context: BrowserContext,
  origin: string,
  longId: number,
  longFrames: number,
  token: string,
  caseDir: string,
): Promise<void> {
  console.log(`\nTimeline of a 3-hour recording (${longFrames} frames, 19 curves):`);
  // One open reads the per-frame data from the store; the next ones find it in memory. A single open is one
  // sample of a noisy figure, so the later opens are repeated and summarised.
  const runs = [
    'first open (per-frame data read from the store)',
    ...Array.from({ length: TIMELINE_REOPENS }, (_, i) => `open ${i + 2} (held in memory)`),
  ];
  const held: number[] = [];
  for (const run of runs) {
    const p = await context.newPage();
    p.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    await p.goto(`${origin}/#/review/${longId}`);
    try {
      await p.waitForFunction(() => performance.getEntriesByName('micromoment:timeline-ready').length > 0, undefined, { timeout: 60_000 });
    } catch (err) {
      await p.screenshot({ path: path.join(os.tmpdir(), 'micromoment-bench', 'timeline-timeout.png') });
      throw err;
    }
    const t = await p.evaluate(() => {
      const mount = performance.getEntriesByName('micromoment:timeline-mount')[0]!.startTime;
      const ready = performance.getEntriesByName('micromoment:timeline-ready')[0]!.startTime;
      // The overview's envelope: of the envelope responses that ended before the overview was drawn, the
      // largest (the strip's covers at most a few hundred frames, the overview's a column per pixel).
      const envelopes = (performance.getEntriesByType('resource') as unknown as ResourceTimes[])
        .filter((e) => e.name.includes('review.envelope') && e.responseEnd <= ready)
        .sort((x, y) => y.transferSize - x.transferSize);
      const e = envelopes[0];
      const account = e && {
        asked: e.startTime - mount,
        queued: e.requestStart - e.startTime,
        host: e.responseStart - e.requestStart,
        body: e.responseEnd - e.responseStart,
        drawing: ready - e.responseEnd,
      };
      return { mountToReady: ready - mount, navigationToReady: ready, account };
    });
    console.log(
      `  ${run}: overview drawn ${t.mountToReady.toFixed(1)} ms after the timeline asked for it ` +
        `(${t.navigationToReady.toFixed(0)} ms after the page began loading)`,
    );
    const a = t.account;
    const when =
      a && (a.asked < 0 ? `asked ahead, ${(-a.asked).toFixed(1)} ms before mount` : `asked ${a.asked.toFixed(1)} ms after mount`);
    if (a)
      console.log(
        `    its envelope: ${when}, waited ${a.queued.toFixed(1)} ms for a connection, host ${a.host.toFixed(1)} ms to first byte, ` +
          `body ${a.body.toFixed(1)} ms, then ${a.drawing.toFixed(1)} ms to drawn`,
      );
    if (!run.startsWith('first')) held.push(t.mountToReady);
    if (run.startsWith('first')) await p.screenshot({ path: path.join(caseDir, 'three-hour.png') });
    await p.close();
  }
  console.log(`  opens held in memory: ${fmt(held)}`);
  const api = async (args: unknown) => {
    const t0 = performance.now();
    const r = await fetch(`${origin}/api/call/review.envelope`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = await r.text();
    return { ms: performance.now() - t0, bytes: body.length };
  };
  const calls: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < 11; i++) calls.push(await api({ id: longId, from: 0, to: longFrames, buckets: 1500 }));
  const ms = calls.map((c) => c.ms);
  console.log(
    `  review.envelope of the whole recording, 1500 columns, in memory, through HTTP: ${fmt(ms)}, ${((calls[0]?.bytes ?? 0) / 1024).toFixed(0)} KiB`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
