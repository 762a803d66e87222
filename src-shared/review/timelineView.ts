/**
 * The zoomable strip's view: which frames [from, to) a strip of `width` pixels
 * shows. Pure arithmetic, so zooming and dragging are tested without a canvas.
 * At the deepest zoom one frame is MAX_PX_PER_FRAME pixels wide; at the widest
 * the strip shows the whole recording.
 */
export interface StripView {
  from: number;
  to: number;
}

/** The widest zoom: single frames this many pixels wide. */
export const MAX_PX_PER_FRAME = 24;

export function clampView(view: StripView, frameCount: number, width: number): StripView {
  const minSpan = Math.max(1, Math.min(frameCount, Math.ceil(width / MAX_PX_PER_FRAME)));
  let span = Math.max(minSpan, Math.min(frameCount, Math.round(view.to - view.from)));
  if (!Number.isFinite(span)) span = frameCount;
  let from = Math.round(view.from);
  from = Math.max(0, Math.min(frameCount - span, from));
  return { from, to: from + span };
}

/** Zoom by `factor` (< 1 zooms in) keeping frame `anchor` under the same pixel. */
export function zoomView(view: StripView, factor: number, anchor: number, frameCount: number, width: number): StripView {
  const span = view.to - view.from;
  const newSpan = span * factor;
  const ratio = span > 0 ? (anchor - view.from) / span : 0.5;
  return clampView({ from: anchor - ratio * newSpan, to: anchor - ratio * newSpan + newSpan }, frameCount, width);
}

/** The view recentred so `frame` is visible, moving it as little as possible. */
export function followFrame(view: StripView, frame: number, frameCount: number, width: number): StripView {
  if (frame >= view.from && frame < view.to) return view;
  const span = view.to - view.from;
  const from = frame < view.from ? frame - Math.floor(span / 4) : frame - Math.floor((3 * span) / 4);
  return clampView({ from, to: from + span }, frameCount, width);
}

/** The frame under pixel x of a strip showing `view` over `width` pixels. */
export function frameAtPixel(view: StripView, x: number, width: number): number {
  const span = view.to - view.from;
  const f = view.from + Math.floor((Math.max(0, Math.min(width - 1e-9, x)) / width) * span);
  return Math.max(view.from, Math.min(view.to - 1, f));
}

/** The left edge (px) of frame f in the strip. */
export function pixelOfFrame(view: StripView, frame: number, width: number): number {
  return ((frame - view.from) / (view.to - view.from)) * width;
}
