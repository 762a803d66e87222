import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';

let fixtures: Record<FixtureName, FixtureInfo>;
const dir = tempDir('mm-proxycli-');
const env = {
  MICROMOMENT_DATA_DIR: path.join(dir, 'data'),
  MICROMOMENT_DB: path.join(dir, 'case.sqlite'),
  MICROMOMENT_ANALYST: 'cli-test',
};

beforeAll(async () => {
  fixtures = await ensureFixtures();
});

describe('micromoment proxy, and import --proxy', () => {
  it('import --proxy makes what the recordings need, in the data folder, and says so', async () => {
    const run = await runCli(['import', '--proxy', '--json', fixtures.mjpeg.path, fixtures.ntsc.path], { env });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      recordings: { id: number; status: string }[];
      proxies: { status: string; recordingId: number; relPath?: string; reused?: boolean }[];
    };
    expect(out.recordings.map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(out.proxies.map((p) => p.status)).toEqual(['ready', 'not-needed']);
    expect(out.proxies[0]).toMatchObject({ recordingId: out.recordings[0]!.id, reused: false });
    expect(fs.existsSync(path.join(env.MICROMOMENT_DATA_DIR, out.proxies[0]!.relPath!))).toBe(true);
  });

  it('proxy takes ids or paths of imported files; a ready proxy is not made twice', async () => {
    const run = await runCli(['proxy', fixtures.mjpeg.path, '#2'], { env });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ready {7}#1: proxies\/[0-9a-f]{64}-[0-9a-f]{16}\.mp4 \(\d+\.\d MB\), already made and verified$/);
    expect(lines[1]).toMatch(/^not needed {2}#2: the original plays and seeks well/);
  });

  it('--force makes one for a recording that plays well', async () => {
    const run = await runCli(['proxy', '--force', '2'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^made {8}#2: proxies\/.*60 frames, frame table identical to the original's; \d+\.\d s\n$/);
  });

  it('an unknown recording fails alone, exit 1, saying what to do', async () => {
    const run = await runCli(['proxy', '99', fixtures.vfr.path, '1'], { env });
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('FAILED      #99: No recording with id 99 in this case.');
    expect(lines[1]).toBe(
      `FAILED      ${fixtures.vfr.path}: is not an imported recording of this case: import it first (micromoment import), or give its id`,
    );
    expect(lines[2]).toMatch(/^ready {7}#1: /);
  });

  it('verify re-hashes the review proxies: a changed one fails, saying not to review from it; a missing one is reported', async () => {
    const ok = await runCli(['verify'], { env });
    expect(ok.code, ok.stdout).toBe(0);
    const proxyLines = ok.stdout.split('\n').filter((l) => l.includes('review proxy of recording'));
    expect(proxyLines.map((l) => l.slice(0, 8))).toEqual(['OK      ', 'OK      ']);
    expect(ok.stdout).toContain('All originals, review proxies, the audit log and the case state verify.');

    const json = JSON.parse((await runCli(['verify', '--json'], { env })).stdout) as {
      recordings: { id: number; proxy?: { path: string; sha256: string; state: string } }[];
    };
    const first = json.recordings.find((r) => r.id === 1)!.proxy!;
    expect(first.state).toBe('identical');
    // One byte changed, size kept (the window's size check would not see it).
    const bytes = fs.readFileSync(first.path);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    fs.writeFileSync(first.path, bytes);
    const changed = await runCli(['verify'], { env });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(
      new RegExp(
        /^CHANGED {2}review proxy of recording #1 .*\(sha256 now [0-9a-f]{64}, made as [0-9a-f]{64}\): /.source +
          /do not review from it; remake it with `micromoment proxy 1 --force`$/.source,
        'm',
      ),
    );
    expect(changed.stdout).toContain('Verification FAILED');

    fs.rmSync(first.path);
    const missing = await runCli(['verify'], { env });
    expect(missing.code, missing.stdout).toBe(0);
    expect(missing.stdout).toMatch(/^MISSING {2}review proxy of recording #1 .*: remake it with `micromoment proxy 1 --force`$/m);

    const remade = await runCli(['proxy', '--force', '1'], { env });
    expect(remade.code, remade.stderr).toBe(0);
    expect((await runCli(['verify'], { env })).code).toBe(0);
  });
});
