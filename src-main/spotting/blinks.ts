// Blinks: both eyes close briefly. Their frames (with a margin) are marked so the
// eye region's evidence can ignore them; a candidate that has nothing but a blink
// is suppressed later (suppression.ts).
import type { SpotParams } from './params.js';
import { TIME_EPS, spanSeconds, type Timeline } from './timeline.js';

/**
 * 1 on the frames of every blink and within blinkMarginS of one. A frame is closing
 * when both eyes' openness is at most (1 − blinkDropFraction) × that eye's local
 * baseline; a run of closing frames lasting at most blinkMaxS is a blink (a longer
 * closure is not, and stays evidence).
 */
export function findBlinkFrames(
  eyeLeft: Float64Array,
  eyeRight: Float64Array,
  baseLeft: Float64Array,
  baseRight: Float64Array,
  tl: Timeline,
  params: SpotParams,
): Uint8Array {
  const n = tl.frames;
  const keep = 1 - params.blinkDropFraction;
  const closing = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    const l = eyeLeft[t] ?? Number.NaN;
    const r = eyeRight[t] ?? Number.NaN;
    const bl = baseLeft[t] ?? Number.NaN;
    const br = baseRight[t] ?? Number.NaN;
    closing[t] = bl > 0 && br > 0 && l <= keep * bl && r <= keep * br ? 1 : 0;
  }
  const blink = new Uint8Array(n);
  let t = 0;
  while (t < n) {
    if (!closing[t]) {
      t++;
      continue;
    }
    let end = t;
    while (end + 1 < n && closing[end + 1]) end++;
    if (spanSeconds(tl, t, end) <= params.blinkMaxS + TIME_EPS) {
      const from = (tl.times[t] ?? 0) - params.blinkMarginS - TIME_EPS;
      const to = (tl.times[end] ?? 0) + params.blinkMarginS + TIME_EPS;
      let a = t;
      while (a > 0 && (tl.times[a - 1] ?? -Infinity) >= from) a--;
      let b = end;
      while (b + 1 < n && (tl.times[b + 1] ?? Infinity) <= to) b++;
      blink.fill(1, a, b + 1);
    }
    t = end + 1;
  }
  return blink;
}
