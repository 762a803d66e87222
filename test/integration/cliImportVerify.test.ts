import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { runCli } from '../helpers/cli.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

let fixtures: Record<FixtureName, FixtureInfo>;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

interface JsonRow {
  id: number | null;
  path: string;
  sha256: string | null;
  status: string;
  error?: string;
  frames: number | null;
  fps: number | null;
  durationS: number | null;
  width: number | null;
  height: number | null;
  codec: string | null;
  vfr: boolean | null;
}

describe('micromoment import (command line)', () => {
  it('prints the documented JSON, and exit code 1 when a file failed', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'case.sqlite');
    const run = await runCli(['import', '--db', db, '--json', fixtures.vfr.path, path.join(dir, 'missing.mp4')]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { recordings: JsonRow[] };
    expect(Object.keys(out.recordings[0]!).sort()).toEqual(
      ['codec', 'durationS', 'fps', 'frames', 'height', 'id', 'path', 'sha256', 'status', 'vfr', 'width'].sort(),
    );
    expect(out.recordings[0]).toMatchObject({ id: 1, status: 'imported', vfr: true, frames: fixtures.vfr.frames });
    expect(out.recordings[1]).toMatchObject({ status: 'failed', error: 'does not exist: check the path' });
    expect(run.stderr).not.toMatch(/\s+at\s/);
    const again = await runCli(['import', '--db', db, '--json', fixtures.vfr.path]);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { recordings: JsonRow[] }).recordings[0]).toMatchObject({ id: 1, status: 'exists' });
  });

  it('warns when a file decodes to much less video than it declares (an MP4 cut short), and not for the intact file', async () => {
    const dir = tempDir();
    const real = path.join(realMediaDir, 'cap13_edit2.mp4');
    const cut = path.join(dir, 'cut short.mp4');
    fs.writeFileSync(cut, fs.readFileSync(real).subarray(0, 200_000));
    const run = await runCli(['import', '--db', path.join(dir, 'case.sqlite'), '--json', cut, real]);
    expect(run.code).toBe(0);
    const [short, whole] = (JSON.parse(run.stdout) as { recordings: (JsonRow & { warning?: string })[] }).recordings;
    expect(short).toMatchObject({ status: 'imported', frames: 237 });
    expect(short!.warning).toBe(
      'only 9.480 s of video decode, but the file declares 30.600 s: it may be cut short or damaged; compare it with its source',
    );
    expect(whole).toMatchObject({ status: 'imported', frames: 765 });
    expect(whole!.warning).toBeUndefined();
    const human = await runCli(['import', '--db', path.join(dir, 'case.sqlite'), cut]);
    expect(human.stdout).toContain('WARNING: only 9.480 s of video decode');
  });

  it('honours MICROMOMENT_DB, and --db over it', async () => {
    const dir = tempDir();
    const envDb = path.join(dir, 'env.sqlite');
    const optDb = path.join(dir, 'opt.sqlite');
    await runCli(['import', fixtures.cfr25.path], { env: { MICROMOMENT_DB: envDb } });
    expect(fs.existsSync(envDb)).toBe(true);
    await runCli(['import', '--db', optDb, fixtures.cfr25.path], { env: { MICROMOMENT_DB: envDb } });
    expect(fs.existsSync(optDb)).toBe(true);
  });

  it('reports an unreadable file plainly and imports the rest', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    const readable = path.join(dir, 'readable.mp4');
    const unreadable = path.join(dir, 'unreadable.mp4');
    fs.copyFileSync(fixtures.cfr25.path, readable);
    fs.copyFileSync(fixtures.ntsc.path, unreadable);
    fs.chmodSync(readable, 0o644);
    fs.chmodSync(unreadable, 0o000);
    // Root reads everything: run the import as an ordinary user, so the permission is real.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = await runCli(['import', '--db', path.join(dir, 'case.sqlite'), '--json', unreadable, readable], {
      ...asUser,
      env: { HOME: dir },
    });
    const out = JSON.parse(run.stdout) as { recordings: JsonRow[] };
    expect(out.recordings.map((r) => r.status)).toEqual(['failed', 'imported']);
    expect(out.recordings[0]!.error).toBe('cannot be read (permission denied): ask for read access to the file');
    expect(run.code).toBe(1);
  });
});

describe('micromoment verify', () => {
  async function importedCase() {
    const dir = tempDir();
    const db = path.join(dir, 'case.sqlite');
    const copy = path.join(dir, 'evidence copy.mp4');
    fs.copyFileSync(fixtures.cfr25.path, copy);
    const run = await runCli(['import', '--db', db, copy, fixtures.vp9.path]);
    expect(run.code).toBe(0);
    return { db, copy };
  }

  it('exits 0 when every original and the audit chain hold', async () => {
    const { db } = await importedCase();
    const run = await runCli(['verify', '--db', db]);
    expect(run.stdout).toContain('All originals, the audit log and the case state verify.');
    expect(run.code).toBe(0);
  });

  it('names an original whose bytes changed', async () => {
    const { db, copy } = await importedCase();
    const fd = fs.openSync(copy, 'r+');
    fs.writeSync(fd, Buffer.from([0xff]), 0, 1, 1000);
    fs.closeSync(fd);
    const run = await runCli(['verify', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`CHANGED\\s+recording #1 ${copy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(run.stdout).toContain('Verification FAILED');
  });

  it("names an audit entry that was altered behind the store's back", async () => {
    const { db } = await importedCase();
    const raw = new Database(db);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run();
    raw.close();
    const run = await runCli(['verify', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/BROKEN\s+audit log entry 2: its content was changed/);
  });
});

describe('micromoment --help and doctor', () => {
  it('lists the commands and says which ffmpeg and ffprobe are used', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['import', 'verify', 'doctor', 'serve']) expect(help.stdout).toContain(cmd);
    expect(help.stdout).toMatch(/ffmpeg: \S+ \(version \S+; found by (bundled npm package|PATH|explicit setting)\)/);
  });

  it('follows the documented order: an explicit setting first', async () => {
    const run = await runCli(['doctor'], { env: { MICROMOMENT_FFMPEG: '/usr/bin/ffmpeg' } });
    expect(run.stdout).toMatch(/ffmpeg: \/usr\/bin\/ffmpeg \(version 5\.\S+; found by explicit setting\)/);
    const bad = await runCli(['doctor'], { env: { MICROMOMENT_FFPROBE: '/nonexistent/ffprobe' } });
    expect(bad.code).toBe(3);
    expect(bad.stdout).toContain('ffprobe: ERROR ffprobe set to /nonexistent/ffprobe (by MICROMOMENT_FFPROBE), but no executable is there');
  });

  it('exits 2 on a usage error', async () => {
    expect((await runCli(['import'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});
