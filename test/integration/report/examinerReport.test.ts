/**
 * The examiner's report as a reader gets it (issue 20): a real recording,
 * analysed and spotted for real (with the spotter's thresholds lowered, so it
 * proposes enough candidates to have one of each status), decided by two
 * analysts; the case's details hostile (markup, a bell, a right-to-left
 * override, Arabic, very long values). The built CLI writes the reports; the
 * PDF is read with pdftotext, page by page and word by word.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { createDefaultStages } from '../../../src-main/analysis/pipeline/defaultStages.js';
import { applyAnnotationChange } from '../../../src-main/annotations/annotationService.js';
import { createContext } from '../../../src-main/app/context.js';
import { readAnalysisLandmarks, readAnalysisValues } from '../../../src-main/store/analysesRepo.js';
import { getFrameTable } from '../../../src-main/store/recordingsRepo.js';
import { spotRecording } from '../../../src-main/spotting/spotTable.js';
import { analyzeImportedRecording } from '../../../src-main/usecases/analyzeRecording.js';
import { setCaseDetails } from '../../../src-main/usecases/caseDetails.js';
import { completePass, startPass } from '../../../src-main/usecases/codingPasses.js';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { storeSpottingRun } from '../../../src-main/usecases/spotImportedRecording.js';
import type { ReportModel } from '../../../src-main/report/model/reportModel.js';
import { launchChromium } from '../../helpers/browser.js';
import { dumpStore, tempCase } from '../../helpers/caseStore.js';
import { runCli } from '../../helpers/cli.js';
import { readEaf } from '../../helpers/eafCheck.js';
import { artifactsDir, realMediaDir } from '../../helpers/paths.js';
import { pdfPageCount, pdfText, pdfToPngs, pdfWordBoxes } from '../../helpers/poppler.js';

const ctx = tempCase('Seeder');
const dbPath = path.join(ctx.dir, 'case.sqlite');
const out = (name: string) => path.join(ctx.dir, name);
const art = path.join(artifactsDir, 'examiner-report');
const report = (args: string[], analyst = 'R. Eporter') =>
  runCli(['report', ...args, '--db', dbPath], { env: { MICROMOMENT_ANALYST: analyst, TZ: 'Europe/Berlin' } });

const HOSTILE = {
  caseNumber: 'CR-2026/0815 <b>bold</b> <script>window.__pwned=1</script>',
  exhibit: `Item 7\u0007 \u202Eevil\u202C ${'E'.repeat(150)}`,
  requester: 'Det. Insp. الشرطة Müller & "Sons"',
  request: `Examine the interview for brief expressions. ${'Long request text. '.repeat(60)}`,
  question: `Does the suspect show fear when asked about the night of 3 March? ${'Q'.repeat(400)}`,
};
const MARK = { onsetFrame: 700, apexFrame: 702, offsetFrame: 704 }; // 5 frames: every one is shown

let recordingId: number;
let candidateCount: number;
let model: ReportModel;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(art, { recursive: true });
  const original = path.join(ctx.dir, 'interview 02.mp4');
  fs.copyFileSync(path.join(realMediaDir, 'cap13_edit2.mp4'), original);
  recordingId = (await importRecording(ctx, original)).id!;
  const analysis = await analyzeImportedRecording(ctx, recordingId, createDefaultStages);
  const table = getFrameTable(ctx.db, recordingId)!;
  const frames = table.ptsTicks.length;
  // Lower thresholds than the defaults, so this short clip yields enough candidates for every status.
  const output = spotRecording(
    table,
    readAnalysisValues(ctx.db, analysis.id, 0, frames),
    readAnalysisLandmarks(ctx.db, analysis.id, 0, frames),
    {
      onThreshold: 2.5,
      lowThreshold: 1.5,
      regionMovedZ: 2,
      auMovedZ: 2,
      auRequiredZ: 0,
      clearLandmarkZ: 3,
      agreeLandmarkZ: 2,
    },
  );
  candidateCount = output.candidates.length;
  expect(candidateCount, 'the lowered thresholds give at least five candidates').toBeGreaterThanOrEqual(5);
  const runId = storeSpottingRun(ctx, recordingId, analysis.id, output);
  const decide = (analyst: string, candidateIndex: number, set: Record<string, unknown>) =>
    applyAnnotationChange(ctx.db, recordingId, analyst, { kind: 'candidate', spottingRunId: runId, candidateIndex, set });
  const proposed = output.candidates[1]!.emotion;
  decide('A. Analyst', 0, { verdict: 'accepted', note: 'clear, both sides' });
  decide('A. Analyst', 1, { verdict: 'accepted', emotion: proposed === 'fear' ? 'surprise' : 'fear' });
  decide('B. Böhm', 2, { verdict: 'rejected', note: 'a blink' });
  decide('B. Böhm', 3, { note: 'looked at, not decided' }); // opened, still pending: not reviewed
  applyAnnotationChange(ctx.db, recordingId, 'B. Böhm', {
    kind: 'manual',
    set: { ...MARK, emotion: 'surprise', verdict: 'accepted', note: 'SECRET-NOTE-TEXT' },
  });
  // A second analyst's independent (blind) coding: C1 as proposed, C2 rejected; completed.
  const pass = startPass(ctx.db, recordingId, 'C. Coder', { blind: true, hideSpotterEmotion: false });
  applyAnnotationChange(
    ctx.db,
    recordingId,
    'C. Coder',
    { kind: 'candidate', spottingRunId: runId, candidateIndex: 0, set: { verdict: 'accepted' } },
    pass.id,
  );
  applyAnnotationChange(
    ctx.db,
    recordingId,
    'C. Coder',
    { kind: 'candidate', spottingRunId: runId, candidateIndex: 1, set: { verdict: 'rejected' } },
    pass.id,
  );
  completePass(ctx.db, pass.id, 'C. Coder');
  setCaseDetails(ctx.db, 'Seeder', HOSTILE);
  ctx.close();
  const json = await report([String(recordingId), '--out', out('report.json'), '--reviewer', 'Dr. T. Reviewer']);
  expect(json.code, json.stderr).toBe(0);
  model = JSON.parse(fs.readFileSync(out('report.json'), 'utf8')) as ReportModel;
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

describe("the examiner's report", () => {
  it('accounts for every candidate in the JSON, with who decided each', () => {
    expect(model.schemaVersion).toBe(2);
    expect(model.candidates).toHaveLength(candidateCount);
    expect(model.candidates.slice(0, 4).map((c) => c.status)).toEqual(['accepted', 'relabelled', 'rejected', 'not reviewed']);
    expect(model.candidates.slice(4).every((c) => c.status === 'not reviewed' && c.annotationId === null)).toBe(true);
    expect(model.candidateCounts).toEqual({
      proposed: candidateCount,
      accepted: 1,
      relabelled: 1,
      rejected: 1,
      notReviewed: candidateCount - 3,
    });
    expect(model.candidates.slice(0, 3).map((c) => c.decidedBy)).toEqual(['A. Analyst', 'A. Analyst', 'B. Böhm']);
    expect(model.candidates[3]!.decidedBy).toBeNull();
    expect(model.unreviewedWarning).toBe(
      `${candidateCount - 3} of ${candidateCount} candidates NOT REVIEWED: this report is not a complete review of the spotter's proposals`,
    );
    expect(model.caseDetails).toMatchObject({ ...HOSTILE, reviewer: 'Dr. T. Reviewer' });
    expect(model.timeZone).toBe('Europe/Berlin');
  });

  it('PDF: the candidate table with all four statuses, the warning on every page, the case, the declaration and signature lines', async () => {
    const file = out('report.pdf');
    const run = await report([String(recordingId), '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    const text = await pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(
      `${candidateCount} candidates proposed: 1 accepted, 1 relabelled, 1 rejected, ${candidateCount - 3} not reviewed`,
    );
    expect(flat).toContain('1. Every candidate the spotter proposed');
    for (const status of ['accepted', 'relabelled:', 'rejected', 'not reviewed']) expect(flat).toContain(status);
    for (const c of model.candidates) expect(flat).toContain(`${c.onset.frame}–${c.offset.frame}`);
    // Every page, the footer: the hash and the unreviewed candidates.
    const pages = await pdfPageCount(file);
    for (let p = 1; p <= pages; p++) {
      const pageText = (await pdfText(file, p)).replace(/\s+/g, ' ');
      expect(pageText, `page ${p}`).toContain(`${candidateCount - 3} of ${candidateCount} candidates NOT REVIEWED`);
      expect(pageText, `page ${p}`).toContain(`recording SHA-256 ${model.recording.sha256}`);
    }
    // Page 1: the case, the request, the summary and the findings; the parameters are not there.
    const first = (await pdfText(file, 1)).replace(/\s+/g, ' ');
    for (const label of [
      'Case number',
      'Exhibit / item',
      'Requester',
      'Examiner',
      'Technical reviewer',
      'Request',
      'Question to answer',
      'Findings',
    ])
      expect(first).toContain(label);
    expect(first).toContain('CR-2026/0815 <b>bold</b>');
    expect(first).toContain('[U+0007]');
    expect(first).toContain('[U+202E]evil[U+202C]');
    expect(first).toContain('Dr. T. Reviewer');
    expect(first).toMatch(/\(UTC\+01:00, Europe\/Berlin\)/);
    expect(first).not.toContain('Spotter parameters');
    // The declaration and a signature block for the examiner and for the reviewer.
    expect(flat).toContain('I, R. Eporter, declare that this report states the examination I made');
    expect(flat).toMatch(/Examiner: R\. Eporter Date: Signature:/);
    expect(flat).toMatch(/Technical reviewer: Dr\. T\. Reviewer Date: Signature:/);
    expect(flat).toContain('5. Method');
    // The method says how the run differed from the defaults; the findings say what was relabelled.
    expect(flat).toContain('changed from its defaults: ');
    expect(flat).toContain('onThreshold 2.5 (default 6)');
    expect(first).toContain(`(proposed: ${model.candidates[1]!.proposedEmotion})`);
    expect(flat).toContain('7. Limitations');
    // Audit actions as sentences, in the appendix with UTC.
    expect(flat).toContain('imported the recording ×1 (recording.imported)');
    expect(flat).toContain('Times in this appendix are UTC');
    // The very long values wrap: every word inside the margins, the long runs whole across lines.
    const boxes = await pdfWordBoxes(file);
    expect(boxes.filter((b) => b.xMax > b.pageWidth - 40 + 0.5 || b.xMin < 40 - 0.5)).toEqual([]);
    expect((first.match(/E{5,}/g) ?? []).join('').length).toBe(150);
    for (const old of fs.readdirSync(art).filter((f) => f.startsWith('page'))) fs.rmSync(path.join(art, old));
    await pdfToPngs(file, path.join(art, 'page'));
  });

  it('states the reliability of the coding: the blind pass compared with the working set', async () => {
    // Working set: C1 accepted, C2 relabelled (accepted), H5 accepted; the pass: C1 accepted only. C1 matches.
    expect(model.reliability).toMatchObject({
      passes: [{ analyst: 'C. Coder', blind: true, events: 1 }],
      pairs: [{ a: 'case', b: 'pass 1', matched: 1, onlyA: 2, onlyB: 0 }],
    });
    expect(model.reliability!.pairs[0]!.f1).toBeCloseTo((2 * 1) / (3 + 1), 12);
    const text = (await pdfText(out('report.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('6. Reliability of the coding');
    expect(text).toMatch(/pass 1 C\. Coder, blind; 1 accepted event; completed /);
    expect(text).toContain('case and pass 1 1 matched, 2 only in case, 0 only in pass 1; F1 0.50');
    expect(text).toContain("Krippendorff's alpha");
  });

  it('PDF: an accepted event of 5 frames shows those 5 frames, each with its number and timecode; a longer one 12', async () => {
    const text = (await pdfText(out('report.pdf'))).replace(/\s+/g, ' ');
    const mark = model.annotations.find((a) => a.onset.frame === MARK.onsetFrame)!;
    const section = text.slice(text.indexOf(`${mark.label} surprise: frames 700–704`));
    expect(section).toContain('(5 frames,');
    expect(section).toContain('All 5 frames from onset to offset');
    for (let f = MARK.onsetFrame; f <= MARK.offsetFrame; f++) expect(section).toMatch(new RegExp(`frame ${f} \\d\\d:\\d\\d:\\d\\d:\\d\\d`));
    expect(section).toMatch(/onset · frame 700/);
    expect(section).toMatch(/apex · frame 702/);
    expect(section).toMatch(/offset · frame 704/);
    expect(section.slice(0, section.indexOf('All 5 frames'))).not.toMatch(/frame 699 |frame 705 /);
    for (const a of model.annotations.filter((x) => x.status === 'accepted' && x.durationFrames > 12))
      expect(text).toContain(`12 of the ${a.durationFrames} frames, evenly spaced`);
  });

  it('HTML: the same content; the case fields shown as text, inert, the layout holding at 800 and 420 px', async () => {
    const file = out('report.html');
    const run = await report([String(recordingId), '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    await page.goto(`file://${file}`);
    const seen = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.querySelectorAll('script, b').length,
      text: document.body.innerText,
      rows: [...document.querySelectorAll('tr[class^="status-"]')].map((r) => r.className),
      width: document.documentElement.scrollWidth,
    }));
    expect(seen).toMatchObject({ pwned: undefined, scripts: 0 });
    expect(seen.width).toBeLessThanOrEqual(800);
    expect(seen.text).toContain('CR-2026/0815 <b>bold</b> <script>window.__pwned=1</script>');
    expect(seen.text).toContain('[U+202E]evil[U+202C]');
    expect(seen.rows).toEqual(model.candidates.map((c) => `status-${c.status.replace(' ', '-')}`));
    expect(seen.text).toContain(model.unreviewedWarning!);
    expect(seen.text).toContain('I, R. Eporter, declare');
    await page.screenshot({ path: path.join(art, 'html-800.png'), fullPage: true });
    await page.setViewportSize({ width: 420, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await page.close();
  });

  it('CSV and EAF account for every candidate; --redact-notes leaves the notes out and says so', async () => {
    expect((await report([String(recordingId), '--out', out('a.csv')])).code).toBe(0);
    const rows = parseCsv(fs.readFileSync(out('a.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    for (const c of model.candidates) expect(byLabel.get(c.label)?.candidate_status, c.label).toBe(c.status);
    expect(rows.filter((r) => r.status === 'not reviewed')).toHaveLength(model.candidates.filter((c) => c.annotationId === null).length);
    expect((await report([String(recordingId), '--out', out('a.eaf')])).code).toBe(0);
    const eaf = readEaf(fs.readFileSync(out('a.eaf'), 'utf8'));
    expect(eaf.problems).toEqual([]);
    // Overlapping candidates spill into "not reviewed (2)", as overlapping annotations of an emotion do.
    const unreviewedIds = [...eaf.tiers].filter(([tier]) => tier.startsWith('not reviewed')).flatMap(([, items]) => items.map((e) => e.id));
    expect(unreviewedIds.sort()).toEqual(
      model.candidates
        .filter((c) => c.status === 'not reviewed')
        .map((c) => `c${c.index + 1}`)
        .sort(),
    );

    const redacted = out('redacted.pdf');
    expect((await report([String(recordingId), '--out', redacted, '--redact-notes'])).code).toBe(0);
    const text = (await pdfText(redacted)).replace(/\s+/g, ' ');
    expect(text).not.toContain('SECRET-NOTE-TEXT');
    expect(text).not.toContain('a blink');
    expect(text).toContain('[note left out of this version of the report]');
    expect(text).toContain("The analysts' notes are left out of this version of the report (--redact-notes).");
    expect(await pdfText(out('report.pdf'))).toContain('SECRET-NOTE-TEXT');
  });

  it('once every candidate is decided, no page carries the warning', async () => {
    const later = createContext({ dbPath, analyst: 'C. Coder' });
    const runId = model.spotting!.runId;
    for (const c of model.candidates.filter((x) => x.status === 'not reviewed'))
      applyAnnotationChange(later.db, recordingId, 'C. Coder', {
        kind: 'candidate',
        spottingRunId: runId,
        candidateIndex: c.index,
        set: { verdict: 'rejected' },
      });
    later.close();
    const file = out('complete.pdf');
    expect((await report([String(recordingId), '--out', file])).code).toBe(0);
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    expect(text).toContain(
      `${candidateCount} candidates proposed: 1 accepted, 1 relabelled, ${candidateCount - 2} rejected, 0 not reviewed`,
    );
    expect(text).not.toContain('NOT REVIEWED');
  });

  it('refuses a case field too long for the case, plainly, writing and changing nothing', async () => {
    const state = () => {
      const c = createContext({ dbPath, analyst: 'check' });
      try {
        return dumpStore(c);
      } finally {
        c.close();
      }
    };
    const before = state();
    const run = await report([String(recordingId), '--out', out('never.pdf'), '--case-number', 'N'.repeat(201)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Case number is longer than 200 characters: shorten it.');
    expect(fs.existsSync(out('never.pdf'))).toBe(false);
    expect(state()).toEqual(before);
  });
});
