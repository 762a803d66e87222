import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CURVE_EMOTIONS, type AnnotationLine, type CandidateLine, type ReportModel } from '../model/reportModel.js';
import { xmlAttribute as attr, xmlText as text } from './xmlText.js';

const LINGUISTIC_TYPE = 'micro-expression';
const REJECTED_TIER = 'rejected';
const NOT_REVIEWED_TIER = 'not reviewed';

/** One annotation of the EAF: an analyst's annotation, or a candidate nobody decided. */
interface EafItem {
  /** The ANNOTATION_ID: a<number> for an analyst's annotation (its number in time order), c<n> for candidate Cn. */
  key: string;
  tier: string;
  startMs: number;
  endMs: number;
  value: string;
  annotator: string | null;
}

/**
 * ELAN's annotation format, EAF 3.0. Times are whole milliseconds since the
 * recording's first frame: an annotation runs from the first millisecond its
 * onset frame is on screen to the first millisecond after its offset frame, so
 * ELAN shows exactly the annotated frames. One tier per emotion (accepted and
 * pending annotations; the value starts with the status), and one tier of the
 * rejected ones, and a tier of the candidates nobody has decided ("not
 * reviewed"), so the file accounts for every candidate as the PDF does.
 * Annotations of one tier that overlap go to a second tier of that name
 * ("anger (2)"), since ELAN keeps a tier's annotations apart.
 */
export function eafReport(m: ReportModel): string {
  const items = eafItems(m);
  const tiers = tiersOf(items);
  const slots: { id: string; ms: number }[] = [];
  const refs = new Map<string, [string, string]>();
  for (const a of [...items].sort((x, y) => x.startMs - y.startMs || x.key.localeCompare(y.key))) {
    const begin = `ts${slots.length + 1}`;
    slots.push({ id: begin, ms: a.startMs });
    const end = `ts${slots.length + 1}`;
    slots.push({ id: end, ms: a.endMs });
    refs.set(a.key, [begin, end]);
  }
  slots.sort((x, y) => x.ms - y.ms || Number(x.id.slice(2)) - Number(y.id.slice(2)));
  const media = mediaPath(m);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ANNOTATION_DOCUMENT AUTHOR="${attr(m.generatedBy)}" DATE="${eafDate(m.generatedAt)}" FORMAT="3.0" VERSION="3.0" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">`,
    '  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">',
    `    <MEDIA_DESCRIPTOR MEDIA_URL="${attr(pathToFileURL(media).href)}" MIME_TYPE="${attr(elanMimeType(m.recording.container))}" ` +
      `RELATIVE_MEDIA_URL="${attr(`./${encodeURIComponent(path.basename(media))}`)}"/>`,
    // The highest number of any ANNOTATION_ID (a<n> or c<n>): ELAN numbers new annotations after it.
    `    <PROPERTY NAME="lastUsedAnnotationId">${Math.max(m.annotations.length, m.candidates.length)}</PROPERTY>`,
    `    <PROPERTY NAME="micromoment:recording-sha256">${text(m.recording.sha256)}</PROPERTY>`,
    `    <PROPERTY NAME="micromoment:original-verified">${text(`${m.verification.state} at ${m.verification.at}`)}</PROPERTY>`,
    `    <PROPERTY NAME="micromoment:time-origin">${text(`first frame, PTS ${m.recording.first.pts} s`)}</PROPERTY>`,
    ...(m.audit.head ? [`    <PROPERTY NAME="micromoment:audit-head">${text(`${m.audit.head.seq}:${m.audit.head.hash}`)}</PROPERTY>`] : []),
    '  </HEADER>',
    '  <TIME_ORDER>',
    ...slots.map((s) => `    <TIME_SLOT TIME_SLOT_ID="${s.id}" TIME_VALUE="${s.ms}"/>`),
    '  </TIME_ORDER>',
  ];
  for (const tier of tiers) {
    const annotators = [...new Set(tier.annotations.flatMap((a) => (a.annotator ? [a.annotator] : [])))].join(', ');
    lines.push(
      `  <TIER TIER_ID="${attr(tier.id)}" LINGUISTIC_TYPE_REF="${LINGUISTIC_TYPE}"${annotators ? ` ANNOTATOR="${attr(annotators)}"` : ''}>`,
    );
    for (const a of tier.annotations) {
      const [r1, r2] = refs.get(a.key) as [string, string];
      lines.push(
        '    <ANNOTATION>',
        `      <ALIGNABLE_ANNOTATION ANNOTATION_ID="${a.key}" TIME_SLOT_REF1="${r1}" TIME_SLOT_REF2="${r2}">`,
        `        <ANNOTATION_VALUE>${text(a.value)}</ANNOTATION_VALUE>`,
        '      </ALIGNABLE_ANNOTATION>',
        '    </ANNOTATION>',
      );
    }
    lines.push('  </TIER>');
  }
  lines.push(
    `  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="${LINGUISTIC_TYPE}" TIME_ALIGNABLE="true" GRAPHIC_REFERENCES="false"/>`,
    // The four stereotypes every ELAN document declares.
    '  <CONSTRAINT DESCRIPTION="Time subdivision of parent annotation\'s time interval, ' +
      'no time gaps allowed within this interval" STEREOTYPE="Time_Subdivision"/>',
    '  <CONSTRAINT DESCRIPTION="Symbolic subdivision of a parent annotation. ' +
      'Annotations refering to the same parent are ordered" STEREOTYPE="Symbolic_Subdivision"/>',
    '  <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>',
    '  <CONSTRAINT DESCRIPTION="Time alignable annotations within the parent annotation\'s time interval, gaps are allowed" STEREOTYPE="Included_In"/>',
    '</ANNOTATION_DOCUMENT>',
    '',
  );
  return lines.join('\n');
}

/** "accepted · C3 · J. Doe · note": the status first, so a pending or rejected event is never read as a finding. */
function annotationValue(a: AnnotationLine): string {
  const emotion = a.status === 'rejected' ? `${a.emotion ?? 'no emotion'} · ` : '';
  return [`${a.status}`, `${emotion}${a.label}`, a.updatedBy, a.note.trim() ? a.note : null].filter((x) => x !== null).join(' · ');
}

/** "not reviewed · C5 · proposed fear · score 0.62": what the spotter proposed and that nobody decided it. */
function candidateValue(c: CandidateLine): string {
  return [NOT_REVIEWED_TIER, c.label, `proposed ${c.proposedEmotion}`, c.score === null ? null : `score ${c.score.toFixed(2)}`]
    .filter((x) => x !== null)
    .join(' · ');
}

/**
 * The analysts' annotations, except candidates still pending (they are in the
 * "not reviewed" tier with the candidates nobody opened), and those candidates.
 */
function eafItems(m: ReportModel): EafItem[] {
  const undecided = new Set(m.candidates.filter((c) => c.status === 'not reviewed' && c.annotationId !== null).map((c) => c.annotationId));
  const annotations = m.annotations
    .filter((a) => !undecided.has(a.id))
    .map((a) => ({
      key: `a${a.number}`,
      tier: a.status === 'rejected' ? REJECTED_TIER : (a.emotion ?? 'no emotion'),
      startMs: a.onset.startMs,
      endMs: Math.max(a.endMs, a.onset.startMs + 1),
      value: annotationValue(a),
      annotator: a.updatedBy,
    }));
  const candidates = m.candidates
    .filter((c) => c.status === 'not reviewed')
    .map((c) => ({
      key: `c${c.index + 1}`,
      tier: NOT_REVIEWED_TIER,
      startMs: c.onset.startMs,
      endMs: Math.max(c.endMs, c.onset.startMs + 1),
      value: candidateValue(c),
      annotator: null,
    }));
  return [...annotations, ...candidates];
}

interface Tier {
  id: string;
  annotations: EafItem[];
}

/** Emotion tiers in taxonomy order, then the rejected and the not reviewed tiers; overlapping items of a tier spill into a numbered sibling. */
function tiersOf(list: EafItem[]): Tier[] {
  const groups = new Map<string, EafItem[]>();
  for (const a of list) groups.set(a.tier, [...(groups.get(a.tier) ?? []), a]);
  const order = [...CURVE_EMOTIONS, 'no emotion', REJECTED_TIER, NOT_REVIEWED_TIER];
  const tiers: Tier[] = [];
  for (const key of order) {
    const members = (groups.get(key) ?? []).sort((x, y) => x.startMs - y.startMs);
    const lanes: { end: number; annotations: EafItem[] }[] = [];
    for (const a of members) {
      const lane = lanes.find((l) => l.end <= a.startMs);
      const end = a.endMs;
      if (lane) {
        lane.annotations.push(a);
        lane.end = end;
      } else lanes.push({ end, annotations: [a] });
    }
    lanes.forEach((l, i) => tiers.push({ id: i === 0 ? key : `${key} (${i + 1})`, annotations: l.annotations }));
  }
  return tiers;
}

/** xsd:dateTime without fractions of a second. */
function eafDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The verified copy when there is one, so ELAN opens the bytes the report speaks of. */
function mediaPath(m: ReportModel): string {
  return m.verification.locations.find((l) => l.state === 'identical')?.path ?? m.recording.path;
}

/** The MIME types ELAN's media descriptors name; any other video is "video/*", which ELAN opens with its generic player. */
function elanMimeType(container: string): string {
  if (/mp4|m4a|3gp/.test(container)) return 'video/mp4';
  if (/mov/.test(container)) return 'video/quicktime';
  if (/^mpeg$|mpegvideo/.test(container)) return 'video/mpeg';
  return 'video/*';
}
