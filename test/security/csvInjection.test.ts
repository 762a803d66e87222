// Attack: an annotation note (or an analyst name) written so that the CSV
// report, opened in a spreadsheet, runs a formula. A note holding a lone line
// feed or carriage return was written unquoted: the row split, and its second
// line `=2+5+cmd|' /C calc'!A0` became a row of its own whose first cell no
// apostrophe guarded. Spaces before `=` also got past the guard.
// Promise: in every CSV the project writes, a cell holding CR, LF (alone or
// paired), a quote or the comma is quoted (src-main/analysis/output/csvText.ts),
// so each annotation is exactly one row whatever its note; and a free-text cell
// whose first non-white-space character is = + - @, or that starts with a tab,
// CR or NUL, gets a leading apostrophe, numbers excepted (spreadsheetSafe.ts).
// The notes are stored through the real API (annotations.apply) and exported
// with the built CLI; the JSON report keeps them exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { createDispatcher } from '../../src-main/api/dispatcher.js';
import { handlers } from '../../src-main/api/handlers.js';
import { createContext } from '../../src-main/app/context.js';
import { runCli } from '../helpers/cli.js';
import { realMediaDir, tempDir } from '../helpers/paths.js';

const CALC = "=2+5+cmd|' /C calc'!A0";
/** Each note, and whether the CSV must guard it with an apostrophe. */
const HOSTILE: [string, boolean][] = [
  [`lone LF, then a formula\n${CALC}`, false],
  [`lone CR, then a formula\r${CALC}`, false],
  [`CRLF, then a formula\r\n@SUM(1+1)*cmd|' /C calc'!A0`, false],
  ['quotes "inside", and "more"', false],
  ['the delimiter, twice, here', false],
  [`   ${CALC}`, true],
  [`\n${CALC}`, true],
  [`\t${CALC}`, true],
  ["+1+cmd|' /C calc'!A0", true],
  ["-1+cmd|' /C calc'!A0", true],
  ['-1.5', false],
  ['an ordinary note', false],
];
const HOSTILE_NOTES = HOSTILE.map(([note]) => note);
const guarded = (text: string, guard: boolean) => (guard ? `'${text}` : text);
const ANALYSTS: [string, boolean][] = [
  ['A. Analyst', false],
  ["@SUM(1)*cmd|' /C calc'!A0", true],
];
// A cell a spreadsheet would evaluate: its first non-white-space character starts a formula, or a tab/CR/NUL leads.
// eslint-disable-next-line no-control-regex -- the controls are what is checked for
const FORMULA = /^[\t\r\u0000]|^\s*[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

describe('CSV report of hostile notes', () => {
  it('one row per annotation, each note cell the guarded note, and no cell a spreadsheet would evaluate', async () => {
    const dir = tempDir('mm-sec-csv-');
    const db = path.join(dir, 'case.sqlite');
    const env = { MICROMOMENT_DATA_DIR: path.join(dir, 'data') };
    const original = path.join(dir, 'interview.mp4');
    fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), original);
    const imported = await runCli(['import', original, '--db', db], { env });
    expect(imported.code, imported.stderr).toBe(0);

    const ctx = createContext({ dbPath: db, analyst: 'seeder' });
    const dispatch = createDispatcher(ctx, handlers);
    for (const [i, note] of HOSTILE_NOTES.entries()) {
      const onsetFrame = 10 + i * 20;
      const change = {
        kind: 'manual',
        set: { onsetFrame, apexFrame: onsetFrame + 2, offsetFrame: onsetFrame + 5, emotion: 'fear', verdict: 'accepted', note },
      };
      const outcome = await dispatch('annotations.apply', { recordingId: 1, analyst: ANALYSTS[i % 2]![0], change });
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    }
    ctx.close();

    const csvFile = path.join(dir, 'annotations.csv');
    const run = await runCli(['report', '1', '--db', db, '--format', 'csv', '--out', csvFile], { env });
    expect(run.code, run.stderr).toBe(0);
    // Read as a spreadsheet reads it: any line break outside quotes (CRLF, LF or CR alone) ends a row.
    const rows = parseCsv(fs.readFileSync(csvFile, 'utf8'), {
      columns: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as Record<string, string>[];

    const evaluated = rows.flatMap((row) => Object.values(row)).filter((cell) => FORMULA.test(cell) && !PLAIN_NUMBER.test(cell));
    expect(evaluated).toEqual([]);
    expect(rows).toHaveLength(HOSTILE_NOTES.length);
    expect(rows.map((r) => r.note)).toEqual(HOSTILE.map(([note, guard]) => guarded(note, guard)));
    expect(rows.map((r) => r.created_by)).toEqual(HOSTILE.map((_, i) => guarded(...ANALYSTS[i % 2]!)));
    for (const row of rows) expect(row.recording_sha256).toMatch(/^[0-9a-f]{64}$/); // the last column: each row reached its end whole

    const json = path.join(dir, 'report.json');
    expect((await runCli(['report', '1', '--db', db, '--out', json], { env })).code).toBe(0);
    const model = JSON.parse(fs.readFileSync(json, 'utf8')) as { annotations: { note: string }[] };
    expect(model.annotations.map((a) => a.note)).toEqual(HOSTILE_NOTES);
  });
});
