import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecording, importRecordings } from '../../src-main/usecases/importRecording.js';
import { getFrameTable, getRecording } from '../../src-main/store/recordingsRepo.js';
import { verifyAuditChain } from '../../src-main/store/auditLog.js';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { FFMPEG_PATH, FFPROBE_PATH } from '../helpers/ffmpeg.js';
import { dumpStore, tempCase } from '../helpers/caseStore.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

let fixtures: Record<FixtureName, FixtureInfo>;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

const realFile = path.join(realMediaDir, 'cap13_edit2.mp4');
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('import of a real recording', () => {
  const ctx = tempCase();
  afterAll(() => ctx.close());

  it('matches sha256sum and ffprobe, and leaves the original untouched', async () => {
    const before = fs.statSync(realFile);
    const hashBefore = sha256(realFile);
    const result = await importRecording(ctx, realFile);
    expect(result.status).toBe('imported');
    const sha256sum = execFileSync('sha256sum', [realFile], { encoding: 'utf8' }).split(' ')[0];
    expect(result.sha256).toBe(sha256sum);
    const counted = execFileSync(
      FFPROBE_PATH,
      ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', realFile],
      { encoding: 'utf8' },
    ).trim();
    expect(result.frames).toBe(Number(counted));
    expect(result.frames).toBe(765);
    expect(result).toMatchObject({ width: 400, height: 300, codec: 'h264', vfr: false, fps: 25 });
    const after = fs.statSync(realFile);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
    expect(sha256(realFile)).toBe(hashBefore);
  });
});

describe('import of the generated fixtures', () => {
  const ctx = tempCase();
  afterAll(() => ctx.close());

  it('indexes every decoded frame of every kind of file', async () => {
    for (const [name, fixture] of Object.entries(fixtures)) {
      const result = await importRecording(ctx, fixture.path);
      expect(result.status, `${name}: ${result.error}`).toBe('imported');
      expect(result.frames, name).toBe(fixture.frames);
      expect([result.width, result.height], name).toEqual([fixture.width, fixture.height]);
      const table = getFrameTable(ctx.db, result.id!)!;
      expect(table.ptsTicks.length, name).toBe(fixture.frames);
      const recording = getRecording(ctx.db, result.id!)!;
      expect(recording.vfr, name).toBe(name === 'vfr');
    }
  });

  it('records rotation, time base and the probe facts', async () => {
    const rotated = await importRecording(ctx, fixtures.rotated.path);
    const recording = getRecording(ctx.db, rotated.id!)!;
    expect([90, 270]).toContain(recording.probe.rotation);
    expect(recording.probe.codedWidth).toBe(recording.probe.height);
    const ntsc = getRecording(ctx.db, (await importRecording(ctx, fixtures.ntsc.path)).id!)!;
    expect(ntsc.probe.nominalFrameRate).toBe('30000/1001');
    expect(ntsc.fps).toBeCloseTo(29.97, 2);
    const mpeg2 = getRecording(ctx.db, (await importRecording(ctx, fixtures.mpeg2.path)).id!)!;
    expect(mpeg2.probe.container).toBe('mpeg');
    expect(mpeg2.probe.videoCodec).toBe('mpeg2video');
  });
});

describe('importing the same content twice', () => {
  const ctx = tempCase();
  afterAll(() => ctx.close());

  it('is idempotent, and records a new path as another location', async () => {
    const first = await importRecording(ctx, fixtures.cfr25.path);
    const again = await importRecording(ctx, fixtures.cfr25.path);
    expect(again).toMatchObject({ status: 'exists', id: first.id, sha256: first.sha256 });
    // The case's creation, then the one import: importing the same bytes again adds nothing.
    const auditAfterAgain = verifyAuditChain(ctx.db).rows;
    expect(auditAfterAgain).toBe(2);

    const copy = path.join(tempDir(), 'copy of cfr25.mp4');
    fs.copyFileSync(fixtures.cfr25.path, copy);
    const moved = await importRecording(ctx, copy);
    expect(moved).toMatchObject({ status: 'exists', id: first.id });
    expect(getRecording(ctx.db, first.id!)!.locations).toEqual([fixtures.cfr25.path, copy]);
    expect(verifyAuditChain(ctx.db)).toEqual({ rows: 3, problems: [] });
    expect((ctx.db.prepare('SELECT COUNT(*) AS n FROM recordings').get() as { n: number }).n).toBe(1);
  });
});

/** Files an analyst might hand us by mistake, each with the reason we expect to give. */
function makeBadFiles(dir: string): { path: string; reason: RegExp }[] {
  const bad: { path: string; reason: RegExp }[] = [];
  const add = (name: string, content: Buffer | string | null, reason: RegExp) => {
    const p = path.join(dir, name);
    if (content !== null) fs.writeFileSync(p, content);
    bad.push({ path: p, reason });
  };
  add('empty.mp4', Buffer.alloc(0), /empty \(0 bytes\)/);
  add('random.mp4', crypto.randomBytes(64 * 1024), /not a recording ffmpeg can read|no video/);
  add('truncated-no-moov.mp4', withoutMoov(fs.readFileSync(realFile)), /not a recording ffmpeg can read/);
  add('notes.txt', 'This is not a video.\n'.repeat(100), /is a text file, not a recording/);
  add('photo.jpg', fs.readFileSync(path.join(realMediaDir, 'face.jpg')), /still image/);
  const audio = path.join(dir, 'audio-only.m4a');
  execFileSync(FFMPEG_PATH, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac', audio]);
  bad.push({ path: audio, reason: /audio but no video stream/ });
  add('missing.mp4', null, /does not exist/);
  fs.mkdirSync(path.join(dir, 'a folder.mp4'));
  bad.push({ path: path.join(dir, 'a folder.mp4'), reason: /is a folder/ });
  return bad;
}

/** An MP4 with its index (the moov box) cut out, as when a copy stops early. */
function withoutMoov(mp4: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 0; offset + 8 <= mp4.length;) {
    const size = mp4.readUInt32BE(offset);
    const type = mp4.toString('latin1', offset + 4, offset + 8);
    if (size < 8) break;
    if (type !== 'moov') parts.push(mp4.subarray(offset, offset + size));
    offset += size;
  }
  return Buffer.concat(parts);
}

describe('bad input', () => {
  it('fails each bad file alone, with one plain line, and leaves the store unchanged', async () => {
    const ctx = tempCase();
    const dir = tempDir();
    const bad = makeBadFiles(dir);
    await importRecording(ctx, fixtures.vp9.path);
    const before = dumpStore(ctx);
    const results = await importRecordings(
      ctx,
      bad.map((b) => b.path),
    );
    for (const [i, result] of results.entries()) {
      expect(result.status, bad[i]!.path).toBe('failed');
      expect(result.error, bad[i]!.path).toMatch(bad[i]!.reason);
      expect(result.error).not.toMatch(/\n|\s+at\s+\S+\s+\(|Error:/);
    }
    expect(dumpStore(ctx)).toEqual(before);
    ctx.close();
  });

  it('imports the good files of a call that also holds bad ones, names and all', async () => {
    const ctx = tempCase();
    const dir = tempDir();
    const bad = makeBadFiles(dir);
    const tricky = [
      ['-leading dash.mp4', fixtures.cfr25.path],
      ["quote\" and 'single' and spaces.mp4", fixtures.ntsc.path],
      ['ünïcødé 日本語 -i x.webm', fixtures.vp9.path],
      ['http:not-a-url.avi', fixtures.mjpeg.path],
    ].map(([name, source]) => {
      const p = path.join(dir, name!);
      fs.copyFileSync(source!, p);
      return p;
    });
    const results = await importRecordings(ctx, [bad[0]!.path, ...tricky, bad[1]!.path]);
    expect(results.map((r) => r.status)).toEqual(['failed', 'imported', 'imported', 'imported', 'imported', 'failed']);
    expect(results.slice(1, 5).map((r) => r.path)).toEqual(tricky);
    expect(verifyAuditChain(ctx.db)).toEqual({ rows: 5, problems: [] }); // the case's creation and four imports
    ctx.close();
  });
});
