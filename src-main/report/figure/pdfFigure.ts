import type { FigureGeometry } from './timelineGeometry.js';

/** Draws the figure geometry with its top-left corner at (x0, y0). Labels are plain text; nothing is interpreted. */
export function drawPdfFigure(doc: PDFKit.PDFDocument, g: FigureGeometry, x0: number, y0: number, font: string): void {
  const { plot } = g;
  const X = (x: number) => x0 + x;
  const Y = (y: number) => y0 + y;
  doc.save();
  doc.rect(X(plot.x), Y(plot.y), plot.w, plot.h).fillAndStroke('#fafafa', '#999999');
  doc.lineWidth(0.5).strokeColor('#dddddd');
  doc.font(font).fontSize(6).fillColor('#555555');
  for (const t of g.yTicks) {
    doc
      .moveTo(X(plot.x), Y(t.y))
      .lineTo(X(plot.x + plot.w), Y(t.y))
      .stroke();
    doc.text(t.label, X(plot.x) - 22, Y(t.y) - 3, { width: 19, align: 'right', lineBreak: false });
  }
  for (const b of g.bands) {
    const color = b.status === 'rejected' ? '#bbbbbb' : b.color;
    doc
      .rect(X(b.x), Y(plot.y), b.w, plot.h)
      .fillOpacity(b.status === 'accepted' ? 0.3 : 0.12)
      .fill(color);
    doc
      .fillOpacity(1)
      .lineWidth(0.8)
      .strokeColor(b.status === 'rejected' ? '#999999' : b.color);
    if (b.status === 'pending') doc.dash(2, { space: 1.5 });
    doc.rect(X(b.x), Y(plot.y), b.w, plot.h).stroke();
    doc.undash();
    doc
      .fillColor('#222222')
      .text(b.label, X(b.x + b.w / 2) - 10, Y(plot.y) - 9 - b.labelRow * 8, { width: 20, align: 'center', lineBreak: false });
  }
  doc.lineWidth(0.5).strokeColor('#333333').dash(1.5, { space: 1.5 });
  for (const m of g.marks)
    doc
      .moveTo(X(m.x), Y(plot.y))
      .lineTo(X(m.x), Y(plot.y + plot.h))
      .stroke();
  doc.undash();
  doc.lineWidth(0.9).lineJoin('round');
  for (const line of g.lines) {
    doc.strokeColor(line.color);
    for (const seg of line.segments) {
      const [first, ...rest] = seg;
      if (!first) continue;
      doc.moveTo(X(first[0]), Y(first[1]));
      for (const [x, y] of rest) doc.lineTo(X(x), Y(y));
      doc.stroke();
    }
  }
  doc.lineWidth(0.5).strokeColor('#555555').fillColor('#555555');
  for (const t of g.xTicks) {
    doc
      .moveTo(X(t.x), Y(plot.y + plot.h))
      .lineTo(X(t.x), Y(plot.y + plot.h + 3))
      .stroke();
    doc.text(t.label, X(t.x) - 30, Y(plot.y + plot.h + 5), { width: 60, align: 'center', lineBreak: false });
  }
  g.legend.forEach((l, i) => {
    doc.rect(X(plot.x + i * 62), Y(g.height - 11), 8, 3).fill(l.color);
    doc.fillColor('#333333').text(l.label, X(plot.x + i * 62 + 11), Y(g.height - 13), { width: 50, lineBreak: false });
  });
  if (g.message)
    doc
      .fontSize(8)
      .fillColor('#666666')
      .text(g.message, X(plot.x), Y(plot.y + plot.h / 2 - 4), { width: plot.w, align: 'center', lineBreak: false });
  doc.restore();
}
