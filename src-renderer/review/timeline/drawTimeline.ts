import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import type { StripView } from '../../../src-shared/review/timelineView.js';
import { auColor, CLASS_COLORS, emotionColor } from './colors.js';

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

/**
 * Draws one timeline: markers on top, then the class probabilities (0–1) and,
 * below, the action-unit traces, each as a min–max bar per bucket so no spike
 * is lost, then the cursor. Canvas only: a three-hour recording is a few
 * thousand bars, never a DOM node per frame.
 */
export function drawTimeline(ctx: CanvasRenderingContext2D, width: number, height: number, view: StripView, env: EnvelopeData | null, shown: ReadonlySet<string>,
  markers: readonly TimelineMarker[], cursor: number | null): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#15191e';
  ctx.fillRect(0, 0, width, height);
  const span = view.to - view.from;
  const x = (f: number) => ((f - view.from) / span) * width;
  const showAus = ACTION_UNITS.some((au) => shown.has(au));
  const scoreTop = MARKER_BAND + 2;
  const scoreHeight = (height - scoreTop) * (showAus ? 0.6 : 1) - 2;
  const auTop = scoreTop + scoreHeight + 4;
  const auHeight = height - auTop - 2;

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

  if (env && env.buckets > 0) {
    const cols = env.columns.length;
    for (let c = 0; c < cols; c++) {
      const name = env.columns[c] as string;
      if (!shown.has(name)) continue;
      const isAu = (ACTION_UNITS as readonly string[]).includes(name);
      ctx.fillStyle = isAu ? auColor(ACTION_UNITS.indexOf(name as never)) : CLASS_COLORS[name as keyof typeof CLASS_COLORS];
      const yOf = isAu
        ? (v: number) => auTop + auHeight / 2 - (Math.max(-AU_RANGE, Math.min(AU_RANGE, v)) / AU_RANGE) * (auHeight / 2)
        : (v: number) => scoreTop + scoreHeight - v * scoreHeight;
      const xs = (b: number) => x(env.from + Math.floor((b * (env.to - env.from)) / env.buckets));
      const bucketPx = width / Math.max(1, env.buckets) * ((env.to - env.from) / Math.max(1, span));
      if (bucketPx >= 2) {
        // Few buckets (a zoomed strip): a line through each bucket's middle, broken where there is no face.
        ctx.strokeStyle = ctx.fillStyle;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        let drawing = false;
        for (let b = 0; b < env.buckets; b++) {
          const lo = env.min[b * cols + c] as number;
          const hi = env.max[b * cols + c] as number;
          if (Number.isNaN(lo)) { drawing = false; continue; }
          const px = (xs(b) + xs(b + 1)) / 2;
          const py = yOf((lo + hi) / 2);
          if (drawing) ctx.lineTo(px, py);
          else ctx.moveTo(px, py);
          drawing = true;
        }
        ctx.stroke();
        continue;
      }
      // Many buckets (the overview): a min–max bar per pixel column, stretched to meet its neighbour so the trace stays continuous.
      let prevLo = NaN;
      let prevHi = NaN;
      for (let b = 0; b < env.buckets; b++) {
        let lo = env.min[b * cols + c] as number;
        let hi = env.max[b * cols + c] as number;
        if (Number.isNaN(lo)) { prevLo = NaN; prevHi = NaN; continue; }
        const ownLo = lo;
        const ownHi = hi;
        if (!Number.isNaN(prevLo)) { lo = Math.min(lo, prevHi); hi = Math.max(hi, prevLo); }
        prevLo = ownLo;
        prevHi = ownHi;
        const bx = xs(b);
        const y0 = yOf(hi);
        ctx.fillRect(bx, y0, Math.max(1, xs(b + 1) - bx), Math.max(1, yOf(lo) - y0));
      }
    }
    if (showAus) {
      ctx.fillStyle = '#2a2f36';
      ctx.fillRect(0, auTop + auHeight / 2, width, 1);
    }
  }

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
