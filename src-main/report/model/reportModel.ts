import type { Emotion } from '../../../src-shared/analysis/emotions.js';
import type { Verdict } from '../../../src-shared/domain/annotation.js';
import type { CaseDetails } from '../../../src-shared/domain/caseDetails.js';

/**
 * Everything a report states, computed once (buildReportModel) and rendered by
 * every format alike, so a PDF, its HTML twin and the JSON never disagree.
 * Plain data: strings exactly as shown, numbers where a program wants numbers.
 */
export interface ReportModel {
  kind: 'micromoment-report';
  /** Bumped when a field changes meaning (2: candidates, case details, method, local times). */
  schemaVersion: 2;
  /** UTC, ISO 8601. */
  generatedAt: string;
  generatedBy: string;
  /** The zone the human-readable formats give local times in (the machine's), and the report's time in it. */
  timeZone: string;
  generatedAtLocal: string;
  /** The request this examination answers, as the case holds it (case.set). */
  caseDetails: CaseDetails;
  /** The examiner: the person who made the report. */
  examiner: { name: string; role: string };
  /** The first and last decision on this recording's annotations (UTC), from the audit log; null when none. */
  examination: { first: string | null; last: string | null };
  tool: { name: string; version: string };
  caseDatabase: string;
  recording: RecordingSection;
  verification: VerificationSection;
  analysis: AnalysisSection | null;
  spotting: SpottingSection | null;
  analysts: AnalystLine[];
  annotations: AnnotationLine[];
  counts: { total: number; accepted: number; rejected: number; pending: number };
  /** Every candidate of the spotting run and what became of it (empty without a run). */
  candidates: CandidateLine[];
  candidateCounts: CandidateCounts | null;
  /** Said on every page while any candidate is unreviewed; null when none is. */
  unreviewedWarning: string | null;
  /** The analysts' notes were left out of this version (--redact-notes). */
  notesRedacted: boolean;
  /** How the findings were reached, in plain sentences. */
  method: string[];
  /** The examiner's declaration above the signature line. */
  declaration: string;
  /** Agreement between the working set and the complete coding passes; null when there is no complete pass. */
  reliability: ReliabilitySection | null;
  /** Emotion curves of the whole recording for the timeline figure; null without an analysis. */
  timeline: CurveSeries | null;
  /** For each accepted annotation, the curves frame by frame around it. */
  closeUps: CloseUp[];
  audit: AuditSection;
  /** Plain sentences shown near the top: what is missing or unusual about this report. */
  notices: string[];
  limitations: string[];
}

export interface FrameTime {
  frame: number;
  /** ffprobe's pts_time, six decimals. */
  pts: string;
  /** HH:MM:SS:FF (see src-shared/time/timecode.ts). */
  timecode: string;
  /** HH:MM:SS.mmm since the first frame, truncated. */
  clock: string;
  /** Seconds since the first frame (for figures). */
  elapsedS: number;
  /** First whole millisecond the frame is on screen (EAF). */
  startMs: number;
}

export interface RecordingSection {
  id: number;
  name: string;
  path: string;
  locations: string[];
  sha256: string;
  sizeBytes: number;
  container: string;
  codec: string;
  width: number;
  height: number;
  rotation: number;
  frames: number;
  /** Median frame rate from the frame table, a label. */
  fps: number;
  vfr: boolean;
  timeBase: string;
  durationS: number;
  /** HH:MM:SS.mmm of the recording's length. */
  duration: string;
  first: FrameTime;
  last: FrameTime;
  /** End of the last frame in whole ms (EAF media length). */
  endMs: number;
  interlaced: boolean;
  audioStreams: number;
  importedAt: string;
  importedBy: string;
}

export type LocationState = 'identical' | 'changed' | 'missing' | 'unreadable';

export interface VerificationSection {
  /** When the original was hashed for this report. */
  at: string;
  /** identical: a copy holds the imported bytes and none differs. */
  state: LocationState;
  holds: boolean;
  locations: { path: string; state: LocationState; sha256: string | null }[];
  /** The report was made although the original does not verify (--allow-mismatch). */
  mismatchAllowed: boolean;
}

export interface AnalysisSection {
  id: number;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  fingerprint: string;
  analysisVersion: string;
  toolVersion: string;
  ffmpeg: string;
  models: { name: string; sha256: string }[];
  parameters: { name: string; value: string }[];
  summary: { name: string; value: string }[];
}

export interface SpottingSection {
  runId: number;
  createdAt: string;
  createdBy: string;
  candidates: number;
  parameters: { name: string; value: string }[];
  /** The parameters this run used that differ from this version's defaults ("onThreshold 2.5 (default 6)"). */
  changedFromDefaults: string[];
}

export interface AnalystLine {
  name: string;
  /** What this person did on this recording, e.g. "imported", "12 annotation actions". */
  roles: string[];
}

export interface AnnotationLine {
  /** 1-based, in time order: the order of the figure and the table. */
  number: number;
  /** The item's one name (C3, H17), as the review window and the audit log's descriptions give it. */
  label: string;
  id: number;
  origin: string;
  status: Verdict;
  emotion: Emotion | null;
  onset: FrameTime;
  apex: FrameTime | null;
  offset: FrameTime;
  durationFrames: number;
  /** From the onset frame's time to the end of the offset frame, from the frame table. */
  durationMs: number;
  /** [startMs, endMs) on a millisecond clock (EAF). */
  endMs: number;
  note: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface ReliabilitySection {
  passes: {
    id: number;
    analyst: string;
    blind: boolean;
    hideSpotterEmotion: boolean;
    startedAt: string;
    completedAt: string;
    events: number;
    /** Imported from an annotation file (annotations import): its name and SHA-256; null when coded in the window. */
    importedFrom: { file: string; sha256: string } | null;
  }[];
  /** Each pair of codings ("case": the working set, whose decisions are the findings). */
  pairs: {
    a: string;
    b: string;
    matched: number;
    onlyA: number;
    onlyB: number;
    f1: number | null;
    kappa: number | null;
    disagreements: number;
  }[];
  /** Krippendorff's alpha of all codings, frame by frame, and of the emotions of matched events. */
  alpha: number | null;
  emotionAlpha: number | null;
  minIoU: number;
  /** Disagreements resolved into the working set (annotation.adjudicated entries): it is then not an independent coding. */
  adjudications: number;
}

export type CandidateStatus = 'accepted' | 'relabelled' | 'rejected' | 'not reviewed';

export interface CandidateCounts {
  proposed: number;
  accepted: number;
  relabelled: number;
  rejected: number;
  notReviewed: number;
}

/** A candidate of the spotting run, as proposed, and what the analysts decided. */
export interface CandidateLine {
  index: number;
  /** C1, C2… as the review window names it. */
  label: string;
  kind: string;
  proposedEmotion: string;
  score: number | null;
  onset: FrameTime;
  apex: FrameTime | null;
  offset: FrameTime;
  durationFrames: number;
  durationMs: number;
  /** The first millisecond after the offset frame (EAF). */
  endMs: number;
  status: CandidateStatus;
  /** The emotion decided (null: not decided, or decided without one). */
  finalEmotion: string | null;
  /** The decision moved the onset or the offset. */
  framesMoved: boolean;
  annotationId: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export const CURVE_EMOTIONS = [
  'enjoyment',
  'sadness',
  'anger',
  'fear',
  'surprise',
  'contempt',
  'disgust',
] as const satisfies readonly Emotion[];

/** Per-bucket maxima of each emotion's probability over a span of frames; null where no face. */
export interface CurveSeries {
  fromFrame: number;
  toFrame: number;
  /** Elapsed seconds at the start of each bucket, plus one closing value (the span's end). */
  bucketStartS: number[];
  values: Record<(typeof CURVE_EMOTIONS)[number], (number | null)[]>;
}

export interface CloseUp {
  annotationId: number;
  curves: CurveSeries;
}

export interface AuditSection {
  /** Entries about this recording and its annotations. */
  entries: number;
  first: string | null;
  last: string | null;
  /** `sentence`: the action as said in the report ("imported the recording"). */
  byAction: { action: string; sentence: string; count: number }[];
  byActor: { actor: string; count: number }[];
  /** The whole log's chain, walked at report time. */
  chainRows: number;
  chainIntact: boolean;
  chainProblems: string[];
  head: { seq: number; hash: string } | null;
}
