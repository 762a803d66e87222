/**
 * What the player keeps decoded around the current frame, and what it decodes
 * next. Pure, so the policy can be tested apart from any decoder.
 *
 * The window leans in the direction of travel: going forward it keeps a few
 * frames behind and many ahead; going backward the reverse, so stepping back
 * is served from memory as fast as stepping forward.
 */

export interface CacheWindow {
  from: number;
  to: number;
}

/** The frames worth holding when at `current`, moving in `direction`, with room for `capacity` frames. */
export function cacheWindow(current: number, direction: 1 | -1, capacity: number, frameCount: number): CacheWindow {
  const cap = Math.max(1, Math.min(capacity, frameCount));
  const behind = Math.floor((cap - 1) / 4);
  const ahead = cap - 1 - behind;
  let from = direction === 1 ? current - behind : current - ahead;
  from = Math.max(0, Math.min(from, frameCount - cap));
  return { from, to: from + cap - 1 };
}

/** Cached frames outside the window, farthest from `current` first: the order to evict them in. */
export function evictionOrder(cached: Iterable<number>, window: CacheWindow, current: number): number[] {
  const out: number[] = [];
  for (const f of cached) if (f < window.from || f > window.to) out.push(f);
  return out.sort((a, b) => Math.abs(b - current) - Math.abs(a - current) || a - b);
}

/**
 * The next range to decode: the missing frames of the window nearest to
 * `current` in the direction of travel (the current frame itself first), as one
 * contiguous run of at most `maxRun` frames. Decoding always runs forward, so a
 * run behind the current frame is decoded from its start. Null when the
 * window is complete.
 */
export function nextDecodeRun(
  window: CacheWindow,
  current: number,
  direction: 1 | -1,
  isCached: (f: number) => boolean,
  maxRun: number,
  keyFrames?: ArrayLike<number>,
): CacheWindow | null {
  const at = Math.max(window.from, Math.min(window.to, current));
  const order: number[] = [at];
  const forward = (f: number) => {
    for (let i = f; i <= window.to; i++) order.push(i);
  };
  const backward = (f: number) => {
    for (let i = f; i >= window.from; i--) order.push(i);
  };
  if (direction === 1) {
    forward(at + 1);
    backward(at - 1);
  } else {
    backward(at - 1);
    forward(at + 1);
  }
  const first = order.find((f) => !isCached(f));
  if (first === undefined) return null;
  // Extend to a contiguous missing run in decode (forward) order.
  if (first >= at) {
    let end = first;
    while (end + 1 <= window.to && end + 1 - first < maxRun && !isCached(end + 1)) end++;
    return { from: first, to: end };
  }
  let start = first;
  while (start - 1 >= window.from && first - (start - 1) < maxRun && !isCached(start - 1)) start--;
  // Behind the current frame, decode one keyframe interval at a time, nearest first: the frames
  // the analyst steps back to next are ready soonest, and no frame is decoded twice.
  if (keyFrames && keyFrames.length > 0) start = Math.max(start, keyFrameAtOrBefore(keyFrames, first));
  return { from: start, to: first };
}

/** The last keyframe at or before `frame` (0 when none is). `keyFrames` ascending. */
export function keyFrameAtOrBefore(keyFrames: ArrayLike<number>, frame: number): number {
  let lo = 0;
  let hi = keyFrames.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((keyFrames[mid] as number) <= frame) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : (keyFrames[lo - 1] as number);
}

/** How far (frames) the open decode may be short of a run's first frame and still be continued rather than re-seeked. */
export const CONTINUE_GAP = 12;

/**
 * Whether a run starting at `from` continues the open decode (which yields
 * frame `iteratorNext` next) instead of seeking to a keyframe: only forward,
 * and only when decoding the frames in between costs less than a seek would.
 */
export function continuesOpenDecode(open: boolean, iteratorNext: number, from: number): boolean {
  return open && iteratorNext <= from && from - iteratorNext <= CONTINUE_GAP;
}

/**
 * Up to how many pictures between the keyframe and a seek's frame the decoder
 * runs in low-latency mode. Measured in this Chromium (software decoding, 2
 * cores) with the review benchmark: through a 1080p proxy (0–5 pictures)
 * low latency gave seek p95 70–96 ms against 94–126 ms with Chromium's
 * default frame threading, which holds each picture back until the next one is
 * decoded; on an original with a keyframe every 60 frames (about 30 pictures
 * on average) it was slower (p50 169–172 ms against 130–153 ms), frame threading
 * decoding long runs faster. 12 covers what the proxy rule lets through at
 * 720p (13 frames between keyframes); between 6 and 12 it was not measured.
 */
export const LOW_LATENCY_MAX_FROM_KEY = 12;

/** Whether a seek that decodes `fromKey` pictures before its frame (null: unknown) asks the decoder for low latency. */
export function seeksWithLowLatency(fromKey: number | null): boolean {
  return fromKey !== null && fromKey >= 0 && fromKey <= LOW_LATENCY_MAX_FROM_KEY;
}

/**
 * How many frames a run in flight may still have to make before the frame
 * asked for and be left to run. Every frame of a run is converted (about
 * 10 ms at 1080p, with 4–5 ms of decoding); stopping it and starting at the
 * frame asked for continues the open decode without converting the frames in
 * between (continuesOpenDecode), or seeks (a proxy decodes at most 5 pictures
 * before its frame). Measured with the review benchmark: a seek into the far
 * end of a 24-frame run waited for all of it (353 ms).
 */
export const KEEP_RUN_AHEAD = 2;

/**
 * Whether the run in flight (`run`, which will next hand over frame `next`)
 * should be left to make `target` rather than stopped: only when `target` is
 * still ahead in it, at most KEEP_RUN_AHEAD frames after `next`.
 */
export function runInFlightServes(run: CacheWindow | null, next: number, target: number): boolean {
  if (!run) return false;
  const upcoming = Math.max(run.from, next);
  return target >= upcoming && target <= run.to && target - upcoming <= KEEP_RUN_AHEAD;
}
