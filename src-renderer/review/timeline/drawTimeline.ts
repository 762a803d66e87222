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
  const span = view.to - view.from;
  const x = (f: number) => ((f - view.from) / span) * width;
  const xs = (b: number) => x(env.from + Math.floor((b * (env.to - env.from)) / env.buckets));
  const { showAus, scoreTop, scoreHeight, auTop, auHeight } = bands(height, shown);
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
  if (showAus) {
    ctx.fillStyle = '#2a2f36';
    ctx.fillRect(0, auTop + auHeight / 2, width, 1);
  }
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
