import { closeUpCaption, closeUpFigure, overviewCaption, overviewFigure } from '../figure/figures.js';
import { svgFigure } from '../figure/svgFigure.js';
import { grabCaption, grabLabel, type FaceGrab, type GrabSet } from '../grabs/faceGrab.js';
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
  reportFacts,
  reportTitle,
  spottingFacts,
  type Fact,
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
import { html, trusted, type SafeHtml } from './htmlText.js';
import { printColor } from '../figure/palette.js';
import { REPORT_STYLE } from './htmlStyle.js';
import { NO_SECOND_CODING, reliabilityFacts } from '../content/reliabilityWords.js';

/**
 * The report as one self-contained HTML file, with the PDF's content in the
 * PDF's order: styles inline, figures as inline SVG, frames as data: URIs. No
 * script at all, and a Content-Security-Policy that forbids any (and any
 * request), so nothing in it can run or call out even if a note held markup,
 * which the escaping template already prevents.
 */
export function htmlReport(m: ReportModel, grabs: GrabSet): string {
  const title = reportTitle(m);
  const banner = m.verification.holds
    ? ''
    : html`<div class="banner" role="alert"><strong>WARNING:</strong> ${m.notices[0] ?? 'THE ORIGINAL DOES NOT VERIFY.'}</div>`;
  const unreviewed = m.unreviewedWarning ? html`<p class="warning" role="alert">${m.unreviewedWarning}</p>` : '';
  const findings = m.annotations.filter((a) => a.status === 'accepted');
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
          ${trusted(REPORT_STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${banner}
          ${unreviewed}
          ${facts(caseFacts(m))}
          <h3>Request</h3>
          ${facts(requestFacts(m))}
          <h3>Summary</h3>
          ${facts(summaryLines(m))}
          ${m.notices.filter((n, i) => m.verification.holds || i > 0).map((n) => html`<p class="notice">${n}</p>`)}
          <h3>Findings</h3>
          ${findingsTable(m, findings)}
          <h2>1. Every candidate the spotter proposed</h2>
          ${candidatesTable(m)}
          <h2>2. Annotations: decisions and hand marks</h2>
          ${m.annotations.length === 0 ? html`<p class="notice">There are no annotations on this recording.</p>` : annotationTable(m, m.annotations)}
          <h2>3. Timeline</h2>
          <figure>
            ${svgFigure(overviewFigure(m), 'Emotion probabilities over the whole recording, with the accepted events as numbered bands')}
            <figcaption>${overviewCaption(m)}</figcaption>
          </figure>
          <h2>4. Accepted events, frame by frame</h2>
          ${acceptedSections(m, grabs)}
          <h2>5. Method</h2>
          ${m.method.map((p) => html`<p class="method">${p}</p>`)}
          <h2>6. Reliability of the coding</h2>
          ${m.reliability ? facts(reliabilityFacts(m)) : html`<p class="method">${NO_SECOND_CODING}</p>`}
          <h2>7. Limitations</h2>
          ${m.limitations.map((l) => html`<p class="limitation">${l}</p>`)}
          <h2>8. Examiner's declaration</h2>
          <p class="method user-text">${m.declaration}</p>
          ${signatureLines(m)}
          <h2>Appendix A: the recording, its verification and this report</h2>
          <p class="origin">${APPENDIX_TIMES_NOTE}</p>
          ${facts(recordingFacts(m))}
          <h3>Verification of the original at report time</h3>
          ${facts(locationFacts(m))}
          <h3>This report</h3>
          ${facts(reportFacts(m))}
          <h2>Appendix B: analysis, models and spotter</h2>
          ${m.analysis ? facts(analysisFacts(m)) : html`<p class="notice">No analysis.</p>`}
          ${parameterParts(m)}
          <h2>Appendix C: audit summary and analysts</h2>
          <p class="origin">${APPENDIX_TIMES_NOTE}</p>
          ${facts(auditFacts(m))}
          <h3>Analysts</h3>
          ${facts(analystLines(m))}
          <footer>
            ${m.tool.name} ${m.tool.version} · recording SHA-256 ${m.recording.sha256} · made ${m.generatedAt}
            ${m.unreviewedWarning ? html`<br /><strong>${m.unreviewedWarning}</strong>` : ''}
          </footer>
        </main>
      </body>
    </html> `;
  return page.value;
}

function findingsTable(m: ReportModel, findings: AnnotationLine[]): SafeHtml {
  if (findings.length === 0) return html`<p class="notice">No event has been accepted: there is no finding.</p>`;
  return table(
    FINDING_HEADERS,
    findings.map((a) => findingCells(m, a)),
  );
}

function candidatesTable(m: ReportModel): SafeHtml {
  if (!m.spotting) return html`<p class="notice">The spotter was not run on this recording.</p>`;
  if (m.candidates.length === 0) return html`<p class="notice">The spotter proposed no candidate.</p>`;
  return table(
    CANDIDATE_HEADERS,
    m.candidates.map((c) => candidateCells(m, c)),
    m.candidates.map((c) => `status-${c.status.replace(' ', '-')}`),
  );
}

function signatureLines(m: ReportModel): SafeHtml[] {
  return signers(m).map(
    (s) =>
      html`<div class="signature">
        <span class="user-text">${s.role}: ${s.name}</span><span>Date:</span><span class="date"></span><span>Signature:</span
        ><span class="line"></span>
      </div>`,
  );
}

function parameterParts(m: ReportModel): SafeHtml {
  const list = (ps: { name: string; value: string }[]) => ps.map((p) => ({ label: p.name, value: p.value }));
  return html`${m.spotting ? [facts(spottingFacts(m)), settingsTable('Spotter parameters', list(m.spotting.parameters))] : ''}
  ${m.analysis ? details('Analysis parameters', list(m.analysis.parameters)) : ''}`;
}

function facts(list: Fact[]): SafeHtml {
  return html`<dl class="facts">
    ${list.map(
      (f) =>
        html`<dt>${f.label}</dt>
          <dd class="${f.mono ? 'mono' : 'user-text'}">${f.value}</dd>`,
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

/** A plain table: a header row and one row per entry; `rowClasses` e.g. mark a candidate's status. */
function table(headers: readonly string[], rows: string[][], rowClasses: string[] = []): SafeHtml {
  return html`<div class="table-scroll">
    <table class="annotations">
      <thead>
        <tr>
          ${headers.map((h) => html`<th>${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (cells, i) =>
            html`<tr class="${rowClasses[i] ?? ''}">
              ${cells.map((c) => html`<td>${c}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function annotationTable(m: ReportModel, list: AnnotationLine[]): SafeHtml {
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
                <span class="user-text">${annotationNoteLine(a)}</span><br /><span class="origin"
                  >${annotationOrigin(a, local(m, a.updatedAt))}</span
                >
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
  return html`<img alt="frame ${g.frame}" width="${g.width}" height="${g.height}" src="data:image/png;base64,${base64}" />`;
}

function acceptedSections(m: ReportModel, grabs: GrabSet): SafeHtml {
  const accepted = m.annotations.filter((a) => a.status === 'accepted');
  if (accepted.length === 0) return html`<p class="notice">No event has been accepted: there are no frames to show.</p>`;
  return html`${grabs.omitted ? html`<p class="notice">${grabs.omitted}</p>` : ''}${accepted.map((a) => {
    const strip = grabs.byAnnotation.get(a.id) ?? [];
    const first = strip.find((g) => g.png);
    return html`<section class="accepted">
      <h3>
        ${a.label} ${a.emotion ?? 'no emotion named'}: frames ${a.onset.frame}–${a.offset.frame} (${a.durationFrames}
        frame${a.durationFrames === 1 ? '' : 's'}, ${a.durationMs.toFixed(1)} ms)
      </h3>
      <p class="user-text">${annotationNoteLine(a)}</p>
      <div class="grabs">
        ${strip.map(
          (g) =>
            html`<figure class="grab">
              ${grabPicture(g)}
              <figcaption>${grabLabel(g)}</figcaption>
            </figure>`,
        )}
      </div>
      ${
        first
          ? html`<p class="origin">
              ${
                strip.length === a.durationFrames
                  ? `All ${strip.length} frames`
                  : `${strip.length} of the ${a.durationFrames} frames, evenly spaced (onset, apex and offset among them)`
              }
              from onset to offset, each decoded from the original: ${grabCaption(first)}.
            </p>`
          : ''
      }
      ${
        m.timeline
          ? html`<figure>
              ${svgFigure(closeUpFigure(m, a), `Emotion probabilities frame by frame around annotation ${a.label}`)}
              <figcaption>${closeUpCaption(a)}</figcaption>
            </figure>`
          : ''
      }
    </section>`;
  })}`;
}
