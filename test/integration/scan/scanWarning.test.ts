// The main job must not report a file cut short as a clean result: an MP4
// whose index sits at its start still opens when its tail is missing, and
// imports as the frames that decode. The scan says so, like import does.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { openFolder, parseScan, place, realClip, type Fixtures } from './scanFolder.js';

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

const WARNING = 'only 9.480 s of video decode, but the file declares 30.600 s: it may be cut short or damaged; compare it with its source';

describe('micromoment scan on a file cut short', () => {
  it('warns in the JSON and under the file’s line, on the first scan and on a scan that skips it, and not for an intact file', async () => {
    const root = openFolder('mm-scan-warning-');
    const evidence = path.join(root, 'evidence');
    place(fixtures.cfr25.path, path.join(evidence, 'intact.mp4'));
    fs.writeFileSync(path.join(evidence, 'cut short.mp4'), fs.readFileSync(realClip).subarray(0, 200_000));
    const db = path.join(root, 'case.sqlite');

    const run = await runCli(['scan', evidence, '--db', db, '--json']);
    expect(run.code).toBe(0);
    const byName = Object.fromEntries(parseScan(run).recordings.map((r) => [path.basename(r.path), r as Record<string, unknown>]));
    expect(byName['cut short.mp4']).toMatchObject({ status: 'done', frames: 237, warning: WARNING });
    expect(byName['intact.mp4']).toMatchObject({ status: 'done' });
    expect(byName['intact.mp4']).not.toHaveProperty('warning');

    const again = await runCli(['scan', evidence, '--db', db]);
    expect(again.code).toBe(0);
    const lines = again.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('cut short.mp4'));
    expect(lines[at]).toMatch(/^skipped /);
    expect(lines[at + 1]?.trim()).toBe(`WARNING: ${WARNING}`);
    expect(lines.filter((l) => l.includes('WARNING'))).toHaveLength(1);
  });
});
