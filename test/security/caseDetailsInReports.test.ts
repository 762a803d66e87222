/**
 * Threat: the case's details (case number, exhibit, requester, request,
 * question, reviewer) are free text typed by anyone with the window, and every
 * report prints them on page 1. Markup must never run or become markup in the
 * HTML report, invisible controls and direction overrides must show as what
 * they are, a value must not spill out of the page, and case.set must take
 * nothing but the known fields as text within their limits, changing nothing
 * when it refuses.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher.js';
import { handlers } from '../../src-main/api/handlers.js';
import { buildReportModel } from '../../src-main/report/model/buildReportModel.js';
import { htmlReport } from '../../src-main/report/formats/htmlReport.js';
import { pdfReport } from '../../src-main/report/formats/pdfReport.js';
import { listAudit } from '../../src-main/store/auditLog.js';
import { readCaseDetails } from '../../src-main/store/caseDetailsRepo.js';
import { checkSealedState } from '../../src-main/store/stateCheck.js';
import { EMPTY_CASE_DETAILS } from '../../src-shared/domain/caseDetails.js';
import { dumpStore, tempCase } from '../helpers/caseStore.js';
import { inputs } from '../unit/report/modelInputs.js';

const HOSTILE = {
  ...EMPTY_CASE_DETAILS,
  caseNumber: '</dd></dl><script>window.__pwned=1</script><img src=x onerror=alert(1)>',
  exhibit: 'Item \u202Egnp.exe\u202C \u0000\u001B[31m',
  requester: '"><a href="javascript:alert(1)">click</a>',
  question: `${'Z'.repeat(3000)}`,
  reviewer: '\u2066isolated\u2069 & <b>bold</b>',
};

describe('case details in the reports', () => {
  const model = buildReportModel(inputs({ caseDetails: HOSTILE }));

  it('HTML: every value is text; no markup, link, script or handler comes from them', () => {
    const html = htmlReport(model, { byAnnotation: new Map(), omitted: null });
    // No element or attribute from the values: their words are there only as escaped text.
    expect(html).not.toMatch(/<(script|img|a|b)\b/i);
    expect(html).not.toMatch(/<[^>]*\s(href|onerror)=/i);
    expect(html).toContain('&lt;/dd&gt;&lt;/dl&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('Item [U+202E]gnp.exe[U+202C] [U+0000][U+001B][31m');
    expect(html).toContain('[U+2066]isolated[U+2069] &amp; &lt;b&gt;bold&lt;/b&gt;');
  });

  it('PDF: the controls and overrides shown as their codes (the PDF has no markup to inject)', async () => {
    const pdf = await pdfReport(model, { byAnnotation: new Map(), omitted: null });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // The text is in embedded fonts (not searchable as bytes): the layout test with pdftotext is in
    // test/integration/report/examinerReport.test.ts; here the model's words are checked.
    expect(model.caseDetails.exhibit).toBe(HOSTILE.exhibit);
  });

  it('case.set takes only the known fields, as text within their limits; a refusal changes nothing', async () => {
    const ctx = tempCase('Clerk');
    const dispatch = createDispatcher(ctx, handlers);
    const before = dumpStore(ctx);
    for (const details of [
      { caseNumber: 'x', role: 'admin' },
      { caseNumber: 42 },
      { question: 'Q'.repeat(4001) },
      { caseNumber: 'N'.repeat(201) },
    ]) {
      const r = await dispatch('case.set', { analyst: 'Clerk', details });
      expect(r.ok, JSON.stringify(details).slice(0, 60)).toBe(false);
    }
    expect(await dispatch('case.set', { details: { caseNumber: 'x' } })).toMatchObject({ ok: false });
    expect(dumpStore(ctx)).toEqual(before);

    const ok = await dispatch('case.set', { analyst: 'Clerk', details: { caseNumber: HOSTILE.caseNumber, exhibit: HOSTILE.exhibit } });
    expect(ok.ok).toBe(true);
    expect(readCaseDetails(ctx.db)).toMatchObject({ caseNumber: HOSTILE.caseNumber, exhibit: HOSTILE.exhibit, updatedBy: 'Clerk' });
    const entry = listAudit(ctx.db, 0, 100).at(-1)!;
    expect(entry).toMatchObject({ actor: 'Clerk', action: 'case.details-set', before: { caseNumber: '', exhibit: '' } });
    // The same values again: nothing changes, no entry.
    await dispatch('case.set', { analyst: 'Clerk', details: { caseNumber: HOSTILE.caseNumber } });
    expect(listAudit(ctx.db, 0, 100).at(-1)!.seq).toBe(entry.seq);
    // Sealed: a change made behind the audit log's back is found.
    expect(checkSealedState(ctx.db).problems).toEqual([]);
    ctx.db.prepare("UPDATE case_details SET case_number = 'forged' WHERE id = 1").run();
    expect(
      checkSealedState(ctx.db)
        .problems.map((p) => p.problem)
        .join(' '),
    ).toContain("the case's details");
    ctx.close();
  });
});
