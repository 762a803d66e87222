// The README's main job is `npx micromoment scan <folder>`. npm 11's exec links
// this checkout into its own cache the first time and runs `prepare` there,
// which rebuilt everything (15-50 s of silence before the first command ran).
// tools/prepare.mjs keeps the existing build under exec: the first call with an
// empty npm cache must not rebuild anything.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin, repoRoot, tempDir } from '../helpers/paths.js';

describe('npx micromoment, the first time after an install', () => {
  it('runs the built command without building it again', () => {
    const cache = tempDir('mm-npx-cache-');
    const builtAt = fs.statSync(cliBin).mtimeMs;
    const run = spawnSync('npx', ['--yes', 'micromoment', '--version'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: cache, npm_config_offline: 'true' },
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(
      (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version,
    );
    // npm did link the checkout into its exec cache (the path this test is about)…
    expect(fs.existsSync(path.join(cache, '_npx'))).toBe(true);
    // …and the build it ran from is the one that was there.
    expect(fs.statSync(cliBin).mtimeMs).toBe(builtAt);
  });
});
