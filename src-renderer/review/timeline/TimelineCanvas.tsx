import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { frameAtPixel, type StripView } from '../../../src-shared/review/timelineView.js';
import { drawCurves, drawTimeline, type EnvelopeData, type TimelineMarker } from './drawTimeline.js';

/**
 * One timeline canvas (overview or strip): draws on every change, seeks on
 * click and while dragging, reports its width so envelopes match its pixels.
 */
export function TimelineCanvas({
  view,
  envelope,
  shown,
  markers,
  cursor,
  height,
  onSeek,
  onWidth,
  onWheelZoom,
  onDrawn,
  onHover,
  label,
  testId,
}: {
  view: StripView;
  envelope: EnvelopeData | null;
  shown: ReadonlySet<string>;
  markers: readonly TimelineMarker[];
  cursor: number | null;
  height: number;
  onSeek: (frame: number) => void;
  onWidth: (w: number) => void;
  onWheelZoom?: (factor: number, frame: number) => void;
  onDrawn?: () => void;
  /** The frame under the pointer, or null when it leaves. */
  onHover?: (frame: number | null) => void;
  label: string;
  testId: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const dragging = useRef(false);

  // The width is read during the first commit, not left to the first ResizeObserver callback after the
  // page's first layout (7–28 ms later, measured): the envelope request that needs it leaves that much sooner.
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const report = () => {
      const w = Math.max(1, Math.floor(el.clientWidth));
      setWidth(w);
      onWidth(w);
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    return () => observer.disconnect();
  }, [onWidth]);

  // The curves, drawn again only when what they show changes (not when the cursor moves).
  const curves = useRef<{ layer: HTMLCanvasElement; key: readonly unknown[] } | null>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || width < 1) return;
    if (el.width !== width) el.width = width;
    if (el.height !== height) el.height = height;
    const key = [width, height, view.from, view.to, envelope, shown];
    let layer = curves.current;
    if (!layer || layer.key.some((k, i) => k !== key[i])) {
      // A detached canvas, not an OffscreenCanvas: its first drawImage cost 1.2 ms against 4.4 (measured).
      const canvasLayer = layer?.layer ?? document.createElement('canvas');
      canvasLayer.width = width;
      canvasLayer.height = height;
      const layerCtx = canvasLayer.getContext('2d');
      if (layerCtx) drawCurves(layerCtx, width, height, view, envelope, shown);
      layer = { layer: canvasLayer, key };
      curves.current = layer;
    }
    drawTimeline(ctx, width, height, view, layer.layer, markers, cursor);
    if (envelope && !el.dataset.ready) {
      el.dataset.ready = 'true';
      onDrawn?.();
    }
  }, [width, height, view, envelope, shown, markers, cursor, onDrawn]);

  // The frame under the pointer, measured inside the border over the width the canvas draws on
  // (clientWidth), so a click lands on the frame drawn under it.
  const frameAt = (clientX: number) => {
    const el = canvas.current as HTMLCanvasElement;
    return frameAtPixel(view, clientX - el.getBoundingClientRect().left - el.clientLeft, Math.max(1, el.clientWidth));
  };
  return (
    <canvas
      ref={canvas}
      className="timeline-canvas"
      style={{ height }}
      aria-label={label}
      data-testid={testId}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        onSeek(frameAt(e.clientX));
      }}
      onPointerMove={(e) => {
        if (dragging.current) onSeek(frameAt(e.clientX));
        onHover?.(frameAt(e.clientX));
      }}
      onPointerLeave={() => onHover?.(null)}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onWheel={onWheelZoom ? (e) => onWheelZoom(e.deltaY > 0 ? 1.25 : 0.8, frameAt(e.clientX)) : undefined}
    />
  );
}
