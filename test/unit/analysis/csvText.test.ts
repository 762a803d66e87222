import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvText } from '../../../src-main/analysis/output/csvText.js';

/** Text rich in what CSV must quote: line feeds and carriage returns alone or paired, quotes, commas. */
const field = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom('\n', '\r', '\r\n', '"', ',', ' ', '=', 'a', 'Ж'), { maxLength: 8 }).map((parts) => parts.join('')),
);
const table = (width: number) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 });
const tables = fc.integer({ min: 2, max: 5 }).chain(table);

describe('csvText: the one CSV writer', () => {
  it('quotes a field with a lone LF, a lone CR, CRLF, a quote or a comma, and nothing else', () => {
    expect(csvText([['a\nb', 'c\rd', 'e\r\nf', 'g"h', 'i,j', ' =1', 'plain']])).toBe('"a\nb","c\rd","e\r\nf","g""h","i,j", =1,plain\r\n');
    expect(csvText([[1, -2.5, 'x']], '\n')).toBe('1,-2.5,x\n');
  });

  // Parsed as spreadsheets read: any line break outside quotes (CRLF, LF or CR alone) ends a record.
  it('reads back as exactly the rows written, one record per row, whatever line break a reader takes (property)', () => {
    for (const lineEnd of ['\r\n', '\n'] as const) {
      fc.assert(
        fc.property(tables, (rows) => {
          expect(parse(csvText(rows, lineEnd), { record_delimiter: ['\r\n', '\n', '\r'] })).toEqual(rows);
        }),
        { numRuns: 1000 },
      );
    }
  });
});
