import { closeUpCaption, closeUpFigure } from '../../figure/figures.js';
import { printColor } from '../../figure/palette.js';
import { grabCaption, grabLabel, type FaceGrab } from '../../grabs/faceGrab.js';
import type { AnnotationLine, ReportModel } from '../../model/reportModel.js';
import { annotationNoteLine } from '../../content/sections.js';
import { visibleText as shown } from '../../content/visibleText.js';
import { caption, contentWidth, ensureSpace, figure, MARGIN, type Doc } from './pdfLayout.js';

const PER_ROW = 6;
const GAP = 6;

/** One accepted event: its title, note, the face from onset to offset (pixels repeated), and its curves. */
export function acceptedSection(doc: Doc, m: ReportModel, a: AnnotationLine, grabs: FaceGrab[]): void {
  const cell = (contentWidth(doc) - (PER_ROW - 1) * GAP) / PER_ROW;
  ensureSpace(doc, 60 + cell + 30);
  doc.moveDown(0.6);
  doc.x = MARGIN;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(printColor(a.emotion))
    .text(
      shown(
        `${a.label} ${a.emotion ?? 'no emotion named'}: frames ${a.onset.frame}–${a.offset.frame} ` +
          `(${a.durationFrames} frame${a.durationFrames === 1 ? '' : 's'}, ${a.durationMs.toFixed(1)} ms)`,
      ),
      { width: contentWidth(doc) },
    );
  doc
    .font('body')
    .fontSize(8.5)
    .fillColor('#111111')
    .text(shown(annotationNoteLine(a)), { width: contentWidth(doc) });
  doc.moveDown(0.3);
  for (let start = 0; start < grabs.length; start += PER_ROW) {
    ensureSpace(doc, cell + 26);
    const top = doc.y;
    let lowest = top;
    grabs.slice(start, start + PER_ROW).forEach((g, i) => {
      const x = MARGIN + i * (cell + GAP);
      if (g.png) {
        doc.image(g.png, x, top, { fit: [cell, cell], align: 'center', valign: 'center' });
        doc.rect(x, top, cell, cell).lineWidth(0.5).strokeColor('#999999').stroke();
      } else {
        doc.rect(x, top, cell, cell).lineWidth(0.5).dash(2, { space: 2 }).strokeColor('#999999').stroke().undash();
        doc
          .font('body')
          .fontSize(6.5)
          .fillColor('#666666')
          .text(shown(g.problem ?? 'not available'), x + 3, top + 3, { width: cell - 6, height: cell - 6 });
      }
      doc
        .font(g.role ? 'bold' : 'body')
        .fontSize(6.5)
        .fillColor('#111111')
        .text(grabLabel(g), x, top + cell + 2, { width: cell });
      lowest = Math.max(lowest, doc.y);
    });
    doc.x = MARGIN;
    doc.y = lowest + 4;
  }
  const first = grabs.find((g) => g.png);
  if (first) {
    const complete = grabs.length === a.durationFrames;
    caption(
      doc,
      `${complete ? `All ${grabs.length} frames` : `${grabs.length} of the ${a.durationFrames} frames, evenly spaced (onset, apex and offset among them)`} ` +
        `from onset to offset, each decoded from the original: ${grabCaption(first)}.`,
    );
  }
  if (!m.timeline) return; // without an analysis there are no curves to show around it
  ensureSpace(doc, 140);
  doc.moveDown(0.3);
  figure(doc, closeUpFigure(m, a));
  caption(doc, closeUpCaption(a));
}
