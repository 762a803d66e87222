// npm run bench (second part): the spotting benchmarks. Prints figures.
//   node dist-tools/tools/bench/spottingBench.js [--held-out]
// The semi-synthetic sets by subset (development sets; with --held-out the
// held-out sets too, to be run once at the end of a change), then the
// hand-labelled candidates of the three real talking-head clips.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireTool } from '../../src-main/media/ffmpegLocator.js';
import { packageRoot } from '../../src-main/config/paths.js';
import { describeSplicedResult, runSplicedSet, type SplicedResult } from './splicedBenchmark.js';
import { SPLICE_SETS } from './spliceSets.js';
import { describeRealClip, LABELLED_CLIPS, spotLabelledClip } from './realClips.js';

const mediaDir = path.resolve(packageRoot(), '..', 'shared', 'media', 'talking-head');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'held-out': { type: 'boolean', default: false } } });
  const heldOut = values['held-out'] ?? false;
  const ffmpeg = requireTool('ffmpeg');
  const sets = SPLICE_SETS.filter((s) => heldOut || !s.heldOut);
  console.log(
    'Semi-synthetic spotting benchmark (real expressions spliced into calm footage of the same person), ' +
      `${heldOut ? 'development and HELD-OUT sets' : 'development sets'}:`,
  );
  const results: SplicedResult[] = [];
  for (const [i, set] of SPLICE_SETS.entries()) {
    if (!sets.includes(set)) continue;
    const result = await runSplicedSet(ffmpeg.path, mediaDir, path.join(os.tmpdir(), 'micromoment-bench'), set, i);
    console.log(`  ${set.heldOut ? '[held out] ' : ''}${describeSplicedResult(result)}`);
    results.push(result);
  }
  console.log('  By subset (targets: recall ≥ 90% at IoU ≥ 0.5, emotion right on ≥ 90% of those found, ≤ 1 false candidate a minute):');
  for (const part of ['development', 'held out'] as const) {
    const ofPart = results.filter((r) => r.heldOut === (part === 'held out'));
    if (ofPart.length === 0) continue;
    for (const subset of [...new Set(ofPart.map((r) => r.subset))]) {
      const rs = ofPart.filter((r) => r.subset === subset);
      console.log(`    ${part}, ${subset}: ${summary(rs)}`);
    }
    console.log(`    ${part}, all: ${summary(ofPart)}`);
  }

  console.log('Real footage, every candidate hand-labelled (test/fixtures/spotting-labels/):');
  let total = 0;
  let real = 0;
  let labelled = 0;
  let minutes = 0;
  let events = 0;
  let eventsFound = 0;
  for (const name of LABELLED_CLIPS) {
    const result = await spotLabelledClip(name, mediaDir);
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

function summary(rs: SplicedResult[]): string {
  const flashes = rs.reduce((n, r) => n + r.flashes, 0);
  const found = rs.reduce((n, r) => n + r.found, 0);
  const right = rs.reduce((n, r) => n + r.emotionRight, 0);
  const falses = rs.reduce((n, r) => n + r.falseCandidates, 0);
  const calm = rs.reduce((n, r) => n + r.calmMinutes, 0);
  return (
    `recall ${found}/${flashes} = ${((100 * found) / flashes).toFixed(0)}%, ` +
    `emotion right ${right}/${found} = ${found ? ((100 * right) / found).toFixed(0) : '–'}%, ` +
    `${falses} false in ${calm.toFixed(2)} min = ${(falses / calm).toFixed(2)} a minute`
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
