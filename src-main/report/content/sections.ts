import type { AnnotationLine, FrameTime, ReportModel } from '../model/reportModel.js';

/**
 * The words and values of each section of the human-readable report, shared
 * by the PDF and the HTML writers so both say exactly the same. Pure.
 */
export interface Fact {
  label: string;
  value: string;
  /** Hashes and paths: shown in a monospaced font, broken anywhere. */
  mono?: boolean;
}

export function reportTitle(m: ReportModel): string {
  return `Examination report, micro expressions: ${m.recording.name}`;
}

/** How the original verified at report time; `when` is the time as the section gives it (UTC by default). */
export function verificationWords(m: ReportModel, when: string = m.verification.at): string {
  const v = m.verification;
  const at = `at ${when}`;
  if (v.state === 'identical') {
    const where = v.locations
      .filter((l) => l.state === 'identical')
      .map((l) => l.path)
      .join(', ');
    return `verified ${at}: identical to the import (${where})`;
  }
  if (v.state === 'changed') return `DOES NOT MATCH ${at}: the file now has other bytes (report made with --allow-mismatch)`;
  if (v.state === 'unreadable') return `NOT VERIFIED ${at}: no known location could be read (report made with --allow-mismatch)`;
  return `NOT VERIFIED ${at}: the original is missing from every known location (report made with --allow-mismatch)`;
}

/** About this report itself (appendix): where its records are, when and by whom it was made, by which tool. */
export function reportFacts(m: ReportModel): Fact[] {
  return [
    { label: 'Case database', value: m.caseDatabase, mono: true },
    { label: 'Report made', value: `${m.generatedAt} by ${m.generatedBy}` },
    { label: 'Local times given in', value: m.timeZone },
    { label: 'Tool', value: `${m.tool.name} ${m.tool.version}` },
    {
      label: 'Annotations',
      value: `${m.counts.total} (${m.counts.accepted} accepted, ${m.counts.rejected} rejected, ${m.counts.pending} pending)`,
    },
    ...(m.notesRedacted ? [{ label: 'Notes', value: 'left out of this version (--redact-notes)' }] : []),
  ];
}

export function recordingFacts(m: ReportModel): Fact[] {
  const r = m.recording;
  return [
    { label: 'First imported from', value: r.path, mono: true },
    ...r.locations.filter((l) => l !== r.path).map((l) => ({ label: 'Also seen at', value: l, mono: true })),
    { label: 'Size', value: `${r.sizeBytes.toLocaleString('en-US')} bytes` },
    { label: 'Container, codec', value: `${r.container}, ${r.codec}` },
    {
      label: 'Picture',
      value: `${r.width}x${r.height} as displayed${r.rotation ? `, rotated ${r.rotation}°` : ''}${r.interlaced ? ', interlaced' : ''}`,
    },
    {
      label: 'Frames',
      value: `${r.frames} (frames 0–${r.frames - 1}), ${r.fps.toFixed(3)} fps median${r.vfr ? ', variable frame rate' : ''}`,
    },
    { label: 'Time base', value: r.timeBase },
    { label: 'First frame', value: timeWords(r.first) },
    { label: 'Last frame', value: timeWords(r.last) },
    { label: 'Duration', value: `${r.duration} (from the first frame to the end of the last)` },
    { label: 'Audio streams', value: String(r.audioStreams) },
    { label: 'Imported', value: `${r.importedAt} by ${r.importedBy}` },
  ];
}

export function locationFacts(m: ReportModel): Fact[] {
  return m.verification.locations.map((l) => ({
    label: l.state === 'identical' ? 'identical' : l.state.toUpperCase(),
    value: `${l.path}${l.sha256 && l.state === 'changed' ? ` (SHA-256 now ${l.sha256})` : ''}`,
    mono: true,
  }));
}

export function analysisFacts(m: ReportModel): Fact[] {
  const a = m.analysis;
  if (!a) return [];
  return [
    {
      label: 'Analysis',
      value: `#${a.id}, ${a.status}, started ${a.startedAt} by ${a.startedBy}${a.finishedAt ? `, finished ${a.finishedAt}` : ''}`,
    },
    { label: 'Pipeline', value: `analysis version ${a.analysisVersion}, Micromoment ${a.toolVersion}, ffmpeg ${a.ffmpeg}` },
    { label: 'Fingerprint', value: a.fingerprint, mono: true },
    ...a.models.map((x) => ({ label: `Model ${x.name}`, value: `SHA-256 ${x.sha256}`, mono: true })),
    ...analysisOutcome(a.summary),
  ];
}

/** Faces found and decoder trouble, from the analysis summary, when it has them. */
function analysisOutcome(summary: { name: string; value: string }[]): Fact[] {
  const get = (name: string) => summary.find((x) => x.name === name)?.value;
  const [faces, frames, errors, damaged] = [get('faceFrames'), get('frames'), get('decoderErrors'), get('framesWithDecodeIssues')];
  const out: Fact[] = [];
  if (faces !== undefined && frames !== undefined) out.push({ label: 'Face found', value: `in ${faces} of ${frames} frames` });
  if (errors !== undefined)
    out.push({ label: 'Decoder errors', value: `${errors}${damaged !== undefined ? ` (${damaged} frames marked decode_issue)` : ''}` });
  return out;
}

export function spottingFacts(m: ReportModel): Fact[] {
  const s = m.spotting;
  if (!s) return [];
  return [
    {
      label: 'Spotting run',
      value: `#${s.runId}, ${s.createdAt} by ${s.createdBy}: ${s.candidates} candidate${s.candidates === 1 ? '' : 's'}`,
    },
  ];
}

export function timeWords(t: FrameTime): string {
  return `frame ${t.frame}, ${t.timecode}, PTS ${t.pts} s`;
}

export const ANNOTATION_HEADERS = ['#', 'Status', 'Emotion', 'Onset', 'Apex', 'Offset', 'Duration', 'Analyst'] as const;

/** One row per annotation: frame, timecode and PTS of onset, apex and offset, one per line. */
export function annotationCells(a: AnnotationLine): string[] {
  const cell = (t: FrameTime | null) => (t ? `frame ${t.frame}\n${t.timecode}\n${t.pts} s` : 'not marked');
  return [
    a.label,
    a.status,
    a.emotion ?? 'none',
    cell(a.onset),
    cell(a.apex),
    cell(a.offset),
    `${a.durationFrames} frame${a.durationFrames === 1 ? '' : 's'}\n${a.durationMs.toFixed(1)} ms`,
    a.updatedBy === a.createdBy ? a.createdBy : `${a.createdBy}, then ${a.updatedBy}`,
  ];
}

export function annotationNoteLine(a: AnnotationLine): string {
  return a.note.trim() ? `Note: ${a.note}` : 'Note: none';
}

/** Where it came from and its last change; `when` is the change's time as the section gives it (UTC by default). */
export function annotationOrigin(a: AnnotationLine, when: string = a.updatedAt): string {
  return `${a.origin}; last changed ${when} by ${a.updatedBy}`;
}

export function auditFacts(m: ReportModel): Fact[] {
  const a = m.audit;
  return [
    { label: 'Entries on this recording', value: a.entries === 0 ? 'none' : `${a.entries}, from ${a.first} to ${a.last}` },
    { label: 'By action', value: a.byAction.map((x) => `${x.sentence} ×${x.count} (${x.action})`).join('; ') || 'none' },
    { label: 'By person', value: a.byActor.map((x) => `${x.actor} ×${x.count}`).join(', ') || 'none' },
    {
      label: 'Chain',
      value: a.chainIntact
        ? `intact: ${a.chainRows === 1 ? 'the one entry' : `all ${a.chainRows} entries`} of the case verif${a.chainRows === 1 ? 'ies' : 'y'}`
        : `BROKEN: ${a.chainProblems.join('; ')}`,
    },
    // Written as `verify --anchor` takes it: a later check shows whether the case still holds this head.
    ...(a.head
      ? [{ label: 'Audit chain head before this report (check with verify --anchor)', value: `${a.head.seq}:${a.head.hash}`, mono: true }]
      : []),
  ];
}

export function analystLines(m: ReportModel): Fact[] {
  return m.analysts.map((a) => ({ label: a.name, value: a.roles.join(', ') }));
}
