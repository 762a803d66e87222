/** At most this many pictures in a filmstrip: every frame of a micro expression at up to 30 fps (0.5 s). */
export const FILMSTRIP_MAX = 16;

/**
 * The frames a filmstrip shows from onset to offset: every one when they are
 * at most `max` (3 or more), otherwise `max` frames spread evenly, always with the onset,
 * the apex (when marked) and the offset. Ascending, no repeats.
 */
export function filmstripFrames(onset: number, offset: number, apex: number | null, max = FILMSTRIP_MAX): number[] {
  if (!(Number.isInteger(onset) && Number.isInteger(offset) && offset >= onset && max >= 3)) return [];
  const count = offset - onset + 1;
  if (count <= max) return Array.from({ length: count }, (_, i) => onset + i);
  const picked = new Set<number>();
  for (let i = 0; i < max; i++) picked.add(onset + Math.round((i * (count - 1)) / (max - 1)));
  if (apex !== null && apex >= onset && apex <= offset && !picked.has(apex)) {
    // Replace the sampled frame nearest the apex (never the onset or the offset) with the apex itself.
    let nearest = -1;
    for (const f of picked) if (f !== onset && f !== offset && (nearest < 0 || Math.abs(f - apex) < Math.abs(nearest - apex))) nearest = f;
    if (nearest >= 0) picked.delete(nearest);
    picked.add(apex);
  }
  return [...picked].sort((a, b) => a - b);
}
