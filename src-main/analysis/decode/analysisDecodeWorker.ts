// The decode worker: runs ffmpeg and drains its pipes on a thread of its own,
// so that while the analysis thread is busy in (synchronous) model inference,
// ffmpeg's output is still read and ffmpeg keeps decoding ahead into the
// shared ring instead of stalling on a full pipe.
import { spawn } from 'node:child_process';
import { lowerProcessPriority, lowerThisWorkerThreadPriority } from '../helperPriority.js';
import readline from 'node:readline';
import { parentPort, workerData } from 'node:worker_threads';
import { ffmpegInputName } from '../../media/runProcess.js';
import { passthroughFrameArgs } from '../../media/ffmpegCapabilities.js';
import { parseStderrLine } from './showinfoParser.js';
import { FrameRingProducer, type SharedFrameRingBuffers } from './sharedFrameRing.js';
import type { DecodeWorkerData, DecodeWorkerMessage } from './analysisDecodeProtocol.js';
import { DECODE_ISSUE_WINDOW, decodeGraph } from './decodeGraph.js';

const data = workerData as DecodeWorkerData & { ring: SharedFrameRingBuffers };
const port = parentPort!;
const post = (message: DecodeWorkerMessage) => port.postMessage(message);
const ring = new FrameRingProducer(data.ring);

const child = spawn(
  data.ffmpegPath,
  [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'level+info',
    // -copyts: keep the stream's own timestamps (ffmpeg otherwise subtracts the
    // container start time), so they compare with the frame table as they are.
    '-copyts',
    '-i',
    ffmpegInputName(data.file),
    '-filter_complex',
    decodeGraph(data.width, data.height),
    '-map',
    '[out]',
    ...passthroughFrameArgs(data.ffmpegPath),
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ],
  { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true },
);
// ffmpeg and this thread have a ring of frames of slack: the analysis thread goes first (helperPriority.ts).
lowerProcessPriority(child.pid);
lowerThisWorkerThreadPriority();

port.on('message', (message: { type: 'stop' }) => {
  if (message.type === 'stop') {
    child.kill('SIGKILL');
    process.exit(0);
  }
});

// showinfo's own counter restarts when ffmpeg rebuilds the graph (a change of
// picture size): PTS are matched to frames by arrival order instead, a FIFO.
const pts: number[] = [];
let ptsHead = 0;
let framesSeenOnStderr = 0;
let issueUntil = -1;
const issueFrames = new Set<number>();
let lastError = '';
let spawnError = '';

/** Publishes every complete frame whose PTS has arrived. */
function publishReady(): void {
  while (ring.unpublished > 0 && ptsHead < pts.length) {
    const index = ring.published;
    ring.publish(pts[ptsHead]!, issueFrames.delete(index));
    ptsHead += 1;
  }
  if (ptsHead > 4096) {
    pts.splice(0, ptsHead);
    ptsHead = 0;
  }
}

const lines = readline.createInterface({ input: child.stderr });
lines.on('line', (line) => {
  const event = parseStderrLine(line, data.codec);
  if (event.kind === 'frame') {
    pts.push(event.pts);
    if (framesSeenOnStderr <= issueUntil) issueFrames.add(framesSeenOnStderr);
    framesSeenOnStderr += 1;
    publishReady();
  } else if (event.kind === 'decoder-error') {
    lastError = event.message;
    issueUntil = framesSeenOnStderr + DECODE_ISSUE_WINDOW - 1;
    post({ type: 'decoder-error', message: event.message });
  }
});

let pending: Buffer | null = null;
let draining: Promise<void> = Promise.resolve();
let stdoutError = '';
child.stdout.on('data', (chunk: Buffer) => {
  // A chunk can still arrive just after pause(): it queues behind the pending bytes.
  if (pending) {
    pending = Buffer.concat([pending, chunk]);
    return;
  }
  const taken = ring.write(chunk);
  publishReady();
  if (taken < chunk.length) {
    pending = chunk.subarray(taken);
    child.stdout.pause();
    draining = drainPending();
  }
});
child.stdout.on('error', (err) => {
  stdoutError = err.message;
});
child.on('error', (err) => {
  spawnError = err.message;
});

/** Waits for the analysis to release slots, then writes what the pipe had left and resumes it. */
async function drainPending(): Promise<void> {
  while (pending) {
    // Read the release count before trying: a release after this read ends the wait at once.
    const seen = ring.consumed;
    const rest: Buffer = pending;
    const taken = ring.write(rest);
    pending = taken < rest.length ? rest.subarray(taken) : null;
    publishReady();
    if (pending) await ring.releasedSince(seen);
  }
  child.stdout.resume();
}

const stdoutEnded = new Promise<void>((resolve) => child.stdout.on('close', resolve));
const stderrEnded = new Promise<void>((resolve) => lines.on('close', resolve));
const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
  child.on('close', (code, signal) => resolve({ code, signal })),
);

void (async () => {
  const { code, signal } = await exited;
  await Promise.all([stdoutEnded, stderrEnded]);
  // Bytes still pending wait for the consumer; the end is reported once they are in the ring.
  await draining;
  while (pending) await drainPending();
  publishReady();
  post({
    type: 'end',
    code,
    signal,
    lastError,
    spawnError,
    stdoutError,
    partialBytes: ring.partialBytes,
    framesWithoutPts: ring.unpublished,
  });
  ring.close();
})();
