import type { FigureGeometry } from '../../figure/timelineGeometry.js';
import { drawPdfFigure } from '../../figure/pdfFigure.js';
import type { Fact } from '../../content/sections.js';
import { visibleText as shown } from '../../content/visibleText.js';

/**
 * The PDF's building blocks (pdfkit, A4): headings, fact lists, notices and
 * tables that wrap inside the column (a word longer than the column is broken,
 * never drawn past the edge) and keep a heading with what follows it.
 */
export type Doc = PDFKit.PDFDocument;

export const MARGIN = 40;
export const FOOTER_SPACE = 34;
export const RED = '#b00020';

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string, keepWithNext = 80): void {
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

export function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.4);
  doc.x = MARGIN;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor('#111111')
    .text(shown(text), { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

export function caption(doc: Doc, text: string): void {
  doc.x = MARGIN;
  doc
    .font('body')
    .fontSize(7.5)
    .fillColor('#444444')
    .text(shown(text), { width: contentWidth(doc) });
}

export function paragraph(doc: Doc, text: string, size = 9): void {
  doc.x = MARGIN;
  doc.font('body').fontSize(size).fillColor('#111111');
  const t = shown(text);
  ensureSpace(doc, Math.min(doc.heightOfString(t, { width: contentWidth(doc) }) + 5, 120));
  doc.text(t, { width: contentWidth(doc), paragraphGap: 5 });
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

export function banner(doc: Doc, text: string): void {
  boxedText(doc, text, { fill: '#fde7ea', stroke: RED, color: '#7a0014', font: 'bold', size: 10 });
}

export function notice(doc: Doc, text: string): void {
  boxedText(doc, text, { fill: '#fff7e0', stroke: '#e0a800', color: '#111111', font: 'body', size: 9 });
}

const NO_BORDER = { border: 0, padding: { top: 1.5, bottom: 1.5, left: 0, right: 6 } };

export function facts(doc: Doc, list: Fact[]): void {
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

/** Name and value per row, for settings whose values can be long sentences. */
export function settingsList(doc: Doc, list: Fact[]): void {
  doc.x = MARGIN;
  doc.font('body').fontSize(7);
  const table = doc.table({ columnStyles: [170, '*'], defaultStyle: { border: 0.3, borderColor: '#dddddd', padding: 1.5 } });
  for (const f of list) table.row([shown(f.label), { text: shown(f.value), font: { src: 'mono' } }]);
  table.end();
  doc.x = MARGIN;
}

/** A table with a header row; `rowStyle` may colour a row's text. */
export function grid(
  doc: Doc,
  headers: readonly string[],
  widths: (number | '*')[],
  rows: { cells: string[]; color?: string; leftBorder?: { column: number; color: string } }[],
  size = 7.5,
): void {
  doc.x = MARGIN;
  doc.font('body').fontSize(size).fillColor('#111111');
  const table = doc.table({ columnStyles: widths, defaultStyle: { border: 0.5, borderColor: '#bbbbbb', padding: 2.5 } });
  table.row(headers.map((h) => ({ text: h, font: { src: 'bold' }, backgroundColor: '#eeeeee' })));
  for (const r of rows) {
    table.row(
      r.cells.map((text, i) => ({
        text: shown(text),
        textColor: r.color ?? '#111111',
        ...(r.leftBorder && r.leftBorder.column === i
          ? {
              border: { left: 3, top: 0.5, right: 0.5, bottom: 0.5 },
              borderColor: { left: r.leftBorder.color, top: '#bbbbbb', right: '#bbbbbb', bottom: '#bbbbbb' },
            }
          : {}),
      })),
    );
  }
  table.end();
  doc.x = MARGIN;
}

/** Draws a figure at the current position and moves below it (the figure's own labels do not move the cursor). */
export function figure(doc: Doc, g: FigureGeometry): void {
  const top = doc.y;
  drawPdfFigure(doc, g, MARGIN, top, 'body');
  doc.x = MARGIN;
  doc.y = top + g.height + 2;
}
