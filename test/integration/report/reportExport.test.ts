/**
 * Reports as a reader gets them: the built CLI writes each format of a real,
 * analysed and annotated recording; the PDF is read with poppler (text, word
 * boxes, fonts) and its pages rendered to PNG; the HTML is opened in Chromium;
 * CSV, JSON and EAF are parsed. A changed or missing original is refused, or
 * stated on every page with --allow-mismatch.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { handlers } from '../../../src-main/api/handlers.js';
import { createContext } from '../../../src-main/app/context.js';
import { applyAnnotationChange } from '../../../src-main/annotations/annotationService.js';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { listAudit } from '../../../src-main/store/auditLog.js';
import { getFrameTable } from '../../../src-main/store/recordingsRepo.js';
import { visibleText } from '../../../src-main/report/content/visibleText.js';
import type { ReportModel } from '../../../src-main/report/model/reportModel.js';
import { formatPtsSeconds } from '../../../src-shared/time/timecode.js';
import { ensureFixtures } from '../../fixtures/generate.js';
import { launchChromium } from '../../helpers/browser.js';
import { tempCase } from '../../helpers/caseStore.js';
import { runCli } from '../../helpers/cli.js';
import { readEaf } from '../../helpers/eafCheck.js';
import { artifactsDir } from '../../helpers/paths.js';
import { pdfFonts, pdfPageCount, pdfText, pdfToPngs, pdfWordBoxes } from '../../helpers/poppler.js';
import { CYRILLIC_NOTE, HOSTILE_NOTE, seedReportCase, type SeededReportCase } from './reportCase.js';

const ctx = tempCase('Seeder');
const dbPath = path.join(ctx.dir, 'case.sqlite');
const out = (name: string) => path.join(ctx.dir, name);
const art = path.join(artifactsDir, 'report');
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const report = (args: string[], analyst = 'R. Eporter') =>
  runCli(['report', ...args, '--db', dbPath], { env: { MICROMOMENT_ANALYST: analyst } });

let seeded: SeededReportCase;
let model: ReportModel;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(art, { recursive: true });
  seeded = await seedReportCase(ctx);
  ctx.close();
  const json = await report([String(seeded.recordingId), '--out', out('report.json')]);
  expect(json.code, json.stderr).toBe(0);
  model = JSON.parse(fs.readFileSync(out('report.json'), 'utf8')) as ReportModel;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('report of an analysed, annotated recording', () => {
  it('JSON: the model, with the original verified and every note word for word', () => {
    expect(model.kind).toBe('micromoment-report');
    expect(model.verification).toMatchObject({ state: 'identical', holds: true });
    expect(model.verification.locations[0]!.sha256).toBe(sha256(seeded.original));
    expect(model.recording.sha256).toBe(sha256(seeded.original));
    expect(model.analysis?.models.map((m) => m.name)).toEqual(['blazeface', 'emotion', 'facemesh']);
    expect(model.spotting?.parameters.length).toBeGreaterThan(20);
    expect(model.annotations.find((a) => a.id === seeded.hostileId)?.note).toBe(HOSTILE_NOTE);
    expect(model.annotations.map((a) => a.note)).toContain(CYRILLIC_NOTE);
    expect(model.analysts.map((a) => a.name)).toEqual(['A. Analyst', 'B. Böhm', 'R. Eporter', 'Seeder']);
  });

  it('PDF: the hash and every timecode in its text, words inside the margins, fonts embedded, pages rendered', async () => {
    const file = out('report.pdf');
    const run = await report([String(seeded.recordingId), '--format', 'pdf', '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`sha256 ${sha256(file)}`);
    const text = await pdfText(file);
    expect(text).toContain(model.recording.sha256);
    for (const a of model.annotations) {
      for (const t of [a.onset, a.offset, ...(a.apex ? [a.apex] : [])]) {
        expect(text).toContain(t.timecode);
        expect(text).toContain(`${t.pts} s`);
        expect(text).toContain(`frame ${t.frame}`);
      }
    }
    expect(text).toContain('Привет; Łódź');
    expect(text.replace(/\s+/g, ' ')).toContain('Micro expressions reveal emotion, not deception.');
    // No second coder: the report says no agreement can be stated.
    expect(text.replace(/\s+/g, ' ')).toContain('This recording was coded once: no independent coding pass was completed');
    // The 300-letter word of the hostile note is broken across lines, twice (table and frame section), never cut.
    const letters = (text.match(/W{5,}/g) ?? []).join('').length;
    expect(letters).toBe(600);
    const boxes = await pdfWordBoxes(file);
    const outside = boxes.filter((b) => b.xMax > b.pageWidth - 40 + 0.5 || b.xMin < 40 - 0.5);
    expect(outside).toEqual([]);
    expect(await pdfFonts(file)).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    const pages = await pdfPageCount(file);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (const old of fs.readdirSync(art).filter((f) => f.startsWith('report-page'))) fs.rmSync(path.join(art, old));
    await pdfToPngs(file, path.join(art, 'report-page'));
    expect(fs.readdirSync(art).filter((f) => /^report-page-\d+\.png$/.test(f))).toHaveLength(pages);
    // Every page names the recording's hash in its footer.
    for (let p = 1; p <= pages; p++) expect(await pdfText(file, p)).toContain(`recording SHA-256 ${model.recording.sha256}`);
  });

  it('HTML: self-contained, the hostile note inert and shown as typed, the layout holds', async () => {
    const file = out('report.html');
    const run = await report([String(seeded.recordingId), '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`file://${file}`);
    const facts = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.querySelectorAll('script').length,
      injectedImages: document.querySelectorAll('img[src="x"], [onerror]').length,
      images: [...document.images].map((i) => ({
        data: i.src.startsWith('data:image/png;base64,'),
        loaded: i.complete && i.naturalWidth > 0,
      })),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      notes: [...document.querySelectorAll('.user-text')].map((e) => e.textContent),
      banner: document.querySelectorAll('.banner').length,
    }));
    expect(facts).toMatchObject({ pwned: undefined, scripts: 0, injectedImages: 0, banner: 0 });
    expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
    // Each accepted event: every frame from onset to offset up to 12, 12 evenly spaced beyond.
    const accepted = model.annotations.filter((a) => a.status === 'accepted');
    expect(facts.images.length).toBe(accepted.reduce((n, a) => n + Math.min(12, a.durationFrames), 0));
    expect(facts.images.every((i) => i.data && i.loaded)).toBe(true);
    expect(facts.notes).toContain(`Note: ${visibleText(HOSTILE_NOTE)}`);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
    await page.screenshot({ path: path.join(art, 'report-html.png'), fullPage: true });
    await page
      .locator('.table-scroll')
      .last()
      .screenshot({ path: path.join(art, 'report-html-annotations.png') });
    await page
      .locator('section.accepted')
      .first()
      .screenshot({ path: path.join(art, 'report-html-frames.png') });
    await page.setViewportSize({ width: 420, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await page
      .locator('section.accepted')
      .first()
      .screenshot({ path: path.join(art, 'report-html-narrow.png') });
    await page.close();
  });

  it('CSV: one row per annotation, notes intact, a formula never a formula', async () => {
    const run = await report([String(seeded.recordingId), '--out', out('annotations.csv')]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parseCsv(fs.readFileSync(out('annotations.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(model.counts.total);
    const hostile = rows.find((r) => Number(r.annotation_id) === seeded.hostileId)!;
    expect(hostile.note).toBe(`'${HOSTILE_NOTE}`);
    for (const [i, a] of model.annotations.entries()) {
      expect(rows[i]).toMatchObject({
        number: String(a.number),
        status: a.status,
        onset_frame: String(a.onset.frame),
        onset_pts_s: a.onset.pts,
        offset_timecode: a.offset.timecode,
        recording_sha256: model.recording.sha256,
      });
    }
  });

  it('frames CSV: exactly one row per decoded frame, times from the frame table', async () => {
    const run = await report([String(seeded.recordingId), '--format', 'frames-csv', '--out', out('frames.csv')]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parseCsv(fs.readFileSync(out('frames.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const db = createContext({ dbPath, analyst: 'check' });
    const table = getFrameTable(db.db, seeded.recordingId)!;
    db.close();
    expect(rows).toHaveLength(table.ptsTicks.length);
    rows.forEach((r, f) => {
      expect(r.frame).toBe(String(f));
      expect(r.pts_s).toBe(formatPtsSeconds(table, f));
    });
    const accepted = model.annotations.find((a) => a.id === seeded.hostileId)!;
    expect(rows[accepted.onset.frame]).toMatchObject({ annotation: accepted.label, annotation_status: 'accepted', face: '1' });
    expect(rows[accepted.offset.frame + 1]!.annotation).not.toContain(String(accepted.number));
  });

  it('EAF: what ELAN requires, the notes intact, times the first millisecond of each frame', async () => {
    const run = await report([String(seeded.recordingId), '--out', out('annotations.eaf')]);
    expect(run.code, run.stderr).toBe(0);
    const eaf = readEaf(fs.readFileSync(out('annotations.eaf'), 'utf8'));
    expect(eaf.problems).toEqual([]);
    const all = [...eaf.tiers.values()].flat();
    // Every candidate accounted for: the undecided ones (opened or not) in the tier "not reviewed", the rest as annotations.
    const undecided = model.candidates.filter((c) => c.status === 'not reviewed');
    const decided = model.annotations.filter((a) => !undecided.some((c) => c.annotationId === a.id));
    expect(all).toHaveLength(decided.length + undecided.length);
    expect(eaf.tiers.get('not reviewed') ?? []).toHaveLength(undecided.length);
    // This recording is 25 fps in a 1/25 time base: frame n starts at exactly 40n ms.
    for (const a of decided) {
      const e = all.find((x) => x.id === `a${a.number}`)!;
      expect([e.startMs, e.endMs]).toEqual([a.onset.frame * 40, (a.offset.frame + 1) * 40]);
    }
    for (const c of undecided) {
      const e = eaf.tiers.get('not reviewed')!.find((x) => x.id === `c${c.index + 1}`)!;
      expect([e.startMs, e.endMs]).toEqual([c.onset.frame * 40, (c.offset.frame + 1) * 40]);
      expect(e.value).toMatch(new RegExp(`^not reviewed · ${c.label} · proposed `));
    }
    expect(all.some((e) => e.value.endsWith(HOSTILE_NOTE))).toBe(true);
  });

  it('records every export in the audit log with the SHA-256 of the file written', () => {
    const db = createContext({ dbPath, analyst: 'check' });
    const exports = listAudit(db.db, 0, 10_000).filter((e) => e.action === 'report.exported');
    db.close();
    for (const name of ['report.json', 'report.pdf', 'report.html', 'annotations.csv', 'frames.csv', 'annotations.eaf']) {
      const entry = exports.find((e) => (e.after as { destination: string }).destination === out(name));
      expect(entry, name).toBeDefined();
      expect(entry).toMatchObject({
        actor: 'R. Eporter',
        target: `recording:${seeded.recordingId}`,
        after: { sha256: sha256(out(name)), bytes: fs.statSync(out(name)).size, original: 'identical' },
      });
    }
  });

  it('through the API: the bytes for the window to save, and the export audited', async () => {
    const api = createContext({ dbPath, analyst: 'Window User' });
    const dispatch = createDispatcher(api, handlers);
    const result = await dispatch('report.export', { id: seeded.recordingId, format: 'csv' });
    const entry = listAudit(api.db, 0, 10_000)
      .filter((e) => e.action === 'report.exported')
      .at(-1);
    api.close();
    expect(result.ok).toBe(true);
    const body = (result as { result: { data: string; sha256: string; fileName: string; mimeType: string; original: string } }).result;
    const bytes = Buffer.from(body.data, 'base64');
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(body.sha256);
    expect(body).toMatchObject({ fileName: 'interview 01.report.csv', mimeType: 'text/csv; charset=utf-8', original: 'identical' });
    expect(entry).toMatchObject({
      actor: 'Window User',
      after: { sha256: body.sha256, destination: 'returned to the window as interview 01.report.csv' },
    });
  });

  it('refuses bad arguments plainly, before any work, and never writes over an original', async () => {
    const before = sha256(seeded.original);
    const unknown = await report(['999', '--out', out('x.pdf')]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('No recording "999" in this case')]);
    const exists = await report([String(seeded.recordingId), '--out', out('report.pdf')]);
    expect([exists.code, exists.stderr]).toEqual([2, expect.stringContaining('exists: choose another name, or pass --overwrite')]);
    const evidence = await report([String(seeded.recordingId), '--format', 'pdf', '--out', seeded.original, '--overwrite']);
    expect([evidence.code, evidence.stderr]).toEqual([
      2,
      expect.stringContaining('it is an original recording of this case, and originals are never written'),
    ]);
    const format = await report([String(seeded.recordingId), '--out', out('x.docx')]);
    expect([format.code, format.stderr]).toEqual([2, expect.stringContaining('cannot tell the format from')]);
    const byHash = await report([model.recording.sha256.slice(0, 8), '--out', out('by-hash.json')]);
    expect(byHash.code, byHash.stderr).toBe(0);
    const byPath = await report([seeded.original, '--out', out('by-path.json')]);
    expect(byPath.code, byPath.stderr).toBe(0);
    expect(sha256(seeded.original)).toBe(before);
  });
});

describe('bad input', () => {
  it('a changed original: refused by default, stated on every page with --allow-mismatch, named by verify', async () => {
    const c = tempCase('Importer');
    const file = path.join(c.dir, 'changed.mp4');
    fs.copyFileSync(seeded.original, file);
    const { id } = await importRecording(c, file);
    applyAnnotationChange(c.db, id!, 'A. Analyst', {
      kind: 'manual',
      set: { onsetFrame: 10, offsetFrame: 20, emotion: 'anger', verdict: 'accepted' },
    });
    const entriesBefore = listAudit(c.db, 0, 10_000).length;
    c.close();
    fs.appendFileSync(file, 'x');
    const changedSha = sha256(file);
    const db = path.join(c.dir, 'case.sqlite');
    const cli = (args: string[]) => runCli([...args, '--db', db]);

    const refused = await cli(['report', String(id), '--out', path.join(c.dir, 'r.pdf')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`REFUSED. The original of recording #${id} does not verify: ${file} now has SHA-256 ${changedSha}`);
    expect(refused.stderr).toContain('--allow-mismatch');
    expect(fs.existsSync(path.join(c.dir, 'r.pdf'))).toBe(false);

    const allowed = await cli(['report', String(id), '--out', path.join(c.dir, 'r.pdf'), '--allow-mismatch']);
    expect(allowed.code, allowed.stderr).toBe(0);
    const pages = await pdfPageCount(path.join(c.dir, 'r.pdf'));
    for (let p = 1; p <= pages; p++) expect(await pdfText(path.join(c.dir, 'r.pdf'), p)).toContain('THE ORIGINAL DOES NOT VERIFY');
    const first = (await pdfText(path.join(c.dir, 'r.pdf'), 1)).replace(/\s+/g, ' ');
    expect(first).toContain('WARNING: THE ORIGINAL DOES NOT MATCH');
    expect(first.replace(/ /g, '')).toContain(changedSha);
    expect(await pdfText(path.join(c.dir, 'r.pdf'))).toContain('No frame was decoded: the original did not verify at report time');
    await pdfToPngs(path.join(c.dir, 'r.pdf'), path.join(art, 'mismatch-page'));

    const html = await cli(['report', String(id), '--out', path.join(c.dir, 'r.html'), '--allow-mismatch']);
    expect(html.code).toBe(0);
    expect(fs.readFileSync(path.join(c.dir, 'r.html'), 'utf8')).toMatch(
      /<div class="banner" role="alert"><strong>WARNING:<\/strong> THE ORIGINAL DOES NOT MATCH/,
    );

    const verify = await cli(['verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`CHANGED  recording #${id} ${file} (sha256 now ${changedSha}`);

    fs.rmSync(file);
    const missing = await cli(['report', String(id), '--out', path.join(c.dir, 'm.json')]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining(`it is missing at ${file}`)]);
    const check = createContext({ dbPath: db, analyst: 'check' });
    const exports = listAudit(check.db, entriesBefore, 100);
    check.close();
    // Only the two reports that were made are in the log: nothing for the refusals.
    expect(
      exports.map((e) => [
        e.action,
        (e.after as { original: string; mismatchAllowed: boolean }).original,
        (e.after as { mismatchAllowed: boolean }).mismatchAllowed,
      ]),
    ).toEqual([
      ['report.exported', 'changed', true],
      ['report.exported', 'changed', true],
    ]);
  });

  it('a recording without analysis or annotations: every format says so, none crashes', async () => {
    const fixtures = await ensureFixtures();
    const c = tempCase('Importer');
    const { id } = await importRecording(c, fixtures.cfr25.path);
    c.close();
    const db = path.join(c.dir, 'case.sqlite');
    for (const name of ['r.pdf', 'r.html', 'r.csv', 'r.frames.csv', 'r.json', 'r.eaf']) {
      const run = await runCli(['report', String(id), '--out', path.join(c.dir, name), '--db', db]);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toContain('note: This recording has not been analysed');
    }
    const text = await pdfText(path.join(c.dir, 'r.pdf'));
    expect(text).toContain('This recording has not been analysed');
    expect(text).toContain('There are no annotations on this recording');
    expect(text).toContain('no analysis: no emotion curves');
    expect(fs.readFileSync(path.join(c.dir, 'r.html'), 'utf8')).toContain('There are no annotations on this recording.');
    expect(parseCsv(fs.readFileSync(path.join(c.dir, 'r.csv'), 'utf8'), { columns: true })).toEqual([]);
    const frames = parseCsv(fs.readFileSync(path.join(c.dir, 'r.frames.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(frames).toHaveLength(fixtures.cfr25.frames);
    expect(frames[0]).toMatchObject({ frame: '0', face: '', enjoyment: '', annotation: '' });
    expect(JSON.parse(fs.readFileSync(path.join(c.dir, 'r.json'), 'utf8'))).toMatchObject({
      analysis: null,
      timeline: null,
      annotations: [],
      counts: { total: 0 },
    });
    expect(readEaf(fs.readFileSync(path.join(c.dir, 'r.eaf'), 'utf8')).problems).toEqual([]);
    await pdfToPngs(path.join(c.dir, 'r.pdf'), path.join(art, 'empty-page'));
  });
});
