import { html, trusted, type SafeHtml } from '../formats/htmlText.js';
import type { FigureGeometry } from './timelineGeometry.js';

/** The figure as inline SVG for the HTML report. Every label goes through the escaping template. */
export function svgFigure(g: FigureGeometry, title: string): SafeHtml {
  const { plot } = g;
  const points = (seg: [number, number][]) => seg.map(([x, y]) => `${x},${y}`).join(' ');
  const bottom = plot.y + plot.h;
  const yTicks = g.yTicks.map((t) => [
    html`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${t.y}" y2="${t.y}" stroke="#ddd" stroke-width="0.5" />`,
    html`<text x="${plot.x - 3}" y="${t.y + 2.5}" text-anchor="end" fill="#555">${t.label}</text>`,
  ]);
  const bands = g.bands.map((b) => {
    const fill = b.status === 'rejected' ? '#bbbbbb' : b.color;
    const opacity = b.status === 'accepted' ? 0.3 : 0.12;
    const stroke = b.status === 'rejected' ? '#999999' : b.color;
    const dash = b.status === 'pending' ? trusted(' stroke-dasharray="2 1.5"') : '';
    const box = html`x="${b.x}" y="${plot.y}" width="${b.w}" height="${plot.h}"`;
    const paint = html`fill="${fill}" fill-opacity="${opacity}" stroke="${stroke}" stroke-width="0.8" ${dash}`;
    return [
      html`<rect ${box} ${paint} />`,
      html`<text x="${b.x + b.w / 2}" y="${plot.y - 4 - b.labelRow * 8}" text-anchor="middle" fill="#222">${b.label}</text>`,
    ];
  });
  const marks = g.marks.map(
    (m) => html`<line x1="${m.x}" x2="${m.x}" y1="${plot.y}" y2="${bottom}" stroke="#333" stroke-width="0.5" stroke-dasharray="1.5 1.5" />`,
  );
  const lines = g.lines.map((l) =>
    l.segments.map(
      (s) => html`<polyline points="${points(s)}" fill="none" stroke="${l.color}" stroke-width="0.9" stroke-linejoin="round" />`,
    ),
  );
  const xTicks = g.xTicks.map((t) => [
    html`<line x1="${t.x}" x2="${t.x}" y1="${bottom}" y2="${bottom + 3}" stroke="#555" stroke-width="0.5" />`,
    html`<text x="${t.x}" y="${bottom + 11}" text-anchor="middle" fill="#555">${t.label}</text>`,
  ]);
  const legend = g.legend.map((l, i) => [
    html`<rect x="${plot.x + i * 62}" y="${g.height - 10}" width="8" height="3" fill="${l.color}" />`,
    html`<text x="${plot.x + i * 62 + 11}" y="${g.height - 7}" fill="#333">${l.label}</text>`,
  ]);
  // One part a line, as before: Prettier would join these lines and so change the figure's bytes.
  // prettier-ignore
  return html`<svg
    class="figure"
    viewBox="0 0 ${g.width} ${g.height}"
    width="${g.width}"
    height="${g.height}"
    role="img"
    aria-label="${title}"
    xmlns="http://www.w3.org/2000/svg"
    font-family="sans-serif"
    font-size="7"
  >
    <title>${title}</title>
    <rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" fill="#fafafa" stroke="#999" stroke-width="0.5" />
    ${yTicks}
    ${bands}
    ${marks}
    ${lines}
    ${xTicks}
    ${legend}
    ${g.message ? html`<text x="${plot.x + plot.w / 2}" y="${plot.y + plot.h / 2}" text-anchor="middle" fill="#666" font-size="9">${g.message}</text>` : ''}
  </svg>`;
}
