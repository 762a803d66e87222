import { csvText } from '../../analysis/output/csvText.js';
import type { FrameTime, ReportModel } from '../model/reportModel.js';
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
] as const;

const part = (t: FrameTime | null, key: 'frame' | 'pts' | 'timecode' | 'clock') => (t ? String(t[key]) : '');

/** RFC 4180 CSV (quoted where needed, csvText.ts; CRLF line ends, UTF-8 with no byte-order mark). */
export function annotationsCsv(m: ReportModel): string {
  const rows = m.annotations.map((a) => [
    a.number,
    a.label,
    a.id,
    a.status,
    a.emotion ?? '',
    a.onset.frame,
    part(a.apex, 'frame'),
    a.offset.frame,
    a.onset.pts,
    part(a.apex, 'pts'),
    a.offset.pts,
    a.onset.timecode,
    part(a.apex, 'timecode'),
    a.offset.timecode,
    a.onset.clock,
    part(a.apex, 'clock'),
    a.offset.clock,
    a.durationFrames,
    a.durationMs.toFixed(3),
    a.origin,
    spreadsheetSafe(a.createdBy),
    a.createdAt,
    spreadsheetSafe(a.updatedBy),
    a.updatedAt,
    spreadsheetSafe(a.note),
    m.recording.id,
    m.recording.sha256,
    m.audit.head?.seq ?? '',
    m.audit.head?.hash ?? '',
  ]);
  return csvText([ANNOTATION_CSV_COLUMNS, ...rows]);
}
