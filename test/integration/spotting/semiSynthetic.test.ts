import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSplicedResult, runSplicedSet, SPLICE_SETS, type SplicedResult } from '../../../tools/bench/splicedBenchmark.js';
import { FFMPEG_PATH } from '../../helpers/ffmpeg.js';
import { sharedMediaDir } from '../../helpers/paths.js';

const source = path.join(sharedMediaDir, 'talking-head', 'franck-excerpt.mp4');

// The targets over all splice sets together: at least 90% of the
// flashes found at IoU ≥ 0.5, at most 2 false candidates a minute on the
// untouched frames. One flash more or less in one set is too coarse a measure
// (a set has 3 to 8 flashes and about a quarter-minute of calm), hence the totals.
describe('semi-synthetic spotting benchmark (smiles spliced into calm real footage)', () => {
  it('finds at least 90% of the spliced flashes, names them, and makes at most 2 false candidates a minute', async () => {
    const results: SplicedResult[] = [];
    for (const [i, set] of SPLICE_SETS.entries()) {
      const result = await runSplicedSet(FFMPEG_PATH, source, path.join(os.tmpdir(), 'micromoment-test-spliced'), set, i);
      console.log(describeSplicedResult(result));
      results.push(result);
    }
    const flashes = results.reduce((n, r) => n + r.flashes, 0);
    const found = results.reduce((n, r) => n + r.found, 0);
    const falseCandidates = results.reduce((n, r) => n + r.falsePerMinute * r.calmMinutes, 0);
    const calmMinutes = results.reduce((n, r) => n + r.calmMinutes, 0);
    console.log(
      `all sets: ${found}/${flashes} flashes found, ${Math.round(falseCandidates)} false candidates in ${calmMinutes.toFixed(2)} min`,
    );
    expect(flashes).toBe(26);
    expect(found / flashes).toBeGreaterThanOrEqual(0.9);
    for (const r of results) expect(r.emotionRight).toBe(r.found);
    expect(falseCandidates / calmMinutes).toBeLessThanOrEqual(2);
  }, 900_000);
});
