import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliBin = path.join(repoRoot, 'dist', 'src-main', 'cli', 'bin.js');
export const realMediaDir = path.join(repoRoot, 'test', 'fixtures', 'media');
/** The shared folder beside the repository, with more real media (present on developer machines and in CI). */
export const sharedMediaDir = path.resolve(repoRoot, '..', 'shared', 'media');
export const artifactsDir = path.join(repoRoot, 'test', 'artifacts');

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'mm-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
