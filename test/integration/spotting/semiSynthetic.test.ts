import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSplicedResult, runSplicedSet, SPLICE_SETS } from '../../../src-main/bench/splicedBenchmark.js';
import { FFMPEG_PATH } from '../../helpers/ffmpeg.js';
import { sharedMediaDir } from '../../helpers/paths.js';

const source = path.join(sharedMediaDir, 'talking-head', 'franck-excerpt.mp4');

// The targets (≥ 90% of flashes at IoU ≥ 0.5, ≤ 2 false candidates a
// minute) are NOT met yet: the figures are printed and recorded in the README,
// and these assertions hold the floor reached so far, so a regression fails.
describe('semi-synthetic spotting benchmark (smiles spliced into calm real footage)', () => {
  it.each(SPLICE_SETS.map((set, i) => [set.name, i] as const))('%s', async (_name, i) => {
    const result = await runSplicedSet(FFMPEG_PATH, source, path.join(os.tmpdir(), 'micromoment-test-spliced'), SPLICE_SETS[i]!, i);
    console.log(describeSplicedResult(result));
    expect(result.flashes).toBe(8);
    expect(result.recall).toBeGreaterThanOrEqual(i === 0 ? 0.6 : 0.7);
    expect(result.emotionRight).toBe(result.found);
    expect(result.falsePerMinute).toBeLessThanOrEqual(4);
  });
});
