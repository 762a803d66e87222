// npm run bench (second part): the semi-synthetic spotting benchmark. Prints figures.
import os from 'node:os';
import path from 'node:path';
import { requireTool } from '../../src-main/media/ffmpegLocator.js';
import { packageRoot } from '../../src-main/config/paths.js';
import { describeSplicedResult, runSplicedSet, SPLICE_SETS } from './splicedBenchmark.js';
import { describeRealClip, LABELLED_CLIPS, spotLabelledClip } from './realClips.js';

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
  console.log('Real footage, every candidate hand-labelled (test/fixtures/spotting-labels/):');
  let total = 0;
  let real = 0;
  let labelled = 0;
  let minutes = 0;
  let events = 0;
  let eventsFound = 0;
  for (const name of LABELLED_CLIPS) {
    const result = await spotLabelledClip(name, path.dirname(source));
    for (const line of describeRealClip(result)) console.log('  ' + line);
    total += result.candidates.length;
    real += result.candidates.filter((c) => c.label === 'real').length;
    labelled += result.candidates.filter((c) => c.label !== 'unlabelled').length;
    minutes += result.minutes;
    events += result.realEvents;
    eventsFound += result.realFound;
  }
  console.log(
    `  all three: ${total} candidates in ${minutes.toFixed(2)} min = ${(total / minutes).toFixed(1)} per minute; ` +
      `precision by the labels ${real}/${labelled} = ${labelled ? (real / labelled).toFixed(2) : '–'}` +
      (labelled < total ? ` (${total - labelled} UNLABELLED: look at them and label them)` : '') +
      `; real expressions found ${eventsFound}/${events}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
