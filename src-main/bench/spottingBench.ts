// npm run bench (second part): the semi-synthetic spotting benchmark. Prints figures.
import os from 'node:os';
import path from 'node:path';
import { requireTool } from '../media/ffmpegLocator.js';
import { packageRoot } from '../config/paths.js';
import { describeSplicedResult, runSplicedSet, SPLICE_SETS } from './splicedBenchmark.js';

const source = path.resolve(packageRoot(), '..', 'shared', 'media', 'talking-head', 'franck-excerpt.mp4');

async function main(): Promise<void> {
  const ffmpeg = requireTool('ffmpeg');
  console.log('Semi-synthetic spotting benchmark (franck-excerpt.mp4, smiles spliced into calm stretches):');
  for (const [i, set] of SPLICE_SETS.entries()) {
    console.log('  ' + describeSplicedResult(await runSplicedSet(ffmpeg.path, source, path.join(os.tmpdir(), 'micromoment-bench'), set, i)));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
