import { CLOSE_UP_MARGIN_FRAMES } from '../model/buildReportModel.js';
import type { AnnotationLine, ReportModel } from '../model/reportModel.js';
import { timelineGeometry, type FigureGeometry } from './timelineGeometry.js';

export const FIGURE_WIDTH = 515;

/** The whole recording: emotion curves (maximum per bucket) and every annotation as a band. */
export function overviewFigure(m: ReportModel): FigureGeometry {
  return timelineGeometry({
    width: FIGURE_WIDTH,
    height: 170,
    startS: 0,
    endS: m.recording.endMs / 1000,
    curves: m.timeline,
    annotations: m.annotations,
  });
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
