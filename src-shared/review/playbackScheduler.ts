/**
 * Which frame to present when, during playback. Pure: the player calls tick()
 * on every animation frame with the clock and a readiness test, and presents
 * what it says.
 *
 * The rules, which the property tests hold it to:
 * - Every frame of the interval is presented, in order, exactly once (a loop
 *   starts the interval again). A frame is never skipped: when a frame is not
 *   decoded yet, playback waits for it instead of jumping ahead.
 * - A frame is never presented before its time: frame k is due (t_k - t_a) /
 *   speed after the anchor frame a was. When a frame comes late (decoding was
 *   slow), the clock is re-anchored on it, so the frames after it keep their
 *   own spacing rather than rushing to catch up.
 */

export interface PlaybackPlan {
  /** Seconds of each frame (any origin; e.g. the frame table's elapsed seconds). Strictly increasing. */
  readonly times: ArrayLike<number>;
  /** The interval played, inclusive. */
  readonly first: number;
  readonly last: number;
  readonly loop: boolean;
  /** 1 = real time, 1/6 = six times slower. */
  readonly speed: number;
  /** A frame this late (ms) or later re-anchors the clock. */
  readonly lateToleranceMs?: number;
}

export interface SchedulerState {
  /** The frame the clock counts from, and when (ms) it was due. */
  readonly anchorFrame: number;
  readonly anchorAt: number;
  /** The last frame presented, or null before the first. */
  readonly presented: number | null;
  /** The frame that will be presented next (null when playback has ended). */
  readonly next: number | null;
}

/** Just over one 60 Hz animation frame: lateness from tick quantisation alone never re-anchors. */
const DEFAULT_LATE_MS = 25;

/** Playback starting at `from` (inside the plan's interval), due at `now`. */
export function startPlayback(plan: PlaybackPlan, from: number, now: number): SchedulerState {
  if (!(plan.speed > 0)) throw new RangeError(`speed must be positive, got ${plan.speed}`);
  if (plan.first > plan.last) throw new RangeError(`empty interval ${plan.first}–${plan.last}`);
  const start = Math.min(plan.last, Math.max(plan.first, from));
  return { anchorFrame: start, anchorAt: now, presented: null, next: start };
}

/** How long the interval's frame `f` lasts on screen, in seconds of the recording. */
function lastingOf(plan: PlaybackPlan, f: number): number {
  const t = plan.times;
  if (f + 1 < t.length) return (t[f + 1] as number) - (t[f] as number);
  if (f > 0) return (t[f] as number) - (t[f - 1] as number);
  return 0.04;
}

/** When (ms) frame `next` is due, given the anchor. */
export function dueAt(plan: PlaybackPlan, state: SchedulerState, next: number): number {
  const t = plan.times;
  return state.anchorAt + (((t[next] as number) - (t[state.anchorFrame] as number)) / plan.speed) * 1000;
}

export interface TickResult {
  state: SchedulerState;
  /** The frame to present now, or null for none this tick. */
  present: number | null;
  /** True when the due frame was not ready: playback is waiting for the decoder. */
  waiting: boolean;
}

export function tick(plan: PlaybackPlan, state: SchedulerState, now: number, isReady: (frame: number) => boolean): TickResult {
  const next = state.next;
  if (next === null) return { state, present: null, waiting: false };
  const due = dueAt(plan, state, next);
  if (now < due) return { state, present: null, waiting: false };
  if (!isReady(next)) return { state, present: null, waiting: true };
  const late = now - due >= (plan.lateToleranceMs ?? DEFAULT_LATE_MS);
  let anchorFrame = late ? next : state.anchorFrame;
  let anchorAt = late ? now : state.anchorAt;
  let following: number | null = next + 1;
  if (next >= plan.last) {
    if (plan.loop) {
      // The loop starts again when the last frame's time on screen is over.
      const endAt =
        anchorAt + (((plan.times[next] as number) - (plan.times[anchorFrame] as number) + lastingOf(plan, next)) / plan.speed) * 1000;
      following = plan.first;
      anchorFrame = plan.first;
      anchorAt = endAt;
    } else {
      following = null;
    }
  }
  return { state: { anchorFrame, anchorAt, presented: next, next: following }, present: next, waiting: false };
}
