import { html, trusted, type SafeHtml } from '../formats/htmlText.js';
import type { FigureGeometry } from './timelineGeometry.js';

/** The figure as inline SVG for the HTML report. Every label goes through the escaping template. */
export function svgFigure(g: FigureGeometry, title: string): SafeHtml {
  const { plot } = g;
  const points = (seg: [number, number][]) => seg.map(([x, y]) => `${x},${y}`).join(' ');
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
    ${g.yTicks.map((t) => html`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${t.y}" y2="${t.y}" stroke="#ddd" stroke-width="0.5" /><text x="${plot.x - 3}" y="${t.y + 2.5}" text-anchor="end" fill="#555">${t.label}</text>`)}
    ${g.bands.map((b) => html`<rect x="${b.x}" y="${plot.y}" width="${b.w}" height="${plot.h}" fill="${b.status === 'rejected' ? '#bbbbbb' : b.color}" fill-opacity="${b.status === 'accepted' ? 0.3 : 0.12}" stroke="${b.status === 'rejected' ? '#999999' : b.color}" stroke-width="0.8" ${b.status === 'pending' ? trusted(' stroke-dasharray="2 1.5"') : ''} /><text x="${b.x + b.w / 2}" y="${plot.y - 4 - b.labelRow * 8}" text-anchor="middle" fill="#222">${b.label}</text>`)}
    ${g.marks.map((m) => html`<line x1="${m.x}" x2="${m.x}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#333" stroke-width="0.5" stroke-dasharray="1.5 1.5" />`)}
    ${g.lines.map((l) => l.segments.map((s) => html`<polyline points="${points(s)}" fill="none" stroke="${l.color}" stroke-width="0.9" stroke-linejoin="round" />`))}
    ${g.xTicks.map((t) => html`<line x1="${t.x}" x2="${t.x}" y1="${plot.y + plot.h}" y2="${plot.y + plot.h + 3}" stroke="#555" stroke-width="0.5" /><text x="${t.x}" y="${plot.y + plot.h + 11}" text-anchor="middle" fill="#555">${t.label}</text>`)}
    ${g.legend.map((l, i) => html`<rect x="${plot.x + i * 62}" y="${g.height - 10}" width="8" height="3" fill="${l.color}" /><text x="${plot.x + i * 62 + 11}" y="${g.height - 7}" fill="#333">${l.label}</text>`)}
    ${g.message ? html`<text x="${plot.x + plot.w / 2}" y="${plot.y + plot.h / 2}" text-anchor="middle" fill="#666" font-size="9">${g.message}</text>` : ''}
  </svg>`;
}
