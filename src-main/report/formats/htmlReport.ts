import { closeUpCaption, closeUpFigure, overviewFigure } from '../figure/figures.js';
import { svgFigure } from '../figure/svgFigure.js';
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
import { html, trusted, type SafeHtml } from './htmlText.js';
import { printColor } from '../figure/palette.js';

/**
 * The report as one self-contained HTML file: styles inline, figures as inline
 * SVG, frames as data: URIs. No script at all, and a Content-Security-Policy
 * that forbids any (and any request), so nothing in it can run or call out even
 * if a note held markup, which the escaping template already prevents.
 */
export function htmlReport(m: ReportModel, grabs: GrabSet): string {
  const title = reportTitle(m);
  const banner = m.verification.holds
    ? ''
    : html`<div class="banner" role="alert"><strong>WARNING:</strong> ${m.notices[0] ?? 'THE ORIGINAL DOES NOT VERIFY.'}</div>`;
  // One part a line, as before: Prettier would join the banner's line with the next and so change the report's bytes.
  // prettier-ignore
  const page = html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'" />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${trusted(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${banner}
          ${facts(summaryFacts(m))}
          ${m.notices.filter((n, i) => m.verification.holds || i > 0).map((n) => html`<p class="notice">${n}</p>`)}
          <h2>1. Recording</h2>
          ${facts(recordingFacts(m))}
          <h3>Verification of the original at report time</h3>
          ${facts(locationFacts(m))}
          <h2>2. Analysis and spotting</h2>
          ${m.analysis ? facts(analysisFacts(m)) : html`<p class="notice">No analysis.</p>`}
          ${
            m.analysis
              ? details(
                  'Analysis parameters',
                  m.analysis.parameters.map((p) => ({ label: p.name, value: p.value })),
                )
              : ''
          }
          ${
            m.spotting
              ? [
                  facts(spottingFacts(m)),
                  settingsTable(
                    'Spotter parameters',
                    m.spotting.parameters.map((p) => ({ label: p.name, value: p.value })),
                  ),
                ]
              : html`<p class="notice">The spotter was not run.</p>`
          }
          <h3>Analysts</h3>
          ${facts(analystLines(m))}
          <h2>3. Timeline</h2>
          <figure>
            ${svgFigure(overviewFigure(m), 'Emotion probabilities (maximum per column) over the whole recording, with the annotations as numbered bands')}
            <figcaption>
              Emotion probabilities over the whole recording (the maximum within each column, so a one-frame flash stays visible) and the
              annotations as numbered bands: filled = accepted, dashed = pending, grey = rejected.
            </figcaption>
          </figure>
          <h2>4. Annotations</h2>
          ${m.annotations.length === 0 ? html`<p class="notice">There are no annotations on this recording.</p>` : annotationTable(m.annotations)}
          <h2>5. Accepted annotations, frame by frame</h2>
          ${acceptedSections(m, grabs)}
          <h2>6. Audit summary</h2>
          ${facts(auditFacts(m))}
          <h2>7. Limitations</h2>
          ${m.limitations.map((l) => html`<p class="limitation">${l}</p>`)}
          <footer>${m.tool.name} ${m.tool.version} · recording SHA-256 ${m.recording.sha256} · made ${m.generatedAt}</footer>
        </main>
      </body>
    </html> `;
  return page.value;
}

function facts(list: Fact[]): SafeHtml {
  return html`<dl class="facts">
    ${list.map(
      (f) =>
        html`<dt>${f.label}</dt>
          <dd class="${f.mono ? 'mono' : ''}">${f.value}</dd>`,
    )}
  </dl>`;
}

function details(summary: string, list: Fact[]): SafeHtml {
  return html`<details>
    <summary>${summary} (${list.length})</summary>
    ${settingsGrid(list)}
  </details>`;
}

function settingsTable(caption: string, list: Fact[]): SafeHtml {
  return html`<h3>${caption}</h3>
    ${settingsGrid(list)}`;
}

function settingsGrid(list: Fact[]): SafeHtml {
  return html`<table class="settings">
    <tbody>
      ${list.map(
        (f) =>
          html`<tr>
            <th>${f.label}</th>
            <td class="mono">${f.value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function annotationTable(list: AnnotationLine[]): SafeHtml {
  return html`<div class="table-scroll">
    <table class="annotations">
      <colgroup>
        <col class="c-num" />
        <col class="c-status" />
        <col class="c-emotion" />
        <col class="c-time" />
        <col class="c-time" />
        <col class="c-time" />
        <col class="c-dur" />
        <col class="c-who" />
      </colgroup>
      <thead>
        <tr>
          ${ANNOTATION_HEADERS.map((h) => html`<th>${h}</th>`)}
        </tr>
      </thead>
      ${list.map(
        (a) =>
          html`<tbody class="annotation status-${a.status}">
            <tr>
              ${annotationRowCells(a)}
            </tr>
            <tr class="note-row">
              <td colspan="${ANNOTATION_HEADERS.length}">
                <span class="user-text">${annotationNoteLine(a)}</span><br /><span class="origin">${annotationOrigin(a)}</span>
              </td>
            </tr>
          </tbody>`,
      )}
    </table>
  </div>`;
}

/** An annotation's cells; the emotion's has a left border in the emotion's print colour. */
function annotationRowCells(a: AnnotationLine): SafeHtml[] {
  return annotationCells(a).map((c, i) => {
    const border = i === 2 ? html` style="border-left: 4px solid ${printColor(a.emotion)}"` : '';
    return html`<td class="${i === 2 ? 'emotion' : ''}" ${border}>${c}</td>`;
  });
}

/** A grab's picture as an inline PNG, or why there is none. */
function grabPicture(g: FaceGrab): SafeHtml {
  if (!g.png) return html`<div class="nograb">${g.problem ?? 'not available'}</div>`;
  const base64 = g.png.toString('base64');
  return html`<img alt="${g.role} frame ${g.frame}" width="${g.width}" height="${g.height}" src="data:image/png;base64,${base64}" />`;
}

function acceptedSections(m: ReportModel, grabs: GrabSet): SafeHtml {
  const accepted = m.annotations.filter((a) => a.status === 'accepted');
  if (accepted.length === 0) return html`<p class="notice">No annotation has been accepted: there are no frames to show.</p>`;
  return html`${grabs.omitted ? html`<p class="notice">${grabs.omitted}</p>` : ''}${accepted.map(
    (a) =>
      html`<section class="accepted">
        <h3>${a.label} ${a.emotion ?? 'no emotion named'}: frames ${a.onset.frame}–${a.offset.frame} (${a.durationMs.toFixed(1)} ms)</h3>
        <p class="user-text">${annotationNoteLine(a)}</p>
        <div class="grabs">
          ${(grabs.byAnnotation.get(a.id) ?? []).map(
            (g) =>
              html`<figure class="grab">
                ${grabPicture(g)}
                <figcaption>
                  <strong>${g.role}</strong>:
                  ${timeWords(g.role === 'onset' ? a.onset : g.role === 'offset' ? a.offset : (a.apex ?? a.onset))}<br />${grabCaption(g)}
                </figcaption>
              </figure>`,
          )}
        </div>
        ${
          m.timeline
            ? html`<figure>
                ${svgFigure(closeUpFigure(m, a), `Emotion probabilities frame by frame around annotation ${a.label}`)}
                <figcaption>${closeUpCaption(a)}</figcaption>
              </figure>`
            : ''
        }
      </section>`,
  )}`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#111;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
h3{font-size:1rem;overflow-wrap:anywhere}
.banner{border:3px solid #b00020;background:#fde7ea;color:#7a0014;padding:.75rem 1rem;margin:1rem 0;font-size:1.05rem;overflow-wrap:anywhere}
.notice{background:#fff7e0;border-left:4px solid #e0a800;padding:.4rem .75rem;overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:minmax(8rem,14rem) minmax(0,1fr);gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{color:#555}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;overflow-wrap:anywhere;word-break:break-all}
table{border-collapse:collapse;width:100%;table-layout:fixed}
.table-scroll{overflow-x:auto;max-width:100%}
table.annotations{min-width:36rem}
th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left;overflow-wrap:anywhere;white-space:pre-line}
table.settings th{width:40%;font-weight:normal;color:#555}
table.annotations{font-size:.85rem}
col.c-num{width:2.2rem} col.c-status{width:5rem} col.c-emotion{width:5.5rem} col.c-time{width:7.5rem} col.c-dur{width:5.5rem} col.c-who{width:auto}
tbody.status-rejected td{color:#666}
tr.note-row td{white-space:normal;background:#f7f7f7}
.user-text{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
.origin{color:#666;font-size:.8rem}
figure{margin:1rem 0;max-width:100%}
svg.figure{width:100%;height:auto;display:block}
figcaption{font-size:.8rem;color:#444;overflow-wrap:anywhere}
.grabs{display:flex;flex-wrap:wrap;gap:.75rem}
figure.grab{margin:0;width:calc((100% - 1.5rem)/3);min-width:10rem}
figure.grab img{width:100%;height:auto;image-rendering:pixelated;border:1px solid #999;display:block}
.nograb{border:1px dashed #999;padding:1rem;color:#666;font-size:.85rem}
section.accepted{border-top:1px solid #eee;margin-top:1rem}
p.limitation{max-width:50rem}
footer{margin-top:2rem;color:#666;font-size:.75rem;overflow-wrap:anywhere}
@media print{main{max-width:none;padding:0} details{display:none}}
`;
