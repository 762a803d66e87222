/** One decoded frame of the original, around the face, as shown for an accepted annotation. */
export interface FaceGrab {
  /** Onset, apex or offset of the annotation; null for a frame between them. */
  role: 'onset' | 'apex' | 'offset' | null;
  frame: number;
  /** The frame's timecode (HH:MM:SS:FF, from the frame table). */
  timecode: string;
  /** PNG bytes, or null when the frame could not be shown (`problem` says why). */
  png: Buffer | null;
  width: number;
  height: number;
  /** The region of the displayed frame shown, in its pixels; null: the whole frame. */
  region: { x: number; y: number; w: number; h: number } | null;
  /** Enlargement (>1: each source pixel repeated) or reduction (<1, averaged) factor. */
  scale: number;
  problem: string | null;
}

/** The grabs of each accepted annotation by its id, or why none were made. */
export interface GrabSet {
  byAnnotation: Map<number, FaceGrab[]>;
  /** Why no frame was decoded at all (e.g. the original does not verify), or null. */
  omitted: string | null;
}

/** The label under a picture: frame number, timecode and role. */
export function grabLabel(g: FaceGrab): string {
  return `${g.role ? `${g.role} · ` : ''}frame ${g.frame}\n${g.timecode}`;
}

/** How the pictures of one annotation were made (the same face square and enlargement for all). */
export function grabCaption(g: FaceGrab): string {
  if (!g.png) return `frame ${g.frame}: ${g.problem ?? 'not available'}`;
  const what = g.region
    ? `face region ${g.region.w}x${g.region.h} px at (${g.region.x}, ${g.region.y})`
    : 'whole frame (no face box for this frame)';
  const scale =
    g.scale === 1
      ? 'pixel for pixel'
      : g.scale > 1
        ? `enlarged ${g.scale}x by pixel repetition`
        : `reduced to ${Math.round(g.scale * 100)}%`;
  return `${what}, ${scale}`;
}
