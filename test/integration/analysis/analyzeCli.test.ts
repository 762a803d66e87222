import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { runCli } from '../../helpers/cli.js';
import { probeFrames } from '../../helpers/ffmpeg.js';
import { realMediaDir, tempDir } from '../../helpers/paths.js';
import { corruptedClip, eightKClip, noFaceClip, resolutionChangeClip, tinyFaceClip } from '../../fixtures/analysisInputs.js';

const realClip = path.join(realMediaDir, 'cap13_edit2.mp4');

function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [headerLine, ...lines] = text.trimEnd().split('\n');
  const header = headerLine!.split(',');
  return { header, rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i]!, v]))) };
}

describe('micromoment analyze', () => {
  it('writes one CSV row per decoded frame of a real recording, data only on stdout', async () => {
    const run = await runCli(['analyze', realClip]);
    expect(run.code).toBe(0);
    const { header, rows } = parseCsv(run.stdout);
    expect(header.slice(0, 19)).toEqual(
      'frame,pts_s,face,face_x,face_y,face_w,face_h,face_conf,yaw,pitch,roll,neutral,enjoyment,sadness,anger,fear,surprise,contempt,disgust'.split(
        ',',
      ),
    );
    expect(header).toEqual([...FRAME_COLUMNS]);
    const { timestamps } = await probeFrames(realClip);
    expect(rows.length).toBe(timestamps.length);
    expect(rows.map((r) => Number(r.frame))).toEqual(rows.map((_, i) => i));
    expect(rows[1]!.pts_s).toBe('0.040000');
    const faceRows = rows.filter((r) => r.face === '1');
    expect(faceRows.length / rows.length).toBeGreaterThanOrEqual(0.98);
    for (const r of faceRows) {
      const sum = EXPRESSION_CLASSES.reduce((s, c) => s + Number(r[c]), 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
    }
    // No progress bar when stderr is not a terminal: only the one summary line.
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/765 frames \(\d+ with a face\)/);
  });

  it('writes JSON to --out, with the same rows', async () => {
    const out = path.join(tempDir(), 'rows.json');
    const run = await runCli(['analyze', realClip, '--format', 'json', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = fs.readFileSync(out, 'utf8');
    const doc = JSON.parse(text) as { frameCount: number; columns: string[]; frames: Record<string, number | null>[] };
    expect(doc.columns).toEqual([...FRAME_COLUMNS]);
    expect(doc.frameCount).toBe(765);
    expect(doc.frames).toHaveLength(765);
    expect(text.match(/"frames":/g)).toHaveLength(1); // each key once: parsers differ on duplicates
    expect(doc.frames[10]!.frame).toBe(10);
  });

  it('gives every frame of a recording without a face a row with face=0', async () => {
    const run = await runCli(['analyze', await noFaceClip()]);
    expect(run.code).toBe(0);
    const { rows } = parseCsv(run.stdout);
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.face === '0' && r.neutral === '' && r.decode_issue === '0')).toBe(true);
  });

  it('flags tiny faces as too small (or finds none), never inventing one', async () => {
    const run = await runCli(['analyze', await tinyFaceClip()]);
    expect(run.code).toBe(0);
    const { rows } = parseCsv(run.stdout);
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.face === '1').every((r) => r.too_small === '1')).toBe(true);
  });

  it('analyses an 8K frame at a bounded size and reports geometry in source pixels', async () => {
    const run = await runCli(['analyze', await eightKClip()]);
    expect(run.code).toBe(0);
    const { rows } = parseCsv(run.stdout);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.face === '1')).toBe(true);
    // The face is about a quarter of the frame wide in the source: thousands of pixels, not hundreds.
    expect(Number(rows[0]!.face_w)).toBeGreaterThan(1000);
  });

  it('goes on past corrupted frames, flags them, and reports the decoder errors', async () => {
    const file = await corruptedClip();
    const run = await runCli(['analyze', file]);
    expect(run.code).toBe(0);
    const { rows } = parseCsv(run.stdout);
    expect(rows.length).toBe((await probeFrames(file)).timestamps.length);
    expect(rows.some((r) => r.decode_issue === '1')).toBe(true);
    expect(rows[0]!.decode_issue).toBe('0');
    expect(run.stderr).toMatch(/the decoder reported \d+ errors \(\d+ frames flagged decode_issue\)/);
    expect(rows.filter((r) => r.face === '1').length / rows.length).toBeGreaterThan(0.9);
  });

  it('keeps frames whole through a change of picture size mid-stream', async () => {
    const file = await resolutionChangeClip();
    const run = await runCli(['analyze', file]);
    expect(run.code, run.stderr).toBe(0);
    const { rows } = parseCsv(run.stdout);
    expect(rows.length).toBe((await probeFrames(file)).timestamps.length);
    expect(rows.filter((r) => r.face === '1').length / rows.length).toBeGreaterThan(0.9);
  });

  it('says plainly what is wrong with a missing or non-video file', async () => {
    const missing = await runCli(['analyze', path.join(tempDir(), 'gone.mp4')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/gone\.mp4: does not exist: check the path/);
    const text = path.join(tempDir(), 'notes.mp4');
    fs.writeFileSync(text, 'not a video\n'.repeat(50));
    const bad = await runCli(['analyze', text]);
    expect(bad.code).toBe(1);
    // Named .mp4, the text is tried as MP4 (and refused); named .txt, it is recognised as text.
    expect(bad.stderr).toMatch(/notes\.mp4: not a recording ffmpeg can read \(.*Invalid data found/);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).not.toMatch(/\s+at\s/);
  });
});
