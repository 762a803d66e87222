import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV the project writes goes through here (RFC 4180, comma-separated).
 * A field is quoted, its quotes doubled, when it holds a quote, a comma, a
 * carriage return or a line feed, each alone or in a pair. csv-stringify
 * quotes a line break only when it is the whole record delimiter (CRLF), so
 * without `quoted_match` a note holding a lone LF or CR was written bare: the
 * row split in two, and a line of the note beginning `=` came out as a row
 * whose first cell no apostrophe guarded.
 */
export function csvText(rows: readonly (readonly (string | number)[])[], lineEnd: '\r\n' | '\n' = '\r\n'): string {
  return stringify(
    rows.map((row) => row.map(String)),
    {
      delimiter: ',',
      quote: '"',
      escape: '"',
      quoted_match: /[\r\n]/,
      record_delimiter: lineEnd === '\r\n' ? 'windows' : 'unix',
    },
  );
}
