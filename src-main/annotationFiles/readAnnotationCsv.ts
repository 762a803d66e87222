import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { readCsv } from '../evaluation/csv.js';
import { isEmotion, normaliseEmotion } from '../evaluation/emotionLabels.js';
import type { AnnotationFileFormat, ImportedEvent } from './importedEvent.js';
import type { TierMapping } from './readEaf.js';
import { frameAtSeconds } from './timeToFrames.js';

type CsvFormat = Exclude<AnnotationFileFormat, 'eaf'>;

/**
 * The events of a CSV file, one of three kinds, told by its header:
 * Micromoment's own annotation CSV (`label`, `status`, `onset_frame`…: accepted
 * and pending rows are read, rejected and unreviewed ones left out), a plain
 * `onset,offset,emotion` in frames counted from 0 (`apex` optional), or
 * `onset_s,offset_s,emotion` in seconds since the first frame (`apex_s`
 * optional), mapped to the frame on screen at that time by the frame table.
 * Problems are collected, each naming its line.
 */
export function readAnnotationCsv(
  text: string,
  table: FrameTable,
  map: ReadonlyMap<string, TierMapping>,
): { format: CsvFormat | null; events: ImportedEvent[]; skipped: string[]; problems: string[] } {
  const records = readCsv(text);
  const header = records[0];
  if (!header) return { format: null, events: [], skipped: [], problems: ['it has no header line'] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const col = (name: string) => columns.indexOf(name);
  const format: CsvFormat | null =
    col('onset_frame') >= 0 && col('status') >= 0 && col('label') >= 0
      ? 'micromoment-csv'
      : col('onset') >= 0 && col('offset') >= 0 && col('emotion') >= 0
        ? 'csv-frames'
        : col('onset_s') >= 0 && col('offset_s') >= 0 && col('emotion') >= 0
          ? 'csv-seconds'
          : null;
  if (!format)
    return {
      format,
      events: [],
      skipped: [],
      problems: [
        `line ${header.line}: the header is none of the kinds read (onset,offset,emotion in frames; ` +
          "onset_s,offset_s,emotion in seconds; or Micromoment's annotation CSV)",
      ],
    };
  const names =
    format === 'micromoment-csv'
      ? { onset: 'onset_frame', apex: 'apex_frame', offset: 'offset_frame' }
      : format === 'csv-frames'
        ? { onset: 'onset', apex: 'apex', offset: 'offset' }
        : { onset: 'onset_s', apex: 'apex_s', offset: 'offset_s' };
  const frames = table.ptsTicks.length;
  const events: ImportedEvent[] = [];
  const problems: string[] = [];
  let skippedRows = 0;
  for (const record of records.slice(1)) {
    const where = `line ${record.line}`;
    const cell = (name: string) => (col(name) >= 0 ? (record.fields[col(name)] ?? '').trim() : '');
    if (format === 'micromoment-csv') {
      const status = cell('status');
      if (status === 'rejected' || status === 'not reviewed') {
        skippedRows += 1;
        continue;
      }
      if (status !== 'accepted' && status !== 'pending') {
        problems.push(`${where}: status "${status}" is none of accepted, pending, rejected, not reviewed`);
        continue;
      }
    }
    const toFrame = (name: string, required: boolean): number | null | undefined => {
      const raw = cell(name);
      if (raw === '') {
        if (required) problems.push(`${where}: ${name} is empty`);
        return required ? undefined : null;
      }
      if (format === 'csv-seconds') {
        const seconds = Number(raw);
        const frame = /^\d+(\.\d+)?$/.test(raw) ? frameAtSeconds(table, seconds) : null;
        if (frame === null) {
          problems.push(`${where}: ${name} "${raw}" is not a time in seconds ≥ 0`);
          return undefined;
        }
        return frame;
      }
      if (!/^\d+$/.test(raw)) {
        problems.push(`${where}: ${name} "${raw}" is not a frame number (whole, from 0)`);
        return undefined;
      }
      return Number(raw);
    };
    const onset = toFrame(names.onset, true);
    const offset = toFrame(names.offset, true);
    const apex = toFrame(names.apex, false);
    if (onset === undefined || offset === undefined || apex === undefined) continue;
    if (onset === null || offset === null) continue;
    if (onset > offset) {
      problems.push(`${where}: the onset (${onset}) is after the offset (${offset})`);
      continue;
    }
    if (offset >= frames) {
      problems.push(`${where}: frame ${offset} is beyond the recording (frames 0–${frames - 1})`);
      continue;
    }
    if (apex !== null && (apex < onset || apex > offset)) {
      problems.push(`${where}: the apex (${apex}) is not between the onset and the offset`);
      continue;
    }
    const label = cell('emotion');
    const mapped = label === '' ? 'no emotion' : (map.get(label) ?? normaliseEmotion(label));
    if (mapped === 'ignore') {
      skippedRows += 1;
      continue;
    }
    if (mapped !== 'no emotion' && !isEmotion(mapped)) {
      problems.push(`${where}: emotion "${label}" is none of the seven (map it with --map: a line "${label},<emotion>")`);
      continue;
    }
    events.push({
      onset,
      apex,
      offset,
      emotion: mapped === 'no emotion' ? null : mapped,
      verdict: format === 'micromoment-csv' && cell('status') === 'pending' ? 'pending' : 'accepted',
      note: cell('note'),
      where,
    });
  }
  const skipped = skippedRows
    ? [`${skippedRows} row${skippedRows === 1 ? '' : 's'} of rejected, unreviewed or ignored items left out`]
    : [];
  return { format, events, skipped, problems };
}
