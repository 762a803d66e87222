import type { Writable } from 'node:stream';
import { FRAME_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import { csvText } from './csvText.js';
import { formatRowValues } from './formatRow.js';

export interface RowWriter {
  write(row: Float64Array, ptsText: string): Promise<void>;
  end(): Promise<void>;
}

/**
 * CSV of numbers only, so no value needs quoting today; rows still go through
 * csvText, as every CSV does, so a text column added later cannot break a row.
 * Writes respect the stream's back-pressure.
 */
export function csvRowWriter(out: Writable): RowWriter {
  let headerDone = false;
  return {
    async write(row, ptsText) {
      if (!headerDone) {
        await write(out, csvText([FRAME_COLUMNS], '\n'));
        headerDone = true;
      }
      await write(out, csvText([formatRowValues(row, ptsText)], '\n'));
    },
    async end() {
      if (!headerDone) await write(out, csvText([FRAME_COLUMNS], '\n'));
    },
  };
}

/** A JSON document `{"columns":[…],"frames":[{…},…]}`, streamed row by row. */
export function jsonRowWriter(out: Writable, header: Record<string, unknown>): RowWriter {
  let first = true;
  const open = JSON.stringify({ ...header, columns: FRAME_COLUMNS }).slice(0, -1) + ',"frames":[\n';
  return {
    async write(row, ptsText) {
      const values = formatRowValues(row, ptsText);
      const entries = FRAME_COLUMNS.map((c, i) => `${JSON.stringify(c)}:${values[i] === '' ? 'null' : values[i]}`);
      await write(out, `${first ? open : ',\n'}{${entries.join(',')}}`);
      first = false;
    },
    async end() {
      await write(out, `${first ? open : '\n'}]}\n`);
    },
  };
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(text, (err) => {
      if (err) reject(err);
    });
    if (ok) resolve();
    else out.once('drain', resolve);
  });
}
