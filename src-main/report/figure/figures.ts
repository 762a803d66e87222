import { CLOSE_UP_MARGIN_FRAMES } from '../model/buildReportModel.js';
import { CURVE_EMOTIONS, type AnnotationLine, type ReportModel } from '../model/reportModel.js';
import { timelineGeometry, type FigureGeometry } from './timelineGeometry.js';

export const FIGURE_WIDTH = 515;

/** At most this many curves on the whole-recording figure: more are a tangle at print size. */
export const OVERVIEW_MAX_CURVES = 3;

/**
 * The whole recording, readable on paper: the curves of the emotions of the
 * findings (else those of the proposed candidates, else the highest), at most
 * three, and the accepted events as numbered bands.
 */
export function overviewFigure(m: ReportModel): FigureGeometry {
  return timelineGeometry({
    width: FIGURE_WIDTH,
    height: 230,
    startS: 0,
    endS: m.recording.endMs / 1000,
    curves: m.timeline,
    annotations: m.annotations.filter((a) => a.status === 'accepted'),
    emotions: overviewEmotions(m),
  });
}

/** The emotions the overview draws, in the order CURVE_EMOTIONS gives them. */
export function overviewEmotions(m: ReportModel): (typeof CURVE_EMOTIONS)[number][] {
  const isCurve = (e: string | null): e is (typeof CURVE_EMOTIONS)[number] => (CURVE_EMOTIONS as readonly string[]).includes(e ?? '');
  const count = new Map<string, number>();
  const add = (e: string | null, weight: number) => {
    if (isCurve(e)) count.set(e, (count.get(e) ?? 0) + weight);
  };
  for (const a of m.annotations) if (a.status === 'accepted') add(a.emotion, 1000);
  for (const c of m.candidates) add(c.proposedEmotion, 1);
  if (count.size === 0 && m.timeline) {
    for (const e of CURVE_EMOTIONS) add(e, Math.max(0, ...m.timeline.values[e].map((v) => v ?? 0)) / 1000);
  }
  const chosen = new Set(
    [...count]
      .sort((a, b) => b[1] - a[1])
      .slice(0, OVERVIEW_MAX_CURVES)
      .map(([e]) => e),
  );
  return CURVE_EMOTIONS.filter((e) => chosen.has(e));
}

export function overviewCaption(m: ReportModel): string {
  const shown = overviewEmotions(m);
  return (
    `The probabilities of ${shown.length ? shown.join(', ') : 'no emotion'} over the whole recording (the maximum within each ` +
    'column, so a one-frame flash stays visible; the other emotions are left out to keep the figure readable, and every curve ' +
    'is in the JSON report and the close-ups), and the accepted events as numbered bands.'
  );
}

/** The frames around one accepted annotation, frame by frame, its onset, apex and end marked. */
export function closeUpFigure(m: ReportModel, a: AnnotationLine): FigureGeometry {
  const closeUp = m.closeUps.find((c) => c.annotationId === a.id);
  const startS = closeUp ? (closeUp.curves.bucketStartS[0] ?? a.onset.elapsedS) : a.onset.elapsedS;
  const endS = closeUp ? (closeUp.curves.bucketStartS[closeUp.curves.bucketStartS.length - 1] ?? a.endMs / 1000) : a.endMs / 1000;
  return timelineGeometry({
    width: FIGURE_WIDTH,
    height: 120,
    startS,
    endS,
    curves: closeUp?.curves ?? null,
    annotations: [a],
    markFrames: true,
  });
}

export function closeUpCaption(a: AnnotationLine): string {
  return (
    `Annotation ${a.label} frame by frame with ${CLOSE_UP_MARGIN_FRAMES} frames either side; dashed lines: its onset (frame ${a.onset.frame}), ` +
    `${a.apex ? `apex (frame ${a.apex.frame}) ` : ''}and the end of its offset frame (${a.offset.frame}).`
  );
}
