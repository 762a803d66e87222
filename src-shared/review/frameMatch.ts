import { firstIndexWhere } from '../time/search.js';

/**
 * Which frame of the frame table a decoded picture is. The window's decoder
 * reports a timestamp in seconds on its own origin (the container's, after
 * its own edit-list handling), which may differ from the frame table's by a
 * constant: `offset` = table seconds − decoder seconds, measured on the first
 * frame. A picture is frame f only when its shifted timestamp lies within
 * half of the smallest neighbouring gap of f's PTS; anything else is not a
 * frame the table knows, and is never shown as one.
 */
export function frameOfTimestamp(ptsSeconds: ArrayLike<number>, decoderSeconds: number, offset: number): number | null {
  const n = ptsSeconds.length;
  if (n === 0 || !Number.isFinite(decoderSeconds)) return null;
  const t = decoderSeconds + offset;
  const after = firstIndexWhere(n, (i) => (ptsSeconds[i] as number) >= t);
  let best = -1;
  let bestDiff = Infinity;
  for (const i of [after - 1, after]) {
    if (i < 0 || i >= n) continue;
    const d = Math.abs((ptsSeconds[i] as number) - t);
    if (d < bestDiff) {
      best = i;
      bestDiff = d;
    }
  }
  if (best < 0) return null;
  return bestDiff < halfGap(ptsSeconds, best) ? best : null;
}

/**
 * The decoder-time window [start, end) that holds frames from…to: bounded by the
 * midpoints to the neighbouring frames, so float rounding on either side can
 * neither drop an end frame nor pull in a neighbour.
 */
export function decoderWindow(ptsSeconds: ArrayLike<number>, from: number, to: number, offset: number): [number, number] {
  const n = ptsSeconds.length;
  const at = (i: number) => ptsSeconds[i] as number;
  const start = from > 0 ? (at(from - 1) + at(from)) / 2 : at(0) - 1;
  const end = to + 1 < n ? (at(to) + at(to + 1)) / 2 : at(n - 1) + 1;
  return [start - offset, end - offset];
}

/**
 * Where a decode for frame `from` starts, in decoder seconds: the timestamp of
 * the decoder's own picture of `from` when it is known and matches (then the
 * keyframe lookup includes `from` itself, so a seek to a keyframe decodes one
 * picture instead of the whole group before it, and the picture is handed on
 * as soon as it is decoded, not when the next one is); otherwise the start of
 * its window (decoderWindow), which is never wrong, only slower.
 */
export function seekStart(ptsSeconds: ArrayLike<number>, from: number, offset: number, pictureSeconds: number | null): number {
  const [windowStart] = decoderWindow(ptsSeconds, from, from, offset);
  return pictureSeconds !== null && frameOfTimestamp(ptsSeconds, pictureSeconds, offset) === from ? pictureSeconds : windowStart;
}

function halfGap(pts: ArrayLike<number>, i: number): number {
  const gaps: number[] = [];
  if (i > 0) gaps.push((pts[i] as number) - (pts[i - 1] as number));
  if (i + 1 < pts.length) gaps.push((pts[i + 1] as number) - (pts[i] as number));
  return gaps.length ? Math.min(...gaps) / 2 : Infinity;
}
