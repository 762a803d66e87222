import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import type { StripView } from '../../../src-shared/review/timelineView.js';
import { auColor, CLASS_COLORS, emotionColor } from './colors.js';
import { bucketEdges, paintBars, type BarEnvelope, type BarSeries } from './paintBars.js';

export interface TimelineMarker {
  key: string;
  from: number;
  /** Inclusive. */
  to: number;
  emotion: string | null;
  kind: 'candidate' | 'annotation';
  rejected: boolean;
  selected: boolean;
}

export interface EnvelopeData {
  from: number;
  to: number;
  buckets: number;
  columns: readonly string[];
  min: Float32Array;
  max: Float32Array;
}

const MARKER_BAND = 14;
/** Action units are drawn on ±AU_RANGE inter-ocular distances. */
const AU_RANGE = 0.15;

/** Where the score curves and the action-unit traces sit in a timeline of `height` pixels. */
function bands(height: number, shown: ReadonlySet<string>) {
  const showAus = ACTION_UNITS.some((au) => shown.has(au));
  const scoreTop = MARKER_BAND + 2;
  const scoreHeight = (height - scoreTop) * (showAus ? 0.6 : 1) - 2;
  const auTop = scoreTop + scoreHeight + 4;
  return { showAus, scoreTop, scoreHeight, auTop, auHeight: height - auTop - 2 };
}

/**
 * Draws the curves of one timeline on a transparent layer: the class
 * probabilities (0–1) and, below, the action-unit traces. The layer is redrawn
 * only when the view, the size, the data or the shown curves change, not when
 * the cursor moves.
 */
export function drawCurves(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  view: StripView,
  env: EnvelopeData | null,
  shown: ReadonlySet<string>,
): void {
  ctx.clearRect(0, 0, width, height);
  if (!env || env.buckets < 1) return;
  drawAxes(ctx, width, height, shown);
  const span = view.to - view.from;
  const x = (f: number) => ((f - view.from) / span) * width;
  const xs = (b: number) => x(env.from + Math.floor((b * (env.to - env.from)) / env.buckets));
  const { scoreTop, scoreHeight, auTop, auHeight } = bands(height, shown);
  const series: BarSeries[] = [];
  env.columns.forEach((name, column) => {
    if (!shown.has(name)) return;
    const au = (ACTION_UNITS as readonly string[]).indexOf(name);
    series.push(
      au >= 0
        ? {
            column,
            color: auColor(au),
            y0: auTop + auHeight / 2,
            yPerUnit: -(auHeight / 2) / AU_RANGE,
            lowest: -AU_RANGE,
            highest: AU_RANGE,
          }
        : {
            column,
            color: CLASS_COLORS[name as keyof typeof CLASS_COLORS],
            y0: scoreTop + scoreHeight,
            yPerUnit: -scoreHeight,
            lowest: -Infinity,
            highest: Infinity,
          },
    );
  });
  const bucketPx = (width / env.buckets) * ((env.to - env.from) / Math.max(1, span));
  const bars: BarEnvelope = { buckets: env.buckets, columns: env.columns.length, min: env.min, max: env.max };
  if (bucketPx >= 2) {
    // Few buckets (a zoomed strip): a line through each bucket's middle, broken where there is no face.
    for (const s of series) {
      const yOf = (v: number) => s.y0 + Math.min(s.highest, Math.max(s.lowest, v)) * s.yPerUnit;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      let drawing = false;
      for (let b = 0; b < env.buckets; b++) {
        const lo = bars.min[b * bars.columns + s.column] as number;
        const hi = bars.max[b * bars.columns + s.column] as number;
        if (Number.isNaN(lo)) {
          drawing = false;
          continue;
        }
        const px = (xs(b) + xs(b + 1)) / 2;
        const py = yOf((lo + hi) / 2);
        if (drawing) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
        drawing = true;
      }
      ctx.stroke();
    }
  } else {
    // Many buckets (the overview): a min–max bar per pixel column, so no spike is lost.
    const image = ctx.createImageData(width, height);
    paintBars(new Uint32Array(image.data.buffer), width, height, bucketEdges(env.buckets, xs), bars, series);
    ctx.putImageData(image, 0, 0);
  }
  drawAxisLabels(ctx, width, height, shown);
}

/** Grid lines at 0, 0.5 and 1 of the scores and at −0.15, 0 and +0.15 of the action units, under the curves. */
function drawAxes(ctx: CanvasRenderingContext2D, width: number, height: number, shown: ReadonlySet<string>): void {
  const { showAus, scoreTop, scoreHeight, auTop, auHeight } = bands(height, shown);
  ctx.fillStyle = '#262b33';
  for (const v of [0, 0.5, 1]) ctx.fillRect(0, Math.round(scoreTop + scoreHeight * (1 - v)), width, 1);
  if (showAus) for (const k of [0, 0.5, 1]) ctx.fillRect(0, Math.round(auTop + auHeight * k), width, 1);
}

/**
 * The axes' values at the left edge, over the curves, and the names of the
 * action-unit traces shown (in their colours) in their band. Only where there
 * is room (a band of at least 40 px): the overview is too low for labels.
 */
function drawAxisLabels(ctx: CanvasRenderingContext2D, width: number, height: number, shown: ReadonlySet<string>): void {
  const { showAus, scoreTop, scoreHeight, auTop, auHeight } = bands(height, shown);
  if (scoreHeight < 60) return;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#8a939d';
  const label = (text: string, y: number) => ctx.fillText(text, 3, Math.min(height - 6, Math.max(scoreTop + 5, y)));
  label('p 1', scoreTop + 5);
  label('0.5', scoreTop + scoreHeight / 2);
  label('0', scoreTop + scoreHeight - 5);
  if (!showAus || auHeight < 24) return;
  label(`+${AU_RANGE}`, auTop + 5);
  label('AU 0', auTop + auHeight / 2);
  label(`−${AU_RANGE} IOD`, auTop + auHeight - 5);
  let x = 70;
  ACTION_UNITS.forEach((au, i) => {
    if (!shown.has(au) || x > width - 60) return;
    const text = au.replace('au', 'AU');
    ctx.fillStyle = auColor(i);
    ctx.fillText(text, x, auTop + 6);
    x += ctx.measureText(text).width + 8;
  });
}

/**
 * Draws one timeline: markers on top, then the curves (a layer drawn by
 * drawCurves), then the cursor. Canvas only: a three-hour recording is a few
 * thousand bars, never a DOM node per frame.
 */
export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  view: StripView,
  curves: CanvasImageSource,
  markers: readonly TimelineMarker[],
  cursor: number | null,
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#15191e';
  ctx.fillRect(0, 0, width, height);
  const span = view.to - view.from;
  const x = (f: number) => ((f - view.from) / span) * width;

  for (const m of markers) {
    if (m.to < view.from || m.from >= view.to) continue;
    const x0 = x(m.from);
    const w = Math.max(2, x(m.to + 1) - x0);
    ctx.globalAlpha = m.rejected ? 0.3 : 1;
    ctx.fillStyle = emotionColor(m.emotion);
    const y = m.kind === 'candidate' ? 0 : MARKER_BAND / 2;
    ctx.fillRect(x0, y, w, MARKER_BAND / 2 - 1);
    if (m.selected) {
      ctx.globalAlpha = 0.12;
      ctx.fillRect(x0, 0, w, height);
    }
    ctx.globalAlpha = 1;
  }

  ctx.drawImage(curves, 0, 0);

  if (cursor !== null && cursor >= view.from && cursor < view.to) {
    const cx = x(cursor);
    const frameW = x(cursor + 1) - cx;
    if (frameW > 4) {
      ctx.fillStyle = 'rgba(255,255,255,0.15)';
      ctx.fillRect(cx, 0, frameW, height);
    }
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(cx, 0, 1, height);
  }
}
