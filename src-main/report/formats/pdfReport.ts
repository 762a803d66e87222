import PDFDocument from 'pdfkit';
import { FIGURE_WIDTH, overviewCaption, overviewFigure } from '../figure/figures.js';
import { printColor } from '../figure/palette.js';
import type { GrabSet } from '../grabs/faceGrab.js';
import type { ReportModel } from '../model/reportModel.js';
import {
  analysisFacts,
  analystLines,
  ANNOTATION_HEADERS,
  annotationCells,
  annotationNoteLine,
  annotationOrigin,
  auditFacts,
  locationFacts,
  recordingFacts,
  reportFacts,
  reportTitle,
  spottingFacts,
} from '../content/sections.js';
import {
  APPENDIX_TIMES_NOTE,
  CANDIDATE_HEADERS,
  candidateCells,
  caseFacts,
  local,
  FINDING_HEADERS,
  findingCells,
  requestFacts,
  signers,
  summaryLines,
} from '../content/examinerSections.js';
import { pdfFontFiles } from './pdfFonts.js';
import { NO_SECOND_CODING, reliabilityFacts } from '../content/reliabilityWords.js';
import { visibleText as shown } from '../content/visibleText.js';
import {
  banner,
  caption,
  contentWidth,
  ensureSpace,
  facts,
  figure,
  FOOTER_SPACE,
  grid,
  heading,
  MARGIN,
  notice,
  paragraph,
  RED,
  settingsList,
  subheading,
  type Doc,
} from './pdf/pdfLayout.js';
import { acceptedSection } from './pdf/pdfFrames.js';

/**
 * The printable examiner's report (A4), in the order SWGDE's guidance for
 * forensic video reports gives: the case and the request, a summary with the
 * findings on page 1, every candidate and what became of it, the events frame
 * by frame, the method, the limitations and the declaration with signature
 * lines; the recording's details, parameters, model hashes and audit summary in
 * appendices. Every page carries the recording's SHA-256 and, while they hold,
 * the warnings that the original does not verify or that candidates are unreviewed.
 */
export function pdfReport(m: ReportModel, grabs: GrabSet): Promise<Buffer> {
  const fonts = pdfFontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    info: {
      Title: reportTitle(m),
      Author: m.generatedBy,
      Subject: `Recording SHA-256 ${m.recording.sha256}`,
      Creator: `${m.tool.name} ${m.tool.version}`,
    },
  });
  doc.registerFont('body', fonts.body);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('mono', fonts.mono);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc
    .font('bold')
    .fontSize(16)
    .fillColor('#111111')
    .text(shown(reportTitle(m)), { width: contentWidth(doc) });
  doc.moveDown(0.4);
  if (!m.verification.holds) banner(doc, `WARNING: ${m.notices[0] ?? 'THE ORIGINAL DOES NOT VERIFY.'}`);
  facts(doc, caseFacts(m));
  subheading(doc, 'Request');
  facts(doc, requestFacts(m));
  subheading(doc, 'Summary');
  facts(doc, summaryLines(m));
  for (const n of m.notices.slice(m.verification.holds ? 0 : 1)) notice(doc, n);
  subheading(doc, 'Findings');
  const findings = m.annotations.filter((a) => a.status === 'accepted');
  if (findings.length === 0) notice(doc, 'No event has been accepted: there is no finding.');
  else
    grid(
      doc,
      FINDING_HEADERS,
      [28, 70, 80, 80, 70, '*'],
      findings.map((a) => ({ cells: findingCells(m, a), leftBorder: { column: 1, color: printColor(a.emotion) } })),
    );

  heading(doc, '1. Every candidate the spotter proposed', 120);
  if (!m.spotting) notice(doc, 'The spotter was not run on this recording.');
  else if (m.candidates.length === 0) notice(doc, 'The spotter proposed no candidate.');
  else
    grid(
      doc,
      CANDIDATE_HEADERS,
      [26, 62, 58, 34, 62, 92, '*'],
      m.candidates.map((c) => ({ cells: candidateCells(m, c), color: c.status === 'rejected' ? '#666666' : '#111111' })),
    );

  heading(doc, '2. Annotations: decisions and hand marks');
  if (m.annotations.length === 0) notice(doc, 'There are no annotations on this recording.');
  else
    for (const a of m.annotations) {
      ensureSpace(doc, 75); // the header row, the row and its note together
      grid(
        doc,
        ANNOTATION_HEADERS,
        [24, 42, 50, 70, 70, 70, 50, '*'],
        [
          {
            cells: annotationCells(a),
            color: a.status === 'rejected' ? '#666666' : '#111111',
            leftBorder: { column: 2, color: printColor(a.emotion) },
          },
        ],
      );
      caption(doc, `${annotationNoteLine(a)} · ${annotationOrigin(a, local(m, a.updatedAt))}`);
      doc.moveDown(0.3);
    }

  heading(doc, '3. Timeline', 290);
  figure(doc, overviewFigure(m));
  caption(doc, overviewCaption(m));

  heading(doc, '4. Accepted events, frame by frame', 300);
  if (findings.length === 0) notice(doc, 'No event has been accepted: there are no frames to show.');
  if (findings.length > 0 && grabs.omitted) notice(doc, grabs.omitted);
  for (const a of findings) acceptedSection(doc, m, a, grabs.byAnnotation.get(a.id) ?? []);

  heading(doc, '5. Method', 120);
  for (const p of m.method) paragraph(doc, p);

  heading(doc, '6. Reliability of the coding', 120);
  if (m.reliability) facts(doc, reliabilityFacts(m));
  else paragraph(doc, NO_SECOND_CODING);

  heading(doc, '7. Limitations', 120);
  for (const l of m.limitations) paragraph(doc, l);

  heading(doc, "8. Examiner's declaration", 200);
  paragraph(doc, m.declaration);
  signatureBlock(doc, m);

  heading(doc, 'Appendix A: the recording, its verification and this report', 160);
  caption(doc, APPENDIX_TIMES_NOTE);
  facts(doc, recordingFacts(m));
  subheading(doc, 'Verification of the original at report time');
  facts(doc, locationFacts(m));
  subheading(doc, 'This report');
  facts(doc, reportFacts(m));

  heading(doc, 'Appendix B: analysis, models and spotter', 160);
  if (m.analysis) facts(doc, analysisFacts(m));
  else notice(doc, 'No analysis.');
  if (m.spotting) {
    facts(doc, spottingFacts(m));
    subheading(doc, 'Spotter parameters');
    settingsList(
      doc,
      m.spotting.parameters.map((p) => ({ label: p.name, value: p.value })),
    );
  }
  if (m.analysis) {
    subheading(doc, 'Analysis parameters');
    settingsList(
      doc,
      m.analysis.parameters.map((p) => ({ label: p.name, value: p.value })),
    );
  }

  heading(doc, 'Appendix C: audit summary and analysts', 140);
  caption(doc, APPENDIX_TIMES_NOTE);
  facts(doc, auditFacts(m));
  subheading(doc, 'Analysts');
  facts(doc, analystLines(m));

  footers(doc, m);
  doc.end();
  return done;
}

/** Name, role, date and a line to sign on, for the examiner and (when named) the reviewer. */
function signatureBlock(doc: Doc, m: ReportModel): void {
  for (const s of signers(m)) {
    ensureSpace(doc, 90);
    doc.moveDown(0.8);
    const top = doc.y;
    const w = contentWidth(doc);
    doc.font('body').fontSize(9).fillColor('#111111');
    doc.text(shown(`${s.role}: ${s.name}`), MARGIN, top, { width: w });
    const lineY = doc.y + 34;
    doc.text('Date:', MARGIN, lineY - 10, { width: 40 });
    doc
      .moveTo(MARGIN + 34, lineY)
      .lineTo(MARGIN + 180, lineY)
      .lineWidth(0.6)
      .strokeColor('#333333')
      .stroke();
    doc.text('Signature:', MARGIN + 210, lineY - 10, { width: 60 });
    doc
      .moveTo(MARGIN + 262, lineY)
      .lineTo(MARGIN + w, lineY)
      .lineWidth(0.6)
      .strokeColor('#333333')
      .stroke();
    doc.x = MARGIN;
    doc.y = lineY + 8;
  }
}

function footers(doc: Doc, m: ReportModel): void {
  const range = doc.bufferedPageRange();
  const text = `${m.tool.name} ${m.tool.version} · recording SHA-256 ${m.recording.sha256}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 18;
    doc
      .font('body')
      .fontSize(6.5)
      .fillColor('#666666')
      .text(`${text} · page ${i + 1} of ${range.count}`, MARGIN, y, { width: FIGURE_WIDTH, lineBreak: false });
    let line = y + 9;
    if (m.unreviewedWarning) {
      doc.font('bold').fontSize(7).fillColor(RED).text(m.unreviewedWarning, MARGIN, line, { width: FIGURE_WIDTH, lineBreak: false });
      line += 9;
    }
    if (!m.verification.holds)
      doc
        .font('bold')
        .fontSize(7)
        .fillColor(RED)
        .text('THE ORIGINAL DOES NOT VERIFY: see page 1', MARGIN, line, { width: FIGURE_WIDTH, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
