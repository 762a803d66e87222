/**
 * Another coder's annotations read and compared (issue 21): this case's
 * decisions on a variable-frame-rate recording exported as EAF and CSV and read
 * back give the same frames (so agreement is perfect); plain CSVs in frames and
 * seconds; a second coder who differs gets the figures worked by hand; files
 * with any problem are refused whole, the line or annotation named.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyAnnotationChange } from '../../../src-main/annotations/annotationService.js';
import { readAnnotationFile } from '../../../src-main/annotationFiles/readAnnotationFile.js';
import { AnnotationFileRefused } from '../../../src-main/annotationFiles/importedEvent.js';
import { listAnnotations } from '../../../src-main/store/annotationsRepo.js';
import { listAudit } from '../../../src-main/store/auditLog.js';
import { createContext } from '../../../src-main/app/context.js';
import { getFrameTable } from '../../../src-main/store/recordingsRepo.js';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { elapsedSeconds } from '../../../src-shared/time/frameTable.js';
import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { ensureFixtures } from '../../fixtures/generate.js';
import { tempCase } from '../../helpers/caseStore.js';
import { runCli } from '../../helpers/cli.js';

const ctx = tempCase('Seeder');
const dbPath = path.join(ctx.dir, 'case.sqlite');
const file = (name: string, text: string | Buffer) => {
  const p = path.join(ctx.dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const cli = (args: string[]) => runCli([...args, '--db', dbPath], { env: { MICROMOMENT_ANALYST: 'Checker' } });
let id: number;
let table: FrameTable;

beforeAll(async () => {
  const fixtures = await ensureFixtures();
  const original = path.join(ctx.dir, 'vfr.mkv');
  fs.copyFileSync(fixtures.vfr.path, original);
  id = (await importRecording(ctx, original)).id!;
  table = getFrameTable(ctx.db, id)!;
  const mark = (set: Record<string, unknown>, by = 'A. Analyst') =>
    applyAnnotationChange(ctx.db, id, by, { kind: 'manual', set: set as never });
  mark({ onsetFrame: 3, apexFrame: 5, offsetFrame: 8, emotion: 'fear', verdict: 'accepted' });
  mark({ onsetFrame: 20, apexFrame: 21, offsetFrame: 24, emotion: 'surprise', verdict: 'accepted', note: 'brows, "quoted", Łódź' });
  mark({ onsetFrame: 30, apexFrame: null, offsetFrame: 30, emotion: 'anger', verdict: 'accepted' }, 'B. Böhm');
  mark({ onsetFrame: 40, apexFrame: null, offsetFrame: 45, emotion: 'contempt', verdict: 'rejected' });
  mark({ onsetFrame: 47, apexFrame: null, offsetFrame: 49, emotion: null, verdict: 'pending' });
  ctx.close();
}, 120_000);

/** This case's annotations and audit log, to show a refusal changed nothing. */
function caseState() {
  const c = createContext({ dbPath, analyst: 'reader' });
  try {
    return { annotations: listAnnotations(c.db, id), audit: listAudit(c.db, 0, 10_000).length };
  } finally {
    c.close();
  }
}

describe("another coder's annotation files", () => {
  it('EAF exported by Micromoment and read again gives the same frames, emotions and statuses (variable frame rate)', async () => {
    const eaf = path.join(ctx.dir, 'case.eaf');
    expect((await cli(['report', String(id), '--out', eaf])).code).toBe(0);
    const read = readAnnotationFile(eaf, table);
    expect(read.format).toBe('eaf');
    expect(read.events.map((e) => [e.onset, e.offset, e.emotion, e.verdict])).toEqual([
      [3, 8, 'fear', 'accepted'],
      [20, 24, 'surprise', 'accepted'],
      [30, 30, 'anger', 'accepted'],
      [47, 49, null, 'pending'],
    ]);
    expect(read.skipped).toEqual(['tier "rejected" (1 annotation) left out']);
    const run = await cli(['agreement', String(id), '--with', eaf, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout) as {
      pairs: { f1: number; kappa: number; meanDifference: Record<string, number | null> }[];
      alpha: number;
    };
    expect(figures.pairs[0]).toMatchObject({ f1: 1, kappa: 1, meanDifference: { onset: 0, offset: 0 } });
    expect(figures.alpha).toBeCloseTo(1, 12);
  });

  it("Micromoment's CSV and the plain CSVs (frames, seconds) read back as the same events", async () => {
    const csv = path.join(ctx.dir, 'case.csv');
    expect((await cli(['report', String(id), '--out', csv])).code).toBe(0);
    const own = readAnnotationFile(csv, table);
    expect(own.format).toBe('micromoment-csv');
    expect(own.events.map((e) => [e.onset, e.apex, e.offset, e.emotion, e.verdict])).toEqual([
      [3, 5, 8, 'fear', 'accepted'],
      [20, 21, 24, 'surprise', 'accepted'],
      [30, null, 30, 'anger', 'accepted'],
      [47, null, 49, null, 'pending'],
    ]);
    expect(own.events[1]!.note).toBe('brows, "quoted", Łódź');
    const frames = readAnnotationFile(file('frames.csv', 'onset,offset,emotion\n3,8,Fear\n20,24,surprised\n'), table);
    expect(frames.format).toBe('csv-frames');
    expect(frames.events.map((e) => [e.onset, e.offset, e.emotion])).toEqual([
      [3, 8, 'fear'],
      [20, 24, 'surprise'],
    ]);
    // Seconds since the first frame: each frame's own time, and a time inside a frame, give that frame.
    const s = (f: number) => elapsedSeconds(table, f);
    const within = (s(9) + s(10)) / 2;
    const seconds = readAnnotationFile(
      file('seconds.csv', `onset_s,offset_s,emotion\n${s(3).toFixed(6)},${within.toFixed(6)},fear\n`),
      table,
    );
    expect(seconds.format).toBe('csv-seconds');
    expect(seconds.events.map((e) => [e.onset, e.offset])).toEqual([[3, 9]]);
  });

  it('compares a second coder who differs, with the figures worked by hand', async () => {
    // B agrees on fear (same frames), calls the surprise fear (frames 21–24: IoU 4/5), misses anger, adds enjoyment.
    const other = file('coder-b.csv', 'onset,offset,emotion\n3,8,fear\n21,24,fear\n10,12,enjoyment\n');
    const run = await cli(['agreement', String(id), '--with', other, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const pair = (JSON.parse(run.stdout) as { pairs: Record<string, unknown>[] }).pairs[0]!;
    expect(pair).toMatchObject({ a: 'case', b: 'coder-b.csv', matched: 2, onlyA: 1, onlyB: 1 });
    expect(pair.precision).toBeCloseTo(2 / 3, 12);
    expect(pair.recall).toBeCloseTo(2 / 3, 12);
    expect(pair.f1).toBeCloseTo(2 / 3, 12);
    // Matched emotions fear/fear and surprise/fear: po 1/2, pe 1/2·1 = 1/2 → kappa 0.
    expect(pair.kappa).toBeCloseTo(0, 12);
    expect(pair.meanDifference).toEqual({ onset: 0.5, apex: null, offset: 0 });
    const human = await cli(['agreement', String(id), '--with', other]);
    expect(human.stdout).toContain('case and coder-b.csv: 2 matched, 1 only in case, 1 only in coder-b.csv; F1 0.67');
    expect(human.stdout).toContain("Krippendorff's alpha of all coders, frame by frame:");
  });

  it('refuses a file with any problem whole, naming the line or annotation, and imports nothing', async () => {
    const refused = (name: string, text: string | Buffer) => {
      try {
        readAnnotationFile(file(name, text), table);
      } catch (err) {
        expect(err).toBeInstanceOf(AnnotationFileRefused);
        return (err as Error).message;
      }
      throw new Error(`${name} was read`);
    };
    expect(refused('unknown.csv', 'onset,offset,emotion\n3,8,fear\n9,12,boredom\n')).toContain(
      'line 3: emotion "boredom" is none of the seven',
    );
    expect(refused('order.csv', 'onset,offset,emotion\n8,3,fear\n')).toContain('line 2: the onset (8) is after the offset (3)');
    expect(refused('beyond.csv', 'onset,offset,emotion\n45,60,fear\n')).toContain('line 2: frame 60 is beyond the recording (frames 0–49)');
    expect(refused('header.csv', 'start;end;label\n1;2;fear\n')).toContain('line 1: the header is none of the kinds read');
    expect(refused('latin1.csv', Buffer.from('onset,offset,emotion\n1,2,fear\n3,4,\xe9\n', 'latin1'))).toContain('it is not UTF-8 text');
    expect(refused('broken.eaf', '<ANNOTATION_DOCUMENT><TIER TIER_ID="fear">')).toContain('it is not well-formed XML');
    const eaf = (tier: string, start: number, end: number) =>
      `<?xml version="1.0"?><ANNOTATION_DOCUMENT><HEADER TIME_UNITS="milliseconds"/><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="${start}"/>` +
      `<TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="${end}"/></TIME_ORDER><TIER TIER_ID="${tier}"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a7" ` +
      `TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t2"><ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>`;
    expect(refused('tier.eaf', eaf('Gesture', 100, 200))).toContain('tier "Gesture" names no emotion');
    expect(refused('late.eaf', eaf('fear', 100, 99_000))).toContain('annotation a7 (tier "fear") ends at 99000 ms, after the recording');
    expect(refused('backwards.eaf', eaf('fear', 300, 200))).toContain(
      'annotation a7 (tier "fear") ends (200 ms) before it begins (300 ms)',
    );
    // A mapping file names the tier.
    const map = file('map.csv', 'Gesture,ignore\nBrow flash,surprise\n');
    expect(readAnnotationFile(file('mapped.eaf', eaf('Brow flash', 100, 200)), table, map).events.map((e) => e.emotion)).toEqual([
      'surprise',
    ]);
    expect(readAnnotationFile(file('ignored.eaf', eaf('Gesture', 100, 200)), table, map).events).toEqual([]);
    // The CLI says the same and exits 2; the case is as it was.
    const before = caseState();
    const run = await cli(['agreement', String(id), '--with', path.join(ctx.dir, 'order.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('order.csv was not read: line 2: the onset (8) is after the offset (3). Nothing was imported');
    expect(caseState()).toEqual(before);
  });

  it("stores a file as the analyst's complete pass: an EAF exported and imported again gives the same frames; a bad file leaves nothing", async () => {
    const eaf = path.join(ctx.dir, 'case.eaf'); // exported by the first test
    const run = await runCli(['annotations', 'import', String(id), eaf, '--db', dbPath, '--analyst', 'Second Coder']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^imported 4 events from .*case\.eaf \(eaf\) as pass #1 of Second Coder, complete; tier "rejected" \(1 annotation\) left out/,
    );
    const c = createContext({ dbPath, analyst: 'reader' });
    const working = listAnnotations(c.db, id).filter((a) => a.verdict !== 'rejected');
    const imported = listAnnotations(c.db, id, 1);
    expect(imported.map((a) => [a.onsetFrame, a.offsetFrame, a.emotion, a.verdict])).toEqual(
      working.map((a) => [a.onsetFrame, a.offsetFrame, a.emotion, a.verdict]),
    );
    expect(
      listAudit(c.db, 0, 10_000)
        .filter((e) => e.action.startsWith('pass.'))
        .map((e) => e.action),
    ).toEqual(['pass.imported', 'pass.completed']);
    c.close();
    const figures = JSON.parse((await cli(['agreement', String(id), '--passes', 'all', '--json'])).stdout) as {
      pairs: { a: string; b: string; f1: number }[];
    };
    expect(figures.pairs[0]).toMatchObject({ a: 'case', b: 'pass 1', f1: 1 });

    // The file's own bytes are recorded, and the report says where the pass came from.
    const check = createContext({ dbPath, analyst: 'reader' });
    const importEntry = listAudit(check.db, 0, 10_000).find((e) => e.action === 'pass.imported')!;
    check.close();
    expect(importEntry.after).toMatchObject({
      file: 'case.eaf',
      sha256: crypto.createHash('sha256').update(fs.readFileSync(eaf)).digest('hex'),
    });
    expect((await cli(['report', String(id), '--out', path.join(ctx.dir, 'with-pass.json')])).code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(ctx.dir, 'with-pass.json'), 'utf8')) as {
      reliability: { passes: { importedFrom: { file: string } | null }[] };
    };
    expect(report.reliability.passes[0]!.importedFrom).toMatchObject({ file: 'case.eaf' });

    const before = caseState();
    const bad = await runCli([
      'annotations',
      'import',
      String(id),
      path.join(ctx.dir, 'unknown.csv'),
      '--db',
      dbPath,
      '--analyst',
      'Third Coder',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown.csv was not read: line 3: emotion "boredom" is none of the seven');
    expect(caseState()).toEqual(before);
  });
});
