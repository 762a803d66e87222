import type { ReportModel } from '../model/reportModel.js';
import { local } from './examinerSections.js';
import type { Fact } from './sections.js';

const num = (x: number | null) => (x === null ? 'undefined' : x.toFixed(2));

/** Said when no independent coding was made: the reader learns that no agreement can be stated. */
export const NO_SECOND_CODING =
  'This recording was coded once: no independent coding pass was completed, so no agreement between coders can be stated for it.';

function howCoded(p: NonNullable<ReportModel['reliability']>['passes'][number]): string {
  if (p.importedFrom) return `imported from ${p.importedFrom.file} (SHA-256 ${p.importedFrom.sha256.slice(0, 16)}…)`;
  return p.blind ? `blind${p.hideSpotterEmotion ? ", the spotter's emotion hidden" : ''}` : 'not blind';
}

/** The reliability section: the codings compared and how far they agree (agreement.md). */
export function reliabilityFacts(m: ReportModel): Fact[] {
  const r = m.reliability;
  if (!r) return [];
  return [
    {
      label: 'Codings',
      value: `the working set ("case": its accepted events are this report's findings) and ${r.passes.length} complete coding ${
        r.passes.length === 1 ? 'pass' : 'passes'
      }`,
    },
    ...r.passes.map((p) => ({
      label: `pass ${p.id}`,
      value:
        `${p.analyst}, ${howCoded(p)}; ` + `${p.events} accepted event${p.events === 1 ? '' : 's'}; completed ${local(m, p.completedAt)}`,
    })),
    ...r.pairs.map((p) => ({
      label: `${p.a} and ${p.b}`,
      value:
        `${p.matched} matched, ${p.onlyA} only in ${p.a}, ${p.onlyB} only in ${p.b}; F1 ${num(p.f1)}, ` +
        `Cohen's kappa of the matched emotions ${num(p.kappa)}; ${p.disagreements} disagreement${p.disagreements === 1 ? '' : 's'}`,
    })),
    {
      label: "Krippendorff's alpha",
      value: `${num(r.alpha)} (all codings, frame by frame); ${num(r.emotionAlpha)} (the emotions of matched events)`,
    },
    {
      label: 'How',
      value:
        `Two events are the same when their frames overlap with an intersection over union of at least ${r.minIoU}; ` +
        '"undefined": nothing to compare. The passes are kept as they were completed; the findings are the working set\'s decisions.',
    },
    {
      label: 'Adjudication',
      value:
        r.adjudications === 0
          ? 'none: the working set was coded on its own'
          : `${r.adjudications} disagreement${r.adjudications === 1 ? ' was' : 's were'} resolved into the working set: from then on it is ` +
            'not an independent coding, and its figures with the passes overstate their agreement (the figures between passes do not)',
    },
  ];
}
