/** What part of a displayed frame to show, and at what size. */
export interface GrabPlan {
  /** Integer pixels of the displayed frame; null: the whole frame. */
  region: { x: number; y: number; w: number; h: number } | null;
  outWidth: number;
  outHeight: number;
  /** Integer ≥ 1: each pixel repeated that many times; < 1: reduced by averaging. */
  scale: number;
}

/** The square shown around a face is this much wider than the face box (forehead, chin and a little context). */
export const FACE_MARGIN = 1.5;
/** Target side of a face image in pixels: most faces in interview footage (under 256 px) are enlarged at least 2x. */
export const FACE_SIDE = 512;
/** A whole frame is reduced to at most this many pixels on its long side. */
export const WHOLE_FRAME_SIDE = 512;

/**
 * A square around the face box (clamped inside the frame), enlarged by an
 * integer factor so that each source pixel becomes an exact block: the picture
 * is magnified, never smoothed or sharpened, and nothing is invented between
 * pixels. A face larger than FACE_SIDE is reduced instead. Without a usable
 * box, the whole frame. Pure.
 */
export function planGrab(
  box: { x: number; y: number; w: number; h: number } | null,
  frameWidth: number,
  frameHeight: number,
  /** The face image's side (the filmstrip's cells are smaller than the report's pictures). */
  faceSide = FACE_SIDE,
  wholeFrameSide = WHOLE_FRAME_SIDE,
): GrabPlan {
  const usable = box && [box.x, box.y, box.w, box.h].every(Number.isFinite) && box.w > 0 && box.h > 0;
  if (!usable) {
    const scale = Math.min(1, wholeFrameSide / Math.max(frameWidth, frameHeight));
    return { region: null, outWidth: even(frameWidth * scale), outHeight: even(frameHeight * scale), scale };
  }
  const side = Math.max(8, Math.min(Math.round(Math.max(box.w, box.h) * FACE_MARGIN), frameWidth, frameHeight));
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const x = clamp(Math.round(cx - side / 2), 0, frameWidth - side);
  const y = clamp(Math.round(cy - side / 2), 0, frameHeight - side);
  const scale = side <= faceSide ? Math.max(1, Math.floor(faceSide / side)) : faceSide / side;
  const out = scale >= 1 ? side * scale : faceSide;
  return { region: { x, y, w: side, h: side }, outWidth: out, outHeight: out, scale };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}

function even(v: number): number {
  return Math.max(2, 2 * Math.round(v / 2));
}
