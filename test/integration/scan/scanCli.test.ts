import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { realMediaDir } from '../../helpers/paths.js';
import { audioOnly, openFolder, parseScan, place, realClip, truncatedCopy, type Fixtures, type ScanJson } from './scanFolder.js';

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

// Root reads every file whatever its mode: scan as an ordinary user, so unreadable is real.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Recordings (barcoded fixtures and a real interview clip) among what else a seized folder holds. */
async function messyEvidenceFolder() {
  const root = openFolder('mm-scan-');
  const evidence = path.join(root, 'evidence');
  const p = (rel: string) => path.join(evidence, rel);
  place(fixtures.cfr25.path, p('cfr25 clip.mp4'));
  place(fixtures.cfr25.path, p('copy of cfr25.mp4'));
  place(fixtures.vfr.path, p(`-dash "quoted" it's ü.mkv`));
  place(fixtures.mpeg2.path, p('sub dir/Zeugin Müller – 2024.mpg'));
  place(fixtures.mjpeg.path, p('sub dir/deeper/no extension'));
  place(realClip, p('real/cap13 interview.mp4'));
  fs.writeFileSync(p('broken.mp4'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) % 251)), { mode: 0o644 });
  truncatedCopy(fixtures.cfr25, p('truncated.mp4'));
  fs.writeFileSync(p('renamed.mp4'), 'this is text that was given a video name\n', { mode: 0o644 });
  fs.writeFileSync(p('empty.mov'), '', { mode: 0o644 });
  fs.writeFileSync(p('notes.txt'), 'Interview began 10:04.\n', { mode: 0o644 });
  fs.writeFileSync(p('report.pdf'), '%PDF-1.7\n%\u00e2\u00e3\n', { mode: 0o644 });
  place(path.join(realMediaDir, 'face.jpg'), p('photo.jpg'));
  await audioOnly(p('sound.dat'));
  place(fixtures.ntsc.path, p('locked.mp4'));
  fs.chmodSync(p('locked.mp4'), 0o000);
  fs.mkdirSync(p('locked dir'));
  place(fixtures.vp9.path, p('locked dir/inside.webm'));
  fs.chmodSync(p('locked dir'), 0o000);
  fs.symlinkSync('..', p('sub dir/loop'));
  fs.symlinkSync('self.mkv', p('self.mkv'));
  fs.symlinkSync('gone.avi', p('dangling.avi'));
  for (const dir of [evidence, p('sub dir'), p('sub dir/deeper'), p('real')]) fs.chmodSync(dir, 0o755);
  return { root, evidence, db: path.join(root, 'case.sqlite') };
}

const byName = (out: ScanJson, evidence: string) => Object.fromEntries(out.recordings.map((r) => [path.relative(evidence, r.path), r]));

describe('micromoment scan (command line)', () => {
  it('scans a messy folder: recordings done, each broken or unreadable file failed with its reason, the rest ignored with why', async () => {
    const { evidence, db } = await messyEvidenceFolder();
    const run = await runCli(['scan', evidence, '--db', db, '--json', '--workers', '2'], { ...asUser, env: { HOME: path.dirname(db) } });
    expect(run.code, run.stderr).toBe(1);
    const out = parseScan(run);
    const rows = byName(out, evidence);

    expect(Object.fromEntries(Object.entries(rows).map(([name, r]) => [name, r.status]))).toEqual({
      '-dash "quoted" it\'s ü.mkv': 'done',
      'broken.mp4': 'failed',
      'cfr25 clip.mp4': 'done',
      'copy of cfr25.mp4': 'skipped',
      'dangling.avi': 'failed',
      'empty.mov': 'failed',
      'locked dir': 'failed',
      'locked.mp4': 'failed',
      'real/cap13 interview.mp4': 'done',
      'renamed.mp4': 'failed',
      'self.mkv': 'failed',
      'sub dir/Zeugin Müller – 2024.mpg': 'done',
      'sub dir/deeper/no extension': 'done',
      'truncated.mp4': 'failed',
    });
    expect(rows['broken.mp4']!.error).toBe('not a recording ffmpeg can read (Invalid data found when processing input)');
    expect(rows['truncated.mp4']!.error).toMatch(
      /^not a recording ffmpeg can read \((Invalid data found when processing input|moov atom not found)\)$/,
    );
    // Which of the two depends on the ffprobe build (given the .mp4 name, some try only the MP4 demuxer).
    expect(rows['renamed.mp4']!.error).toMatch(
      /^(is a text file, not a recording|not a recording ffmpeg can read \(Invalid data found when processing input\))$/,
    );
    expect(rows['empty.mov']!.error).toBe('is empty (0 bytes): the copy of this recording is incomplete');
    expect(rows['locked.mp4']!.error).toBe('cannot be read (permission denied): ask for read access to the file');
    expect(rows['locked dir']!.error).toBe('folder cannot be read (permission denied): its files were not scanned; ask for read access');
    expect(rows['self.mkv']!.error).toBe('is a symbolic link loop');
    expect(rows['dangling.avi']!.error).toBe('is a symbolic link to something that does not exist');

    // Every row in the documented shape; frames from the frame table, candidates counted.
    for (const r of out.recordings) {
      expect(Object.keys(r).sort()).toEqual(
        r.status === 'failed'
          ? ['candidates', 'error', 'frames', 'path', 'sha256', 'status']
          : ['candidates', 'frames', 'path', 'sha256', 'status'],
      );
      if (r.status !== 'failed') expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(rows['cfr25 clip.mp4']).toMatchObject({ frames: 50 });
    expect(rows['copy of cfr25.mp4']).toMatchObject({
      frames: 50,
      sha256: rows['cfr25 clip.mp4']!.sha256,
      candidates: rows['cfr25 clip.mp4']!.candidates,
    });
    expect(rows['real/cap13 interview.mp4']).toMatchObject({ frames: 765 });
    expect(rows['sub dir/deeper/no extension']).toMatchObject({ frames: fixtures.mjpeg.frames });

    expect(Object.fromEntries(out.ignored.map((i) => [path.relative(evidence, i.path), i.reason]))).toEqual({
      'notes.txt': 'not a video (text)',
      'photo.jpg': 'not a video (JPEG image)',
      'report.pdf': 'not a video (PDF document)',
      'sound.dat': 'has audio but no video stream: only video recordings can be analysed',
      'sub dir/loop': `a link to a folder already scanned (${fs.realpathSync(evidence)})`,
    });
    expect(out.summary).toMatchObject({
      files: 14,
      done: 5,
      skipped: 1,
      failed: 8,
      ignored: 5,
      state: 'finished',
      error: null,
      workers: 2,
      db,
    });
    expect(out.summary.frames).toBe(Object.values(rows).reduce((s, r) => s + (r.frames ?? 0), 0));

    // The case holds five recordings, the duplicate as a second location, each analysed and spotted once.
    const store = new Database(db, { readonly: true });
    try {
      expect(store.prepare('SELECT COUNT(*) AS n FROM recordings').get()).toEqual({ n: 5 });
      const cfr = store.prepare('SELECT id FROM recordings WHERE sha256 = ?').get(rows['cfr25 clip.mp4']!.sha256) as { id: number };
      expect(
        (store.prepare('SELECT path FROM recording_locations WHERE recording_id = ? ORDER BY path').all(cfr.id) as { path: string }[]).map(
          (l) => path.basename(l.path),
        ),
      ).toEqual(['cfr25 clip.mp4', 'copy of cfr25.mp4']);
      expect(store.prepare('SELECT status, COUNT(*) AS n FROM analyses GROUP BY status').all()).toEqual([{ status: 'complete', n: 5 }]);
      const spotted = store
        .prepare('SELECT r.sha256, s.candidates_json FROM spotting_runs s JOIN recordings r ON r.id = s.recording_id')
        .all() as { sha256: string; candidates_json: string }[];
      expect(spotted).toHaveLength(5);
      for (const s of spotted) {
        const row = out.recordings.find((r) => r.sha256 === s.sha256 && r.status === 'done')!;
        expect((JSON.parse(s.candidates_json) as unknown[]).length).toBe(row.candidates);
      }
    } finally {
      store.close();
    }
    const verify = await runCli(['verify', '--db', db], asUser);
    expect(verify.stdout).toContain('All originals, the audit log and the case state verify.');
    expect(verify.code).toBe(0);

    // Run again: everything complete is skipped, the failures fail again with the same reasons.
    const again = await runCli(['scan', evidence, '--db', db, '--json'], { ...asUser, env: { HOME: path.dirname(db) } });
    expect(again.code).toBe(1);
    const second = parseScan(again);
    for (const [name, r] of Object.entries(byName(second, evidence))) {
      expect(r.status, name).toBe(rows[name]!.status === 'failed' ? 'failed' : 'skipped');
      expect(r.error, name).toBe(rows[name]!.error);
      expect(r.candidates, name).toBe(rows[name]!.candidates);
    }
    expect(second.summary).toMatchObject({ done: 0, skipped: 6, failed: 8, workers: 1 });
  });

  it('prints one line per file and a summary for people, and exits 0 when nothing failed', async () => {
    const root = openFolder('mm-scan-');
    const a = place(fixtures.cfr25.path, path.join(root, 'in', 'first clip.mp4'));
    place(fixtures.vp9.path, path.join(root, 'in', 'second.webm'));
    fs.writeFileSync(path.join(root, 'in', 'readme.txt'), 'hello\n');
    const db = path.join(root, 'case.sqlite');
    const run = await runCli(['scan', path.join(root, 'in'), '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^done      #\\d+ ${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  50 frames, \\d+ candidates$`)),
    );
    expect(lines[2]).toMatch(
      new RegExp(
        /^Scanned 2 recordings: 2 done, 0 skipped, 0 failed; 1 other path ignored /.source +
          /\(not recordings; --json lists them with the reason\) in \d+\.\d s with 1 worker\.$/.source,
      ),
    );
    expect(run.stderr).toBe('');

    // A file named on the command line, even one starting with a dash, after `--`.
    const dashed = place(fixtures.cfr25.path, path.join(root, '-x.mp4'));
    const named = await runCli(['scan', '--db', db, '--json', '--', dashed]);
    expect(named.code, named.stderr).toBe(0);
    expect(parseScan(named).recordings).toEqual([expect.objectContaining({ path: dashed, status: 'skipped', frames: 50 })]);
  });

  it('refuses a bad worker count with a usage error (exit 2), and names a missing path', async () => {
    const root = openFolder('mm-scan-');
    const bad = await runCli(['scan', root, '--workers', '0', '--db', path.join(root, 'case.sqlite')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--workers <n>' argument '0' is invalid. must be a whole number from 1 to 32");
    const missing = await runCli(['scan', path.join(root, 'nope'), '--db', path.join(root, 'case.sqlite'), '--json']);
    expect(missing.code).toBe(1);
    expect(parseScan(missing).recordings).toEqual([
      {
        path: path.join(root, 'nope'),
        sha256: null,
        status: 'failed',
        error: 'does not exist: check the path',
        frames: null,
        candidates: null,
      },
    ]);
  });
});
