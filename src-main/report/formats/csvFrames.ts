import { FRAME_COLUMNS, STORED_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { formatPtsSeconds, frameToClock, frameToTimecode } from '../../../src-shared/time/timecode.js';
import { csvText } from '../../analysis/output/csvText.js';
import { formatRowValues } from '../../analysis/output/formatRow.js';
import type { AnnotationLine } from '../model/reportModel.js';

/** Frame identity and time first (OpenFace-style), then the annotation covering the frame, then the analysis. */
export const FRAME_CSV_COLUMNS = [
  'frame',
  'pts_s',
  'timecode',
  'clock',
  'annotation',
  'annotation_status',
  'annotation_emotion',
  ...FRAME_COLUMNS.slice(2),
  // The audit chain's head when the export was made (the same on every row): `verify --anchor <seq>:<sha256>` checks the case still holds it.
  'audit_head_seq',
  'audit_head_sha256',
] as const;

export interface FrameRowsSource {
  table: FrameTable;
  annotations: AnnotationLine[];
  auditHead: { seq: number; hash: string } | null;
  /** Stored analysis values of frames [from, from + count), frame-major (STORED_COLUMNS wide), or null without an analysis. */
  readValues: ((from: number, count: number) => Float32Array) | null;
}

const BLOCK = 4096;

/**
 * One row per decoded frame: exactly as many rows as the frame table, numbers
 * formatted as the analyze command prints them. A frame covered by several
 * annotations lists their numbers separated by spaces. Without an analysis
 * the analysis columns are empty and face = '' (unknown, not 0).
 */
export function framesCsv(src: FrameRowsSource): string {
  const n = src.table.ptsTicks.length;
  const covering = coveringAnnotations(src.annotations, n);
  const out: string[] = [csvText([FRAME_CSV_COLUMNS])];
  const row = new Float64Array(FRAME_COLUMNS.length);
  const head = [src.auditHead ? String(src.auditHead.seq) : '', src.auditHead?.hash ?? ''] as const;
  for (let from = 0; from < n; from += BLOCK) {
    const count = Math.min(BLOCK, n - from);
    const values = src.readValues?.(from, count) ?? null;
    const rows: string[][] = [];
    for (let i = 0; i < count; i++) {
      const f = from + i;
      row.fill(NaN);
      row[0] = f;
      if (values) for (let c = 0; c < STORED_COLUMNS.length; c++) row[c + 2] = values[i * STORED_COLUMNS.length + c] as number;
      const formatted = formatRowValues(row, formatPtsSeconds(src.table, f));
      const here = covering[f] ?? [];
      rows.push([
        String(f),
        formatted[1] as string,
        frameToTimecode(src.table, f),
        frameToClock(src.table, f),
        here.map((a) => a.label).join(' '),
        here.map((a) => a.status).join(' '),
        here.map((a) => a.emotion ?? 'none').join(' '),
        ...formatted.slice(2),
        head[0],
        head[1],
      ]);
    }
    out.push(csvText(rows));
  }
  return out.join('');
}

function coveringAnnotations(list: AnnotationLine[], frames: number): AnnotationLine[][] {
  const by: AnnotationLine[][] = new Array(frames);
  for (const a of list) {
    for (let f = a.onset.frame; f <= a.offset.frame && f < frames; f++) (by[f] ??= []).push(a);
  }
  return by;
}
