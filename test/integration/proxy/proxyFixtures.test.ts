import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../../src-main/app/context.js';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { makeProxy } from '../../../src-main/proxy/makeProxy.js';
import { resolveProxyPath } from '../../../src-main/proxy/proxyFiles.js';
import { listAudit, verifyAuditChain } from '../../../src-main/store/auditLog.js';
import { latestProxy } from '../../../src-main/store/proxiesRepo.js';
import { getFrameTable, getRecording } from '../../../src-main/store/recordingsRepo.js';
import { locateTool } from '../../../src-main/media/ffmpegLocator.js';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../../fixtures/generate.js';
import { fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { tempDir } from '../../helpers/paths.js';
import { expectFaithfulProxy, fingerprint, sha256Of } from './proxyChecks.js';

let fixtures: Record<FixtureName, FixtureInfo>;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

/** A case whose ffmpeg is the app's default (the bundled build) or the one given; its own data folder. */
function proxyCase(ffmpeg?: string): AppContext & { dataDir: string } {
  const dir = tempDir('mm-proxy-');
  const ctx = createContext({ dbPath: path.join(dir, 'case.sqlite'), analyst: 'proxy-test', ...(ffmpeg ? { ffmpeg } : {}) });
  return Object.assign(ctx, { dataDir: path.join(dir, 'data') });
}

/** Imports a fixture, makes its proxy, and checks it and what the store says. */
async function makeAndCheck(ctx: AppContext & { dataDir: string }, name: FixtureName, force: boolean): Promise<void> {
  const fixture = fixtures[name];
  const before = fingerprint(fixture.path);
  const imported = await importRecording(ctx, fixture.path);
  expect(imported.status, imported.error).not.toBe('failed');
  const id = imported.id!;

  const outcome = await makeProxy(ctx, id, { force, dataDir: ctx.dataDir });
  expect(outcome.status, outcome.status === 'failed' ? outcome.error : '').toBe('ready');
  if (outcome.status !== 'ready') return;

  // The original: not a byte, not its mtime.
  expect(fingerprint(fixture.path)).toEqual(before);

  // Registered as made: relative path, the file's own hash and size, what made it.
  const row = latestProxy(ctx.db, id)!;
  expect(row).toMatchObject({ status: 'ready', forced: force, error: null, sha256: outcome.sha256, sizeBytes: outcome.sizeBytes });
  expect(path.isAbsolute(row.relPath!)).toBe(false);
  const file = resolveProxyPath(ctx.dataDir, row.relPath!)!;
  expect(sha256Of(file)).toBe(row.sha256);
  expect(fs.statSync(file).size).toBe(row.sizeBytes);
  expect(row.ffmpeg.version).toBe(ctx.tools().ffmpeg.version);
  expect(row.params).toMatchObject({ version: 3, videoCodec: 'libx264', keyframeIntervalS: 0.5, slicesPerPicture: 4 });
  expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  const actions = listAudit(ctx.db)
    .filter((e) => e.target === `recording:${id}`)
    .map((e) => e.action);
  expect(actions).toEqual(['recording.imported', 'proxy.started', 'proxy.made']);
  expect(verifyAuditChain(ctx.db).problems).toEqual([]);

  const recording = getRecording(ctx.db, id)!;
  const table = getFrameTable(ctx.db, id)!;
  await expectFaithfulProxy(file, table, { width: recording.probe.width, height: recording.probe.height });
}

describe("proxies made by the app's default ffmpeg (the bundled 2018 build here), checked with the reference ffmpeg", () => {
  const ctx = proxyCase();
  afterAll(() => ctx.close());

  it('is the bundled build, which has libx264', () => {
    expect(ctx.tools().ffmpeg.source).not.toBe('setting');
  });

  it.each([
    ['mpeg2', false],
    ['mjpeg', false],
    ['longgop', false],
    ['vfr', true],
    ['rotated', true],
    ['oddsize', true],
    ['ntsc', true],
    ['cfr25', true],
    ['vp9', true],
  ] as [FixtureName, boolean][])('%s (forced: %s): same frames, same timing, every frame where the table says', async (name, force) => {
    await makeAndCheck(ctx, name, force);
  });

  it('makes nothing for a recording that plays well, unless forced', async () => {
    const fresh = proxyCase();
    const again = await importRecording(fresh, fixtures.cfr25.path);
    expect(await makeProxy(fresh, again.id!, { dataDir: fresh.dataDir })).toEqual({ status: 'not-needed', recordingId: again.id });
    expect(latestProxy(fresh.db, again.id!)).toBeUndefined();
    fresh.close();
  });

  it('reuses a ready proxy instead of making it again, unless forced', async () => {
    const imported = await importRecording(ctx, fixtures.mpeg2.path);
    const first = await makeProxy(ctx, imported.id!, { dataDir: ctx.dataDir });
    expect(first).toMatchObject({ status: 'ready', reused: true });
    const forced = await makeProxy(ctx, imported.id!, { dataDir: ctx.dataDir, force: true });
    expect(forced).toMatchObject({ status: 'ready', reused: false });
    // Same ffmpeg, same parameters, same input: the same bytes, so the same content-addressed file.
    if (first.status === 'ready' && forced.status === 'ready') expect(forced.relPath).toBe(first.relPath);
  });
});

const debianFfmpeg = '/usr/bin/ffmpeg';
describe.runIf(fs.existsSync(debianFfmpeg))("proxies made by Debian's ffmpeg 5.1 (MICROMOMENT_FFMPEG)", () => {
  const ctx = proxyCase(debianFfmpeg);
  afterAll(() => ctx.close());

  it.each([
    ['mpeg2', false],
    ['mjpeg', false],
    ['vfr', true],
    ['rotated', true],
    ['oddsize', true],
  ] as [FixtureName, boolean][])('%s: same frames, same timing', async (name, force) => {
    expect(ctx.tools().ffmpeg).toMatchObject({ path: debianFfmpeg, source: 'setting' });
    await makeAndCheck(ctx, name, force);
  });
});
if (!fs.existsSync(debianFfmpeg)) console.log(`Debian's ffmpeg proxies not tested: no ${debianFfmpeg} (install ffmpeg with apt).`);

describe('audio in a proxy', () => {
  const ctx = proxyCase();
  afterAll(() => ctx.close());

  /** Seconds of each click (a 1 ms burst) in the first audio stream, decoded from time 0 at 48 kHz. */
  async function clickTimes(file: string, copyts: boolean): Promise<number[]> {
    const { stdout } = await runFfmpeg([
      ...(copyts ? ['-copyts'] : []),
      '-i',
      fileArg(file),
      '-map',
      '0:a:0',
      '-af',
      'aresample=48000:async=1:min_hard_comp=0:first_pts=0',
      '-ac',
      '1',
      '-f',
      's16le',
      'pipe:1',
    ]);
    const samples = new Int16Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.length / 2));
    const clicks: number[] = [];
    let last = -Infinity;
    samples.forEach((v, i) => {
      if (Math.abs(v) > 8000 && i - last > 4800) {
        clicks.push(i / 48000);
        last = i;
      }
    });
    return clicks;
  }

  it('keeps its place against the frames (within 0.1 ms), and keeps every frame', async () => {
    // The MPEG-2 fixture with an MP2 track of clicks every 0.5 s; MPEG-PS starts the audio before the video.
    const dir = tempDir('mm-audio-');
    const withAudio = path.join(dir, 'clicks.mpg');
    await runFfmpeg([
      '-i',
      fileArg(fixtures.mpeg2.path),
      '-f',
      'lavfi',
      '-i',
      "aevalsrc='if(lt(mod(t,0.5),0.001),0.9,0)':s=44100:d=2.3",
      '-map',
      '0:v',
      '-map',
      '1:a',
      '-c:v',
      'copy',
      '-c:a',
      'mp2',
      '-f',
      'mpeg',
      fileArg(withAudio),
    ]);
    const imported = await importRecording(ctx, withAudio);
    const recording = getRecording(ctx.db, imported.id!)!;
    expect(recording.probe.audioStreams.length).toBe(1);
    const outcome = await makeProxy(ctx, imported.id!, { dataDir: ctx.dataDir });
    expect(outcome.status).toBe('ready');
    if (outcome.status !== 'ready') return;
    const proxy = resolveProxyPath(ctx.dataDir, outcome.relPath)!;
    const table = getFrameTable(ctx.db, imported.id!)!;
    await expectFaithfulProxy(proxy, table, { width: 320, height: 240 });

    const frame0 = (table.ptsTicks[0]! * table.timeBase.num) / table.timeBase.den;
    // The original's clicks, on its own clock (copyts: absolute times)…
    const originalClicks = (await clickTimes(withAudio, true)).map((t) => t - frame0).filter((t) => t > 0.1);
    // …and the proxy's, which starts at frame 0 (its first 21 ms are the encoder's delay).
    const proxyClicks = (await clickTimes(proxy, false)).filter((t) => t > 0.1);
    expect(proxyClicks.length).toBeGreaterThanOrEqual(3);
    expect(proxyClicks.length).toBe(originalClicks.length);
    proxyClicks.forEach((t, i) => expect(Math.abs(t - originalClicks[i]!), `click ${i} at ${t} s`).toBeLessThan(0.0001));
  });
});

it('the bundled ffmpeg is where the app looks for it', () => {
  expect(locateTool('ffmpeg')).not.toBeNull();
});
