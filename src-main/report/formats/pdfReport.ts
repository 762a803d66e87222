import PDFDocument from 'pdfkit';
import { closeUpCaption, closeUpFigure, FIGURE_WIDTH, overviewFigure } from '../figure/figures.js';
import type { FigureGeometry } from '../figure/timelineGeometry.js';
import { drawPdfFigure } from '../figure/pdfFigure.js';
import { printColor } from '../figure/palette.js';
import { grabCaption, type FaceGrab, type GrabSet } from '../grabs/faceGrab.js';
import type { AnnotationLine, ReportModel } from '../model/reportModel.js';
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
  reportTitle,
  spottingFacts,
  summaryFacts,
  timeWords,
  type Fact,
} from '../content/sections.js';
import { pdfFontFiles } from './pdfFonts.js';
import { visibleText as shown } from '../content/visibleText.js';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const FOOTER_SPACE = 28;
const RED = '#b00020';

/**
 * The printable report (A4). Laid out with pdfkit: text wraps inside its
 * column (a word longer than the column is broken, never drawn past the edge),
 * tables break across pages, and every page carries the recording's SHA-256
 * and, when the original does not verify, that warning.
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
    .text(shown(reportTitle(m)));
  doc.moveDown(0.5);
  if (!m.verification.holds) banner(doc, `WARNING: ${m.notices[0] ?? 'THE ORIGINAL DOES NOT VERIFY.'}`);
  facts(doc, summaryFacts(m));
  for (const n of m.notices.slice(m.verification.holds ? 0 : 1)) notice(doc, n);

  heading(doc, '1. Recording');
  facts(doc, recordingFacts(m));
  subheading(doc, 'Verification of the original at report time');
  facts(doc, locationFacts(m));

  heading(doc, '2. Analysis and spotting');
  if (m.analysis) facts(doc, analysisFacts(m));
  else notice(doc, 'No analysis.');
  if (m.spotting) {
    facts(doc, spottingFacts(m));
    subheading(doc, 'Spotter parameters');
    settings(
      doc,
      m.spotting.parameters.map((p) => ({ label: p.name, value: p.value })),
    );
  } else notice(doc, 'The spotter was not run.');
  subheading(doc, 'Analysts');
  facts(doc, analystLines(m));

  heading(doc, '3. Timeline', 230);
  ensureSpace(doc, 205);
  figure(doc, overviewFigure(m));
  caption(
    doc,
    'Emotion probabilities over the whole recording (the maximum within each column, so a one-frame flash stays visible) ' +
      'and the annotations as numbered bands: filled = accepted, dashed = pending, grey = rejected.',
  );

  heading(doc, '4. Annotations');
  if (m.annotations.length === 0) notice(doc, 'There are no annotations on this recording.');
  else annotationTable(doc, m.annotations);

  heading(doc, '5. Accepted annotations, frame by frame', 300);
  const accepted = m.annotations.filter((a) => a.status === 'accepted');
  if (accepted.length === 0) notice(doc, 'No annotation has been accepted: there are no frames to show.');
  if (accepted.length > 0 && grabs.omitted) notice(doc, grabs.omitted);
  for (const a of accepted) acceptedSection(doc, m, a, grabs.byAnnotation.get(a.id) ?? []);

  heading(doc, '6. Audit summary', 120);
  facts(doc, auditFacts(m));

  heading(doc, '7. Limitations', 120);
  doc.font('body').fontSize(9).fillColor('#111111');
  for (const l of m.limitations) {
    ensureSpace(doc, doc.heightOfString(l, { width: contentWidth(doc) }) + 5);
    doc.text(l, { width: contentWidth(doc), paragraphGap: 5 });
  }

  if (m.analysis) {
    heading(doc, 'Appendix: analysis parameters', 120);
    caption(doc, 'Every parameter of every stage of the analysis, as stored with it.');
    doc.moveDown(0.3);
    settingsList(
      doc,
      m.analysis.parameters.map((p) => ({ label: p.name, value: p.value })),
    );
  }

  footers(doc, m);
  doc.end();
  return done;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, keepWithNext = 80): void {
  ensureSpace(doc, keepWithNext);
  doc.moveDown(0.8);
  doc.x = MARGIN;
  doc
    .font('bold')
    .fontSize(12.5)
    .fillColor('#111111')
    .text(text, { width: contentWidth(doc) });
  const y = doc.y + 1;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .lineWidth(0.5)
    .strokeColor('#bbbbbb')
    .stroke();
  doc.moveDown(0.4);
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.4);
  doc.x = MARGIN;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor('#111111')
    .text(text, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

function caption(doc: Doc, text: string): void {
  doc.x = MARGIN;
  doc
    .font('body')
    .fontSize(7.5)
    .fillColor('#444444')
    .text(text, { width: contentWidth(doc) });
}

function boxedText(doc: Doc, text: string, style: { fill: string; stroke: string; color: string; font: string; size: number }): void {
  const width = contentWidth(doc) - 12;
  text = shown(text);
  doc.font(style.font).fontSize(style.size);
  const height = doc.heightOfString(text, { width }) + 8;
  ensureSpace(doc, height + 4);
  const y = doc.y;
  doc
    .rect(MARGIN, y, contentWidth(doc), height)
    .lineWidth(style.stroke === RED ? 2 : 0.5)
    .fillAndStroke(style.fill, style.stroke);
  doc.fillColor(style.color).text(text, MARGIN + 6, y + 4, { width });
  doc.x = MARGIN;
  doc.y = y + height + 4;
}

function banner(doc: Doc, text: string): void {
  boxedText(doc, text, { fill: '#fde7ea', stroke: RED, color: '#7a0014', font: 'bold', size: 10 });
}

function notice(doc: Doc, text: string): void {
  boxedText(doc, text, { fill: '#fff7e0', stroke: '#e0a800', color: '#111111', font: 'body', size: 9 });
}

const NO_BORDER = { border: 0, padding: { top: 1.5, bottom: 1.5, left: 0, right: 6 } };

function facts(doc: Doc, list: Fact[]): void {
  if (list.length === 0) return;
  doc.x = MARGIN;
  doc.font('body').fontSize(8.5).fillColor('#111111');
  const table = doc.table({ columnStyles: [130, '*'], defaultStyle: NO_BORDER });
  for (const f of list) {
    table.row([
      { text: shown(f.label), textColor: '#555555' },
      { text: shown(f.value), font: f.mono ? { src: 'mono', size: 7.5 } : { src: 'body' } },
    ]);
  }
  table.end();
  doc.x = MARGIN;
}

function settings(doc: Doc, list: Fact[]): void {
  doc.x = MARGIN;
  doc.font('body').fontSize(7);
  const table = doc.table({ columnStyles: ['*', 60, '*', 60], defaultStyle: { border: 0.3, borderColor: '#dddddd', padding: 1.5 } });
  for (let i = 0; i < list.length; i += 2) {
    const [a, b] = [list[i], list[i + 1]];
    table.row([
      shown(a?.label ?? ''),
      { text: shown(a?.value ?? ''), font: { src: 'mono' } },
      shown(b?.label ?? ''),
      { text: shown(b?.value ?? ''), font: { src: 'mono' } },
    ]);
  }
  table.end();
  doc.x = MARGIN;
}

/** Name and value per row, for settings whose values can be long sentences. */
function settingsList(doc: Doc, list: Fact[]): void {
  doc.x = MARGIN;
  doc.font('body').fontSize(7);
  const table = doc.table({ columnStyles: [170, '*'], defaultStyle: { border: 0.3, borderColor: '#dddddd', padding: 1.5 } });
  for (const f of list) table.row([shown(f.label), { text: shown(f.value), font: { src: 'mono' } }]);
  table.end();
  doc.x = MARGIN;
}

function annotationTable(doc: Doc, list: AnnotationLine[]): void {
  doc.x = MARGIN;
  doc.font('body').fontSize(7.5).fillColor('#111111');
  const table = doc.table({
    columnStyles: [18, 42, 50, 70, 70, 70, 50, '*'],
    defaultStyle: { border: 0.5, borderColor: '#bbbbbb', padding: 2.5 },
  });
  table.row(ANNOTATION_HEADERS.map((h) => ({ text: h, font: { src: 'bold' }, backgroundColor: '#eeeeee' })));
  for (const a of list) {
    const color = a.status === 'rejected' ? '#666666' : '#111111';
    table.row(
      annotationCells(a).map((text, i) => ({
        text: shown(text),
        textColor: color,
        ...(i === 2
          ? {
              border: { left: 3, top: 0.5, right: 0.5, bottom: 0.5 },
              borderColor: { left: printColor(a.emotion), top: '#bbbbbb', right: '#bbbbbb', bottom: '#bbbbbb' },
            }
          : {}),
      })),
    );
    table.row([
      {
        text: shown(`${annotationNoteLine(a)}\n${annotationOrigin(a)}`),
        colSpan: ANNOTATION_HEADERS.length,
        backgroundColor: '#f7f7f7',
        textColor: color,
      },
    ]);
  }
  table.end();
  doc.x = MARGIN;
}

const GRAB_BOX = 160;

function acceptedSection(doc: Doc, m: ReportModel, a: AnnotationLine, grabs: FaceGrab[]): void {
  ensureSpace(doc, 360);
  doc.moveDown(0.6);
  doc.x = MARGIN;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(printColor(a.emotion))
    .text(`${a.label} ${a.emotion ?? 'no emotion named'}: frames ${a.onset.frame}–${a.offset.frame} (${a.durationMs.toFixed(1)} ms)`, {
      width: contentWidth(doc),
    });
  doc
    .font('body')
    .fontSize(8.5)
    .fillColor('#111111')
    .text(shown(annotationNoteLine(a)), { width: contentWidth(doc) });
  doc.moveDown(0.3);
  ensureSpace(doc, GRAB_BOX + 70);
  const top = doc.y;
  let lowest = top;
  const gap = (contentWidth(doc) - 3 * GRAB_BOX) / 2;
  grabs.forEach((g, i) => {
    const x = MARGIN + i * (GRAB_BOX + gap);
    if (g.png) {
      doc.image(g.png, x, top, { fit: [GRAB_BOX, GRAB_BOX], align: 'center', valign: 'center' });
      doc.rect(x, top, GRAB_BOX, GRAB_BOX).lineWidth(0.5).strokeColor('#999999').stroke();
    } else {
      doc.rect(x, top, GRAB_BOX, GRAB_BOX).lineWidth(0.5).dash(2, { space: 2 }).strokeColor('#999999').stroke().undash();
      doc
        .font('body')
        .fontSize(8)
        .fillColor('#666666')
        .text(shown(g.problem ?? 'not available'), x + 6, top + 6, { width: GRAB_BOX - 12 });
    }
    const t = g.role === 'onset' ? a.onset : g.role === 'offset' ? a.offset : (a.apex ?? a.onset);
    doc
      .font('bold')
      .fontSize(7.5)
      .fillColor('#111111')
      .text(g.role, x, top + GRAB_BOX + 3, { width: GRAB_BOX });
    doc
      .font('body')
      .fontSize(7)
      .text(shown(`${timeWords(t)}\n${grabCaption(g)}`), x, doc.y, { width: GRAB_BOX });
    lowest = Math.max(lowest, doc.y);
  });
  doc.x = MARGIN;
  doc.y = lowest + 6;
  if (!m.timeline) return; // without an analysis there are no curves to show around it
  ensureSpace(doc, 140);
  figure(doc, closeUpFigure(m, a));
  caption(doc, closeUpCaption(a));
}

/** Draws a figure at the current position and moves below it (the figure's own labels do not move the cursor). */
function figure(doc: Doc, g: FigureGeometry): void {
  const top = doc.y;
  drawPdfFigure(doc, g, MARGIN, top, 'body');
  doc.x = MARGIN;
  doc.y = top + g.height + 2;
}

function footers(doc: Doc, m: ReportModel): void {
  const range = doc.bufferedPageRange();
  const text = `${m.tool.name} ${m.tool.version} · recording SHA-256 ${m.recording.sha256}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 12;
    doc
      .font('body')
      .fontSize(6.5)
      .fillColor('#666666')
      .text(`${text} · page ${i + 1} of ${range.count}`, MARGIN, y, { width: FIGURE_WIDTH, lineBreak: false });
    if (!m.verification.holds)
      doc
        .font('bold')
        .fontSize(7)
        .fillColor(RED)
        .text('THE ORIGINAL DOES NOT VERIFY: see page 1', MARGIN, y + 9, { width: FIGURE_WIDTH, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
