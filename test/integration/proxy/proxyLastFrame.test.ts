import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../../fixtures/generate.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/paths.js';
import { decodeStart } from '../../../src-renderer/review/player/decodeStart.js';

let fixtures: Record<FixtureName, FixtureInfo>;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

// The review window's decoder, on a real review copy read by the same demuxer (mediabunny) in Node:
// a seek to the last frame must start at the key frame before it, not at the file's start.
describe('the last frame of a review copy', () => {
  it('is decoded from the key frame before it', async () => {
    const dir = tempDir('mm-lastframe-');
    const env = {
      MICROMOMENT_DATA_DIR: path.join(dir, 'data'),
      MICROMOMENT_DB: path.join(dir, 'case.sqlite'),
      MICROMOMENT_ANALYST: 'test',
    };
    const run = await runCli(['import', '--proxy', '--json', fixtures.mpeg2.path], { env });
    expect(run.code, run.stderr).toBe(0);
    const relPath = (JSON.parse(run.stdout) as { proxies: { relPath: string }[] }).proxies[0]!.relPath;
    const file = path.join(env.MICROMOMENT_DATA_DIR, relPath);
    expect(fs.existsSync(file)).toBe(true);

    const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    const packets = new EncodedPacketSink(track);
    const pts: number[] = [];
    for (let p = await packets.getFirstPacket({ metadataOnly: true }); p; p = await packets.getNextPacket(p, { metadataOnly: true }))
      pts.push(p.timestamp);
    pts.sort((a, b) => a - b);
    expect(pts).toHaveLength(fixtures.mpeg2.frames);
    const last = pts.length - 1;
    const { start, keyTimestamp } = await decodeStart(packets, pts, last, 0);
    expect(keyTimestamp).not.toBeNull();
    expect(keyTimestamp!).toBeGreaterThanOrEqual(pts[last]! - 0.5); // the copy's key frames are at most 0.5 s apart
    expect(start).toBeGreaterThan(pts[last - 1]!);
    expect(start).toBeLessThanOrEqual(pts[last]!);
    input.dispose();
  });
});
