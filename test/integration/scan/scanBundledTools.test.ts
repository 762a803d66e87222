import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { openFolder, parseScan, place, realClip, type Fixtures } from './scanFolder.js';

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

// As after `npm ci` on a machine without ffmpeg: nothing on PATH, no setting, only the npm packages' binaries.
const bundledOnly = { PATH: '/nonexistent', MICROMOMENT_FFMPEG: undefined, MICROMOMENT_FFPROBE: undefined };

describe('micromoment scan with only the bundled ffmpeg and ffprobe', () => {
  it('scans recordings of every container it can read, and fails one its ffprobe crashes on, saying what to do', async () => {
    const doctor = await runCli(['doctor'], { env: bundledOnly });
    expect(doctor.stdout).toMatch(/ffmpeg: \S+node_modules\/@ffmpeg-installer\/\S+ \(version \S+; found by bundled npm package\)/);
    expect(doctor.stdout).toMatch(/ffprobe: \S+node_modules\/@ffprobe-installer\/\S+ \(version \S+; found by bundled npm package\)/);

    const root = openFolder('mm-bundled-');
    const evidence = path.join(root, 'evidence');
    place(realClip, path.join(evidence, 'interview.mp4'));
    place(fixtures.vfr.path, path.join(evidence, 'vfr.mkv'));
    place(fixtures.mpeg2.path, path.join(evidence, 'program stream.mpg'));
    place(fixtures.mjpeg.path, path.join(evidence, 'mjpeg.avi'));
    // The bundled 2023 ffprobe crashes on MPEG-TS (README); with no other ffprobe the file fails alone.
    await runFfmpeg(['-i', fileArg(fixtures.cfr25.path), '-c', 'copy', '-f', 'mpegts', '-y', fileArg(path.join(evidence, 'transport.ts'))]);
    const db = path.join(root, 'case.sqlite');

    const run = await runCli(['scan', evidence, '--db', db, '--json'], { env: bundledOnly });
    const out = parseScan(run);
    expect(Object.fromEntries(out.recordings.map((r) => [path.basename(r.path), r.status]))).toEqual({
      'interview.mp4': 'done',
      'mjpeg.avi': 'done',
      'program stream.mpg': 'done',
      'transport.ts': 'failed',
      'vfr.mkv': 'done',
    });
    const ts = out.recordings.find((r) => r.path.endsWith('transport.ts'))!;
    expect(ts.error).toMatch(
      new RegExp(
        /^every ffprobe available crashed reading it: \S+ \(bundled, \S+\) crashed \(SIG\w+\)\. /.source +
          /Install a current ffmpeg \(e\.g\. apt-get install ffmpeg\) or set MICROMOMENT_FFPROBE$/.source,
      ),
    );
    expect(run.code).toBe(1);

    // What the case records: the bundled binaries did the work.
    const store = new Database(db, { readonly: true });
    try {
      const provenance = (store.prepare('SELECT provenance_json FROM analyses').all() as { provenance_json: string }[]).map(
        (r) => JSON.parse(r.provenance_json) as { ffmpeg: { source: string; path: string } },
      );
      expect(provenance).toHaveLength(4);
      for (const p of provenance) expect(p.ffmpeg).toMatchObject({ source: 'bundled', path: expect.stringContaining('@ffmpeg-installer') });
      const imports = (
        store.prepare("SELECT after_json FROM audit_log WHERE action = 'recording.imported'").all() as { after_json: string }[]
      ).map((r) => JSON.parse(r.after_json) as { ffprobe: { path: string } });
      for (const i of imports) expect(i.ffprobe.path).toContain('@ffprobe-installer');
    } finally {
      store.close();
    }
  });
});
