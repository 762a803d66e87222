import { EMOTIONS } from '../../src-shared/analysis/emotions.js';
import type { Agreement } from '../../src-shared/domain/agreement.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { emotionAlpha, frameAlpha, pairAgreement, type CodedEvent, type PairAgreement } from '../agreement/eventAgreement.js';
import { disagreements, type Disagreement } from '../agreement/disagreements.js';
import { readAnnotationFile } from '../annotationFiles/readAnnotationFile.js';
import type { AppContext } from '../app/context.js';
import { listAnnotations } from '../store/annotationsRepo.js';
import { getFrameTable, getRecording } from '../store/recordingsRepo.js';
import { latestSpottingRun } from '../store/spottingRepo.js';
import { listPasses } from '../store/codingPassesRepo.js';

/** One coder's events of a recording: this case's analysts, a file, or the spotter. */
export interface Coder {
  name: string;
  /** Where its events came from, said plainly. */
  source: string;
  events: CodedEvent[];
}

export interface AgreementFigures {
  recordingId: number;
  frames: number;
  minIoU: number;
  coders: { name: string; source: string; events: number }[];
  /** Every pair of coders: the first as the reference (recall), the second as the one compared (precision). */
  pairs: ({ a: string; b: string; disagreements: Disagreement[] } & PairAgreement)[];
  /** Krippendorff's alpha, frame by frame, of all the coders (null with fewer than two, or when nothing varies). */
  alpha: number | null;
  /** Krippendorff's alpha of the emotions of the events the coders matched (null: nothing to compare). */
  emotionAlpha: number | null;
}

/**
 * How far coders agree on a recording: the findings of this case (its accepted
 * events), the events of annotation files made elsewhere (ELAN, another case's
 * CSV, a plain list), and on request the spotter's candidates as a coder.
 * Reads only: nothing is stored.
 */
export function agreementBetweenCoders(
  ctx: AppContext,
  recordingId: number,
  options: { files: string[]; mapFile?: string; withSpotter: boolean; minIoU: number; passes?: number[] | 'all'; boundaryFrames?: number },
): AgreementFigures {
  const recording = getRecording(ctx.db, recordingId);
  const table = getFrameTable(ctx.db, recordingId);
  if (!recording || !table) throw new ApiError('not-found', `No recording with id ${recordingId} in this case.`);
  const frames = table.ptsTicks.length;
  const accepted = listAnnotations(ctx.db, recordingId).filter((a) => a.verdict === 'accepted');
  const coders: Coder[] = [
    {
      name: 'case',
      source: `the accepted events of this case (${[...new Set(accepted.map((a) => a.updatedBy))].join(', ') || 'none decided'})`,
      events: accepted.map((a) => ({
        onset: a.onsetFrame,
        apex: a.apexFrame,
        offset: a.offsetFrame,
        emotion: a.emotion,
        ref: { set: 'case' as const, annotationId: a.id },
      })),
    },
  ];
  for (const pass of chosenPasses(ctx, recordingId, options.passes)) {
    const decided = listAnnotations(ctx.db, recordingId, pass.id).filter((a) => a.verdict === 'accepted');
    coders.push({
      name: `pass ${pass.id}`,
      source: `coding pass #${pass.id} of ${pass.analyst}${pass.blind ? ', blind' : ''}, completed ${pass.completedAt}`,
      events: decided.map((a) => ({
        onset: a.onsetFrame,
        apex: a.apexFrame,
        offset: a.offsetFrame,
        emotion: a.emotion,
        ref: { set: pass.id, annotationId: a.id },
      })),
    });
  }
  for (const file of options.files) {
    const read = readAnnotationFile(file, table, options.mapFile);
    const decided = read.events.filter((e) => e.verdict === 'accepted');
    coders.push({
      name: uniqueName(coders, file.split(/[\\/]/).pop() ?? file),
      source: `${file} (${read.format}: ${decided.length} accepted event${decided.length === 1 ? '' : 's'}${skippedWords(read.skipped)})`,
      events: decided.map((e) => ({ onset: e.onset, apex: e.apex, offset: e.offset, emotion: e.emotion })),
    });
  }
  if (options.withSpotter) {
    const run = latestSpottingRun(ctx.db, recordingId);
    if (!run)
      throw new ApiError(
        'invalid-arguments',
        `Recording ${recordingId} has no spotting run: run spot (or scan) first, or leave out --spotter.`,
      );
    const candidates = run.candidates as { onsetFrame: number; apexFrame?: number; offsetFrame: number; emotion?: string }[];
    coders.push({
      name: 'spotter',
      source: `the candidates of spotting run ${run.id}`,
      events: candidates.map((c) => ({
        onset: c.onsetFrame,
        apex: c.apexFrame ?? null,
        offset: c.offsetFrame,
        emotion: c.emotion && (EMOTIONS as readonly string[]).includes(c.emotion) ? c.emotion : null,
      })),
    });
  }
  const pairs: AgreementFigures['pairs'] = [];
  for (let i = 0; i < coders.length; i++)
    for (let j = i + 1; j < coders.length; j++) {
      const [x, y] = [coders[i]!, coders[j]!];
      const pair = pairAgreement(x.events, y.events, frames, EMOTIONS, options.minIoU);
      pairs.push({ a: x.name, b: y.name, ...pair, disagreements: disagreements(pair, x.events, y.events, options.boundaryFrames ?? 2) });
    }
  return {
    recordingId,
    frames,
    minIoU: options.minIoU,
    coders: coders.map((c) => ({ name: c.name, source: c.source, events: c.events.length })),
    pairs,
    alpha: coders.length >= 2 ? frameAlpha(everyones(coders), frames).alpha : null,
    emotionAlpha: coders.length >= 2 ? emotionAlpha(everyones(coders), options.minIoU).alpha : null,
  };
}

const everyones = (coders: Coder[]) => coders.map((c) => c.events);

/** The complete passes asked for: all of them, or those named (each must be a complete pass of this recording). */
function chosenPasses(ctx: AppContext, recordingId: number, wanted: number[] | 'all' | undefined) {
  const passes = listPasses(ctx.db, recordingId);
  if (wanted === undefined) return [];
  if (wanted === 'all') return passes.filter((p) => p.completedAt !== null);
  return wanted.map((id) => {
    const pass = passes.find((p) => p.id === id);
    if (!pass) throw new ApiError('invalid-arguments', `Recording ${recordingId} has no coding pass #${id}.`);
    if (!pass.completedAt)
      throw new ApiError('invalid-arguments', `Pass #${id} (${pass.analyst}) is not complete: its decisions may still change.`);
    return pass;
  });
}

const skippedWords = (skipped: string[]) => (skipped.length ? `; ${skipped.join('; ')}` : '');

function uniqueName(coders: Coder[], name: string): string {
  let candidate = name;
  for (let n = 2; coders.some((c) => c.name === candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}

/** The figures as data for programs (the CLI's --json, the API): f1, kappa and alpha named plainly. */
export function agreementAsData(f: AgreementFigures): Agreement {
  return {
    recordingId: f.recordingId,
    frames: f.frames,
    minIoU: f.minIoU,
    coders: f.coders,
    pairs: f.pairs.map((p) => ({
      a: p.a,
      b: p.b,
      matched: p.matched.length,
      onlyA: p.onlyA.length,
      onlyB: p.onlyB.length,
      precision: p.precision,
      recall: p.recall,
      f1: p.f1,
      kappa: p.emotionKappa.kappa,
      frameKappa: Object.fromEntries(Object.entries(p.frameKappa).map(([e, k]) => [e, k.kappa])),
      meanDifference: p.meanDifference,
      disagreements: p.disagreements,
    })),
    alpha: f.alpha,
    emotionAlpha: f.emotionAlpha,
  };
}
