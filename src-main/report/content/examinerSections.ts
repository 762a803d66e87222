import { CASE_DETAIL_LABELS, type CaseDetailName } from '../../../src-shared/domain/caseDetails.js';
import { candidateSentence } from '../model/candidateAccount.js';
import { localTime } from '../model/localTime.js';
import type { AnnotationLine, CandidateLine, ReportModel } from '../model/reportModel.js';
import { verificationWords, type Fact } from './sections.js';

/**
 * The examiner's report's own parts (SWGDE's structure: the case and request,
 * the summary, the findings, the candidates, the method, the declaration), as
 * words shared by the PDF and HTML writers. Pure.
 */

const NOT_GIVEN = 'not given';

function detail(m: ReportModel, name: CaseDetailName): Fact {
  const value = m.caseDetails[name].trim();
  return { label: CASE_DETAIL_LABELS[name], value: value || NOT_GIVEN };
}

/** A time of the record in the examiner's zone (the appendix gives UTC). */
export function local(m: ReportModel, iso: string | null): string {
  return iso ? localTime(iso, m.timeZone) : 'none';
}

export function caseFacts(m: ReportModel): Fact[] {
  const e = m.examination;
  return [
    detail(m, 'caseNumber'),
    detail(m, 'exhibit'),
    detail(m, 'requester'),
    detail(m, 'requestedOn'),
    { label: 'Examiner', value: `${m.examiner.name} (${m.examiner.role.toLowerCase()})` },
    detail(m, 'reviewer'),
    { label: 'Examination', value: e.first ? `decisions from ${local(m, e.first)} to ${local(m, e.last)}` : 'no decision made yet' },
    { label: 'Report made', value: local(m, m.generatedAt) },
  ];
}

export function requestFacts(m: ReportModel): Fact[] {
  return [detail(m, 'request'), detail(m, 'question')];
}

export function summaryLines(m: ReportModel): Fact[] {
  const findings = m.annotations.filter((a) => a.status === 'accepted');
  const marks = m.annotations.filter((a) => a.label.startsWith('H'));
  return [
    { label: 'Recording', value: `#${m.recording.id} ${m.recording.name} (${m.recording.frames} frames, ${m.recording.duration})` },
    { label: 'SHA-256 (imported)', value: m.recording.sha256, mono: true },
    { label: 'Original', value: verificationWords(m, local(m, m.verification.at)) },
    { label: 'Candidates', value: m.candidateCounts ? candidateSentence(m.candidateCounts) : 'the spotter was not run' },
    {
      label: 'Hand marks',
      value: marks.length === 0 ? 'none' : `${marks.length} (${marks.filter((a) => a.status === 'accepted').length} accepted)`,
    },
    {
      label: 'Findings',
      value:
        findings.length === 0
          ? 'none: no event has been accepted'
          : `${findings.length} event${findings.length === 1 ? '' : 's'} accepted by an analyst (listed below)`,
    },
  ];
}

export const FINDING_HEADERS = ['#', 'Emotion', 'Onset', 'Offset', 'Duration', 'Decided by'] as const;

export function findingCells(m: ReportModel, a: AnnotationLine): string[] {
  const t = (x: AnnotationLine['onset']) => `frame ${x.frame}\n${x.timecode}`;
  const candidate = m.candidates.find((c) => c.annotationId === a.id);
  const emotion = a.emotion ?? 'none named';
  return [
    a.label,
    candidate?.status === 'relabelled' ? `${emotion}\n(proposed: ${candidate.proposedEmotion})` : emotion,
    t(a.onset),
    t(a.offset),
    `${a.durationFrames} frame${a.durationFrames === 1 ? '' : 's'}\n${a.durationMs.toFixed(1)} ms`,
    `${a.updatedBy}\n${local(m, a.updatedAt)}`,
  ];
}

export const CANDIDATE_HEADERS = ['#', 'Kind', 'Proposed', 'Score', 'Frames', 'Status', 'Decided by, when'] as const;

export function candidateCells(m: ReportModel, c: CandidateLine): string[] {
  const status =
    c.status === 'relabelled'
      ? `relabelled: ${c.finalEmotion ?? 'none'}`
      : c.status === 'accepted' && c.framesMoved
        ? 'accepted (frames moved)'
        : c.status;
  return [
    c.label,
    c.kind,
    c.proposedEmotion,
    c.score === null ? '–' : c.score.toFixed(2),
    `${c.onset.frame}–${c.offset.frame}\n${c.durationMs.toFixed(0)} ms`,
    status,
    c.decidedBy ? `${c.decidedBy}\n${local(m, c.decidedAt)}` : '–',
  ];
}

/** The signature block: one per signer (the examiner, and the reviewer when the case names one). */
export function signers(m: ReportModel): { role: string; name: string }[] {
  const out = [{ role: 'Examiner', name: m.examiner.name }];
  const reviewer = m.caseDetails.reviewer.trim();
  if (reviewer) out.push({ role: 'Technical reviewer', name: reviewer });
  return out;
}

export const APPENDIX_TIMES_NOTE = 'Times in this appendix are UTC (ISO 8601), as the case records them.';
