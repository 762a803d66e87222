import { useEffect, useMemo, useRef, useState } from 'react';
import { stabilisedCrop } from '../../../src-shared/review/faceStabilizer.js';
import { FaceTrack } from '../data/faceTrack.js';
import type { PlayerEngine } from './playerEngine.js';

const SIZE = 280;

/**
 * The subject's face, enlarged beside the frame: a square around the face box
 * of the analysis, steadied over ±6 frames so detector jitter does not shake
 * it. Drawn from the same decoded picture as the main view.
 */
export function Magnifier({
  engine,
  recordingId,
  displayed,
  sourceWidth,
  enabled,
}: {
  engine: PlayerEngine;
  recordingId: number;
  displayed: number | null;
  sourceWidth: number;
  enabled: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [loads, setLoads] = useState(0);
  const track = useMemo(() => new FaceTrack(recordingId, () => setLoads((n) => n + 1)), [recordingId]);
  const [found, setFound] = useState(false);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    const bitmap = engine.displayedBitmap();
    if (!ctx || !bitmap || displayed === null || !enabled) return;
    const crop = stabilisedCrop(displayed, track.boxOf, 6);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    setFound(crop !== null);
    if (!crop) return;
    const k = bitmap.width / sourceWidth;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, crop.x * k, crop.y * k, crop.w * k, crop.h * k, 0, 0, SIZE, SIZE);
  }, [engine, displayed, track, sourceWidth, loads, enabled]);
  return (
    <figure className="magnifier">
      <canvas ref={canvas} width={SIZE} height={SIZE} data-testid="magnifier" />
      <figcaption>{!enabled ? 'No analysis: no face box' : found ? 'Face, steadied ±6 frames' : 'No face in this frame'}</figcaption>
    </figure>
  );
}
