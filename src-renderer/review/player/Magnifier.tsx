import { useEffect, useMemo, useRef, useState } from 'react';
import { stabilisedCrop } from '../../../src-shared/review/faceStabilizer.js';
import { MAGNIFIER_ZOOMS, pixelCrop, repeatPixels, type MagnifierZoom, type PixelCrop } from '../../../src-shared/review/pixelZoom.js';
import { FaceTrack } from '../data/faceTrack.js';
import type { PlayerEngine } from './playerEngine.js';

/** The panel's side in CSS pixels: smaller on a laptop screen, so the queue stays in view. The canvas is never scaled by CSS. */
function panelSize(): number {
  return window.matchMedia('(max-height: 820px)').matches ? 196 : 280;
}

/**
 * The subject's face, enlarged beside the frame by pixel repetition (nearest
 * neighbour, as the reports do: an examiner is never shown smoothed pixels),
 * around the face box of the analysis steadied over ±6 frames. Drawn from the
 * same decoded picture as the main view; when that picture was scaled for
 * display, the caption says the pixels are not the recording's own.
 */
export function Magnifier({
  engine,
  recordingId,
  displayed,
  sourceWidth,
  enabled,
  proxy,
}: {
  engine: PlayerEngine;
  recordingId: number;
  displayed: number | null;
  sourceWidth: number;
  enabled: boolean;
  /** The picture comes from the review copy (a re-encode), not the original. */
  proxy: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [SIZE, setSize] = useState(panelSize);
  useEffect(() => {
    const query = window.matchMedia('(max-height: 820px)');
    const change = () => setSize(panelSize());
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  const [loads, setLoads] = useState(0);
  const track = useMemo(() => new FaceTrack(recordingId, () => setLoads((n) => n + 1)), [recordingId]);
  const [zoom, setZoom] = useState<MagnifierZoom>('fit');
  const [shown, setShown] = useState<{ crop: PixelCrop; scaled: boolean } | null>(null);
  const scratch = useMemo(() => new OffscreenCanvas(1, 1), []);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    const bitmap = engine.displayedBitmap();
    if (!ctx || !bitmap || displayed === null || !enabled) return;
    const face = stabilisedCrop(displayed, track.boxOf, 6);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (!face) return setShown(null);
    const k = bitmap.width / sourceWidth;
    const crop = pixelCrop({ x: face.x * k, y: face.y * k, w: face.w * k, h: face.h * k }, bitmap, SIZE, zoom);
    // The crop's pixels copied 1:1 (no scaling, so no smoothing), then repeated.
    scratch.width = crop.w;
    scratch.height = crop.h;
    const sctx = scratch.getContext('2d', { willReadFrequently: true })!;
    sctx.drawImage(bitmap, crop.x, crop.y, crop.w, crop.h, 0, 0, crop.w, crop.h);
    const pixels = repeatPixels(sctx.getImageData(0, 0, crop.w, crop.h).data, crop, SIZE);
    ctx.putImageData(new ImageData(pixels, SIZE, SIZE), 0, 0);
    setShown({ crop, scaled: Math.abs(k - 1) > 1e-9 });
  }, [engine, displayed, track, sourceWidth, loads, enabled, zoom, scratch, SIZE]);
  const caption = !enabled
    ? 'No analysis: no face box'
    : !shown
      ? 'No face in this frame'
      : `Face ×${shown.crop.zoom}, pixels repeated, steadied ±6 frames` +
        (proxy
          ? ' (from the review copy: not the original’s pixels)'
          : shown.scaled
            ? ' (from the picture as scaled for display, not the recording’s own pixels)'
            : '');
  return (
    <figure className="magnifier">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        style={{ width: SIZE, height: SIZE }}
        data-testid="magnifier"
        data-crop={shown ? `${shown.crop.x},${shown.crop.y},${shown.crop.w},${shown.crop.h},${shown.crop.zoom}` : ''}
      />
      <figcaption>
        {caption}{' '}
        <select
          aria-label="Magnifier zoom"
          value={String(zoom)}
          onChange={(e) => setZoom(parseZoom(e.target.value))}
          data-testid="magnifier-zoom"
        >
          {MAGNIFIER_ZOOMS.map((z) => (
            <option key={String(z)} value={String(z)}>
              {z === 'fit' ? 'fit the face' : `×${z}`}
            </option>
          ))}
        </select>
      </figcaption>
    </figure>
  );
}

function parseZoom(value: string): MagnifierZoom {
  return value === 'fit' ? 'fit' : (Number(value) as MagnifierZoom);
}
