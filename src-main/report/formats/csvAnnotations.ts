import { csvText } from '../../analysis/output/csvText.js';
import type { CandidateLine, FrameTime, ReportModel } from '../model/reportModel.js';
import { spreadsheetSafe } from './spreadsheetSafe.js';

/** The columns of the annotations CSV, one row per annotation, in time order. */
export const ANNOTATION_CSV_COLUMNS = [
  'number',
  'label',
  'annotation_id',
  'status',
  'emotion',
  'onset_frame',
  'apex_frame',
  'offset_frame',
  'onset_pts_s',
  'apex_pts_s',
  'offset_pts_s',
  'onset_timecode',
  'apex_timecode',
  'offset_timecode',
  'onset_clock',
  'apex_clock',
  'offset_clock',
  'duration_frames',
  'duration_ms',
  'origin',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'note',
  'recording_id',
  'recording_sha256',
  // The audit chain's head when the export was made: `verify --anchor <seq>:<sha256>` checks the case still holds it.
  'audit_head_seq',
  'audit_head_sha256',
  // What became of the spotter's candidate (accepted, relabelled, rejected, not reviewed); empty for a hand mark.
  'candidate_status',
  'proposed_emotion',
  'candidate_score',
] as const;

const part = (t: FrameTime | null, key: 'frame' | 'pts' | 'timecode' | 'clock') => (t ? String(t[key]) : '');

/** Onset, apex and offset as frame, PTS, timecode and clock, then the duration: the same for annotations and candidates. */
function timeCells(x: { onset: FrameTime; apex: FrameTime | null; offset: FrameTime; durationFrames: number; durationMs: number }) {
  const keys = ['frame', 'pts', 'timecode', 'clock'] as const;
  return [...keys.flatMap((k) => [part(x.onset, k), part(x.apex, k), part(x.offset, k)]), x.durationFrames, x.durationMs.toFixed(3)];
}

/** The recording and the audit head the export was made at, on every row. */
function recordingCells(m: ReportModel) {
  return [m.recording.id, m.recording.sha256, m.audit.head?.seq ?? '', m.audit.head?.hash ?? ''];
}

/**
 * RFC 4180 CSV (quoted where needed, csvText.ts; CRLF line ends, UTF-8 with no
 * byte-order mark): one row per annotation, and one per candidate nobody opened
 * (status "not reviewed", no annotation), in time order, so the file accounts
 * for every candidate as the PDF does.
 */
export function annotationsCsv(m: ReportModel): string {
  const byAnnotation = new Map(m.candidates.filter((c) => c.annotationId !== null).map((c) => [c.annotationId, c]));
  const candidateColumns = (c: CandidateLine | undefined) =>
    c ? [c.status, c.proposedEmotion, c.score === null ? '' : c.score.toFixed(3)] : ['', '', ''];
  const annotationRows = m.annotations.map((a) => ({
    onset: a.onset.frame,
    cells: [
      a.number,
      a.label,
      a.id,
      a.status,
      a.emotion ?? '',
      ...timeCells(a),
      a.origin,
      spreadsheetSafe(a.createdBy),
      a.createdAt,
      spreadsheetSafe(a.updatedBy),
      a.updatedAt,
      spreadsheetSafe(a.note),
      ...recordingCells(m),
      ...candidateColumns(byAnnotation.get(a.id)),
    ],
  }));
  const unopened = m.candidates
    .filter((c) => c.annotationId === null)
    .map((c) => ({
      onset: c.onset.frame,
      cells: [
        '',
        c.label,
        '',
        'not reviewed',
        '',
        ...timeCells(c),
        `candidate ${c.index + 1} of spotting run ${m.spotting?.runId ?? '?'}`,
        '',
        '',
        '',
        '',
        '',
        ...recordingCells(m),
        ...candidateColumns(c),
      ],
    }));
  const rows = [...annotationRows, ...unopened].sort((x, y) => x.onset - y.onset).map((r) => r.cells);
  return csvText([ANNOTATION_CSV_COLUMNS, ...rows]);
}
