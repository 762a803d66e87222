import type { Annotation } from '../../../src-shared/domain/annotation.js';
import type { Recording } from '../../../src-shared/domain/recording.js';
import { recordingShortfall } from '../../../src-shared/domain/shortfall.js';
import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { formatClock } from '../../../src-shared/time/timecode.js';
import { firstMillisecondAfter } from '../../../src-shared/time/screenMilliseconds.js';
import type { AnalysisRow } from '../../store/analysesRepo.js';
import type { SpottingRunRow } from '../../store/spottingRepo.js';
import { analystLines } from './analysts.js';
import { auditSummary, type AuditInputs } from './auditSummary.js';
import { curveSeries, type EmotionValues } from './curves.js';
import { frameTime, spanMilliseconds } from './frameTime.js';
import { LIMITATIONS } from './limitations.js';
import { analysisSection, spottingSection } from './provenance.js';
import type { AnnotationLine, LocationState, ReportModel, VerificationSection } from './reportModel.js';
import { itemLabel, itemOrigin } from '../../../src-shared/review/itemLabel.js';
import type { CaseDetails } from '../../../src-shared/domain/caseDetails.js';
import { candidateAccount, candidateSentence, unreviewedWarning } from './candidateAccount.js';
import { localTime } from './localTime.js';
import { declaration, methodStatement } from './methodStatement.js';

export interface ReportInputs {
  generatedAt: string;
  generatedBy: string;
  toolVersion: string;
  caseDatabase: string;
  recording: Recording;
  table: FrameTable;
  verification: { at: string; locations: VerificationSection['locations']; mismatchAllowed: boolean };
  /** The newest complete analysis, and the state of the newest analysis of any state. */
  analysis: AnalysisRow | null;
  newestAnalysisStatus: AnalysisRow['status'] | null;
  spotting: SpottingRunRow | null;
  annotations: Annotation[];
  audit: AuditInputs;
  emotions: EmotionValues | null;
  caseDetails: CaseDetails;
  /** The zone of the local times in the human-readable formats. */
  timeZone: string;
  /** Leave the analysts' notes out (--redact-notes). */
  redactNotes: boolean;
  /** Agreement with the complete coding passes (gathered by the caller); null: none. */
  reliability?: ReportModel['reliability'];
}

/** Said where a note was left out of a redacted report. */
export const REDACTED_NOTE = '[note left out of this version of the report]';

/** Buckets of the overview figure: about one per point of its width. */
export const TIMELINE_BUCKETS = 480;
/** Frames shown before and after an accepted annotation in its close-up. */
export const CLOSE_UP_MARGIN_FRAMES = 12;

/** The report, as data. Pure: the same inputs give the same model. */
export function buildReportModel(input: ReportInputs): ReportModel {
  const { recording: r, table: t } = input;
  const inTimeOrder = [...input.annotations].sort((x, y) => x.onsetFrame - y.onsetFrame || x.offsetFrame - y.offsetFrame || x.id - y.id);
  const annotations = inTimeOrder.map((a, i) => annotationLine(t, a, i + 1, input.redactNotes));
  const account = input.spotting
    ? candidateAccount(t, input.spotting.id, input.spotting.candidates, input.annotations)
    : { lines: [], counts: null };
  const verification = verificationSection(input.verification);
  const counts = {
    total: annotations.length,
    accepted: annotations.filter((a) => a.status === 'accepted').length,
    rejected: annotations.filter((a) => a.status === 'rejected').length,
    pending: annotations.filter((a) => a.status === 'pending').length,
  };
  const last = t.ptsTicks.length - 1;
  const endMs = firstMillisecondAfter(t, last);
  const tool = { name: 'Micromoment', version: input.toolVersion };
  const decisionTimes = input.audit.entries.filter((e) => e.action.startsWith('annotation.')).map((e) => e.at);
  const recordingSection = {
    id: r.id,
    name: r.name,
    path: r.path,
    locations: r.locations,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    container: r.probe.container,
    codec: r.probe.videoCodec,
    width: r.probe.width,
    height: r.probe.height,
    rotation: r.probe.rotation,
    frames: r.frames,
    fps: r.fps,
    vfr: r.vfr,
    timeBase: `${t.timeBase.num}/${t.timeBase.den}`,
    durationS: r.durationS,
    duration: formatClock(endMs),
    first: frameTime(t, 0),
    last: frameTime(t, last),
    endMs,
    interlaced: r.probe.interlaced,
    audioStreams: r.probe.audioStreams.length,
    importedAt: r.importedAt,
    importedBy: r.importedBy,
  };
  const analysis = input.analysis ? analysisSection(input.analysis) : null;
  const spotting = input.spotting ? spottingSection(input.spotting) : null;
  return {
    kind: 'micromoment-report',
    schemaVersion: 2,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    timeZone: input.timeZone,
    generatedAtLocal: localTime(input.generatedAt, input.timeZone),
    caseDetails: input.caseDetails,
    examiner: { name: input.generatedBy, role: 'Examiner' },
    examination: { first: decisionTimes[0] ?? null, last: decisionTimes[decisionTimes.length - 1] ?? null },
    tool,
    caseDatabase: input.caseDatabase,
    recording: recordingSection,
    verification,
    analysis,
    spotting,
    analysts: analystLines(input.audit.entries, input.annotations, input.generatedBy),
    annotations,
    counts,
    candidates: account.lines,
    candidateCounts: account.counts,
    unreviewedWarning: account.counts ? unreviewedWarning(account.counts) : null,
    notesRedacted: input.redactNotes,
    method: methodStatement({
      tool,
      recording: recordingSection,
      analysis,
      spotting,
      candidates: account.lines,
      decisions: decisionsBy(annotations),
    }),
    declaration: declaration(input.generatedBy),
    reliability: input.reliability ?? null,
    timeline: input.emotions ? curveSeries(t, input.emotions, 0, r.frames, TIMELINE_BUCKETS) : null,
    closeUps: input.emotions
      ? annotations
          .filter((a) => a.status === 'accepted')
          .map((a) => ({
            annotationId: a.id,
            curves: curveSeries(
              t,
              input.emotions!,
              a.onset.frame - CLOSE_UP_MARGIN_FRAMES,
              a.offset.frame + 1 + CLOSE_UP_MARGIN_FRAMES,
              Number.MAX_SAFE_INTEGER,
            ),
          }))
      : [],
    audit: auditSummary(input.audit),
    notices: notices(input, verification, counts, account.counts),
    limitations: [...LIMITATIONS],
  };
}

/** Who decided which items (candidates decided, hand marks made), by the last person to change each. */
function decisionsBy(annotations: AnnotationLine[]): { by: string; labels: string[] }[] {
  const by = new Map<string, string[]>();
  for (const a of annotations) {
    if (a.status === 'pending') continue;
    by.set(a.updatedBy, [...(by.get(a.updatedBy) ?? []), a.label]);
  }
  return [...by].sort((x, y) => x[0].localeCompare(y[0])).map(([name, labels]) => ({ by: name, labels }));
}

function annotationLine(t: FrameTable, a: Annotation, number: number, redactNotes: boolean): AnnotationLine {
  return {
    number,
    id: a.id,
    label: itemLabel({ candidateIndex: a.candidateIndex, annotationId: a.id }),
    origin: itemOrigin(a),
    status: a.verdict,
    emotion: a.emotion,
    onset: frameTime(t, a.onsetFrame),
    apex: a.apexFrame === null ? null : frameTime(t, a.apexFrame),
    offset: frameTime(t, a.offsetFrame),
    durationFrames: a.offsetFrame - a.onsetFrame + 1,
    durationMs: spanMilliseconds(t, a.onsetFrame, a.offsetFrame),
    endMs: firstMillisecondAfter(t, a.offsetFrame),
    note: redactNotes && a.note.trim() ? REDACTED_NOTE : a.note,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedBy: a.updatedBy,
    updatedAt: a.updatedAt,
  };
}

/** The overall state: any changed copy is a change; else a copy that is identical holds; else missing or unreadable. */
function verificationSection(v: ReportInputs['verification']): VerificationSection {
  const states = v.locations.map((l) => l.state);
  const state: LocationState = states.includes('changed')
    ? 'changed'
    : states.includes('identical')
      ? 'identical'
      : states.includes('unreadable')
        ? 'unreadable'
        : 'missing';
  return { at: v.at, state, holds: state === 'identical', locations: v.locations, mismatchAllowed: v.mismatchAllowed };
}

function notices(
  input: ReportInputs,
  v: VerificationSection,
  counts: ReportModel['counts'],
  candidates: ReportModel['candidateCounts'],
): string[] {
  const out: string[] = [];
  if (!v.holds) out.push(verificationNotice(v));
  const shortfall = recordingShortfall(input.recording);
  if (shortfall) out.push(`The file may be incomplete: ${shortfall}.`);
  if (!input.analysis) {
    out.push(
      input.newestAnalysisStatus === 'running'
        ? 'The analysis of this recording had not finished when this report was made: there are no emotion curves, and face images show the whole frame.'
        : input.newestAnalysisStatus === 'failed'
          ? 'The analysis of this recording failed: there are no emotion curves, and face images show the whole frame.'
          : 'This recording has not been analysed: there are no emotion curves, and face images show the whole frame.',
    );
  }
  if (!input.spotting) out.push('The spotter was not run on this recording: no candidate was proposed by the software.');
  else if (candidates && candidates.notReviewed > 0)
    out.push(`${candidateSentence(candidates)}. Candidates not reviewed are neither findings nor rejections: nobody has looked at them.`);
  if (counts.total === 0 && !input.spotting)
    out.push('There are no annotations on this recording: nobody has marked, accepted or rejected any event.');
  else if (counts.accepted === 0) out.push('No event has been accepted by an analyst: this report contains no confirmed finding.');
  const pendingMarks = input.annotations.filter((a) => a.verdict === 'pending' && a.candidateIndex === null).length;
  if (pendingMarks > 0)
    out.push(`${pendingMarks} hand mark${pendingMarks === 1 ? ' is' : 's are'} still pending: not a finding until accepted.`);
  if (input.redactNotes) out.push("The analysts' notes are left out of this version of the report (--redact-notes).");
  return out;
}

function verificationNotice(v: VerificationSection): string {
  const changed = v.locations.filter((l) => l.state === 'changed');
  if (v.state === 'changed') {
    return (
      `THE ORIGINAL DOES NOT MATCH: ${changed.map((l) => `${l.path} now has SHA-256 ${l.sha256 ?? '?'}`).join('; ')}. ` +
      `The annotations refer to the bytes imported; no frame was decoded from the changed file.`
    );
  }
  if (v.state === 'unreadable')
    return 'THE ORIGINAL COULD NOT BE READ at any known location: its SHA-256 was not verified and no frame was decoded.';
  return 'THE ORIGINAL WAS NOT FOUND at any known location: its SHA-256 was not verified and no frame was decoded.';
}
