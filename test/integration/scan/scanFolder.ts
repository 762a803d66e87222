import fs from 'node:fs';
import path from 'node:path';
import type { FixtureInfo, FixtureName } from '../../fixtures/generate.js';
import { runFfmpeg, fileArg } from '../../helpers/ffmpeg.js';
import { realMediaDir, tempDir } from '../../helpers/paths.js';
import type { CliRun } from '../../helpers/cli.js';

export const realClip = path.join(realMediaDir, 'cap13_edit2.mp4');

/** The documented `scan --json` shape. */
export interface ScanJson {
  recordings: {
    path: string;
    sha256: string | null;
    status: 'done' | 'failed' | 'skipped';
    error?: string;
    warning?: string;
    frames: number | null;
    candidates: number | null;
  }[];
  ignored: { path: string; reason: string }[];
  summary: {
    files: number;
    done: number;
    skipped: number;
    failed: number;
    ignored: number;
    frames: number;
    candidates: number;
    state: string;
    error: string | null;
    workers: number;
    elapsedS: number;
    db: string;
  };
}

export function parseScan(run: CliRun): ScanJson {
  try {
    return JSON.parse(run.stdout) as ScanJson;
  } catch {
    throw new Error(`scan printed no JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
}

/** A folder anyone can read and write (the scan may run as an ordinary user). */
export function openFolder(prefix: string): string {
  const dir = tempDir(prefix);
  fs.chmodSync(dir, 0o777);
  return dir;
}

export function place(from: string, to: string): string {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
  fs.copyFileSync(from, to);
  fs.chmodSync(to, 0o644);
  return to;
}

/** The first half of a recording whose index (moov) is at its end: ffmpeg cannot read it. */
export function truncatedCopy(fixture: FixtureInfo, to: string): string {
  const bytes = fs.readFileSync(fixture.path);
  fs.writeFileSync(to, bytes.subarray(0, Math.floor(bytes.length / 2)), { mode: 0o644 });
  return to;
}

/** An audio-only file with a name and head that say nothing: ffprobe has to decide it is not a video. */
export async function audioOnly(to: string): Promise<string> {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
  await runFfmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac', '-f', 'adts', '-y', fileArg(to)]);
  fs.chmodSync(to, 0o644);
  return to;
}

/** The real clip played twice over (1530 frames), so its analysis writes more than one chunk. */
export async function doubledClip(to: string): Promise<string> {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
  await runFfmpeg(['-stream_loop', '1', '-i', fileArg(realClip), '-c', 'copy', '-y', fileArg(to)]);
  fs.chmodSync(to, 0o644);
  return to;
}

export type Fixtures = Record<FixtureName, FixtureInfo>;
