import type { Verdict } from '../../../src-shared/domain/annotation.js';
import { CURVE_EMOTIONS, type AnnotationLine, type CurveSeries } from '../model/reportModel.js';
import { printColor, PRINT_COLORS } from './palette.js';

/**
 * The timeline figure as geometry: where every line, band and label goes, in
 * points, with y growing downwards. Pure, so the SVG (HTML) and the PDF draw
 * the same figure, and tests can check it without rendering.
 */
export interface FigureGeometry {
  width: number;
  height: number;
  plot: { x: number; y: number; w: number; h: number };
  /** One step line per emotion; each segment is a polyline (broken where there was no face). */
  lines: { emotion: string; color: string; segments: [number, number][][] }[];
  bands: { x: number; w: number; color: string; status: Verdict; label: string; labelRow: number }[];
  /** Dashed vertical marks (e.g. an annotation's apex in a close-up). */
  marks: { x: number; label: string }[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  legend: { label: string; color: string }[];
  /** Shown across the plot when there is nothing to draw. */
  message: string | null;
}

export interface FigureRequest {
  width: number;
  height: number;
  /** The time span shown, in elapsed seconds. */
  startS: number;
  endS: number;
  curves: CurveSeries | null;
  annotations: AnnotationLine[];
  /** Mark each annotation's onset, apex and offset (close-ups). */
  markFrames?: boolean;
  /** The emotions whose curves are drawn (default: all seven). */
  emotions?: readonly (typeof CURVE_EMOTIONS)[number][];
  message?: string | null;
}

const MARGIN = { left: 30, right: 8, top: 26, bottom: 34 };
/** A band is at least this wide, so a one-frame event on an hour-long overview stays visible. */
export const MIN_BAND_WIDTH = 1.5;
const TICK_STEPS_S = [0.04, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400];

export function timelineGeometry(req: FigureRequest): FigureGeometry {
  const plot = { x: MARGIN.left, y: MARGIN.top, w: req.width - MARGIN.left - MARGIN.right, h: req.height - MARGIN.top - MARGIN.bottom };
  const span = Math.max(req.endS - req.startS, 1e-6);
  const sx = (s: number) => plot.x + ((Math.min(Math.max(s, req.startS), req.endS) - req.startS) / span) * plot.w;
  const sy = (p: number) => plot.y + (1 - Math.min(Math.max(p, 0), 1)) * plot.h;

  const shownEmotions = req.emotions ?? CURVE_EMOTIONS;
  const lines = req.curves
    ? shownEmotions.map((emotion) => ({ emotion, color: PRINT_COLORS[emotion], segments: stepSegments(req.curves!, emotion, sx, sy) }))
    : [];
  const visible = req.annotations.filter((a) => a.endMs / 1000 > req.startS && a.onset.elapsedS < req.endS);
  const bands = visible.map((a, i) => {
    const x0 = sx(a.onset.elapsedS);
    const x1 = sx(a.endMs / 1000);
    const w = Math.max(MIN_BAND_WIDTH, x1 - x0);
    return {
      x: Math.min(x0, plot.x + plot.w - w),
      w,
      color: printColor(a.emotion),
      status: a.status,
      label: a.label,
      labelRow: i % 2,
    };
  });
  const marks = req.markFrames
    ? visible.flatMap((a) => [
        { x: sx(a.onset.elapsedS), label: `onset ${a.onset.frame}` },
        ...(a.apex ? [{ x: sx(a.apex.elapsedS), label: `apex ${a.apex.frame}` }] : []),
        { x: sx(a.endMs / 1000), label: `end of ${a.offset.frame}` },
      ])
    : [];
  return {
    width: req.width,
    height: req.height,
    plot,
    lines,
    bands,
    marks,
    xTicks: timeTicks(req.startS, req.endS, plot.w / 70).map((s) => ({ x: sx(s), label: tickLabel(s, req.endS - req.startS) })),
    yTicks: [0, 0.5, 1].map((p) => ({ y: sy(p), label: p.toFixed(1) })),
    legend: req.curves ? shownEmotions.map((e) => ({ label: e, color: PRINT_COLORS[e] })) : [],
    message: req.message ?? (req.curves ? null : 'no analysis: no emotion curves'),
  };
}

/** A bucket's value holds from its start to the next bucket's start: drawn as steps, never interpolated. */
function stepSegments(
  c: CurveSeries,
  emotion: (typeof CURVE_EMOTIONS)[number],
  sx: (s: number) => number,
  sy: (p: number) => number,
): [number, number][][] {
  const segments: [number, number][][] = [];
  let current: [number, number][] = [];
  const values = c.values[emotion];
  for (let b = 0; b < values.length; b++) {
    const v = values[b];
    if (v === null || v === undefined) {
      if (current.length) segments.push(current);
      current = [];
      continue;
    }
    const y = round2(sy(v));
    current.push([round2(sx(c.bucketStartS[b] as number)), y], [round2(sx(c.bucketStartS[b + 1] as number)), y]);
  }
  if (current.length) segments.push(current);
  return segments;
}

/** Round seconds at a step giving at most `maxTicks` ticks. */
export function timeTicks(startS: number, endS: number, maxTicks: number): number[] {
  const span = endS - startS;
  if (!(span > 0)) return [startS];
  const step = TICK_STEPS_S.find((s) => span / s <= Math.max(1, maxTicks)) ?? TICK_STEPS_S[TICK_STEPS_S.length - 1]!;
  const ticks: number[] = [];
  for (let k = Math.ceil(startS / step - 1e-9); k * step <= endS + 1e-9; k++) ticks.push(Number((k * step).toFixed(3)));
  return ticks;
}

function tickLabel(s: number, span: number): string {
  const whole = Math.floor(s + 1e-9);
  const hms = [Math.floor(whole / 3600), Math.floor(whole / 60) % 60, whole % 60].map((v) => String(v).padStart(2, '0')).join(':');
  if (span >= 10) return hms;
  return `${hms}.${String(Math.round((s - whole) * 1000)).padStart(3, '0')}`;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
