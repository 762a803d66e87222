// The subject's neutral face, estimated while streaming through a recording of
// any length in constant memory: two fixed ring buffers of feature vectors and
// a per-feature median.
//
// The rule (every frame, before its action units are computed):
//  1. A frame is *usable* when its geometry can be trusted (the stage passes:
//     not turnedAway, not tooSmall, finite features). Usable frames enter the
//     RECENT ring (the last `recentFrames` usable frames).
//  2. A usable frame is also *neutral* when the classifier's top class of its
//     seven is neutral and the head is near-frontal (|yaw|, |pitch| within
//     `neutralPoseDeg`). Neutral frames enter the NEUTRAL ring (the last
//     `neutralFrames` of them), stamped with their frame index.
//  3. Baseline = per-feature median of the NEUTRAL ring entries no older than
//     `neutralMaxAgeFrames`, when there are at least `minNeutralFrames` such;
//     else the per-feature median of the RECENT ring; else (nothing usable yet)
//     the current frame itself, so every action unit is 0.
// The median ignores a brief expression (fewer than half the entries) even if
// the classifier called it neutral, so micro expressions stand out against it;
// a slow drift (posture, fatigue, camera) moves the median along with it, and
// the age limit stops a long non-neutral stretch from keeping a stale baseline.
// A frame index lower than the previous one (a new pass) starts afresh.
import { medianInPlace as medianOf } from '../../../src-shared/math/median.js';

export interface BaselineOptions {
  neutralFrames: number;
  recentFrames: number;
  minNeutralFrames: number;
  neutralMaxAgeFrames: number;
}

export type BaselineSource = 'neutral' | 'recent' | 'current';

/** The rings and their positions, as carried from frame to frame (copies). */
export interface BaselineState {
  neutral: Float64Array;
  neutralIndex: Float64Array;
  recent: Float64Array;
  neutralCount: number;
  neutralNext: number;
  recentCount: number;
  recentNext: number;
  lastIndex: number;
}

export class StreamingBaseline {
  private readonly neutral: Float64Array;
  private readonly neutralIndex: Float64Array;
  private readonly recent: Float64Array;
  private readonly scratch: Float64Array;
  private neutralCount = 0;
  private neutralNext = 0;
  private recentCount = 0;
  private recentNext = 0;
  private lastIndex = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly featureCount: number,
    private readonly options: BaselineOptions,
  ) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`baseline ${name} must be a positive integer, got ${value}`);
    }
    this.neutral = new Float64Array(options.neutralFrames * featureCount);
    this.neutralIndex = new Float64Array(options.neutralFrames);
    this.recent = new Float64Array(options.recentFrames * featureCount);
    this.scratch = new Float64Array(Math.max(options.neutralFrames, options.recentFrames));
  }

  reset(): void {
    this.neutralCount = this.neutralNext = this.recentCount = this.recentNext = 0;
    this.lastIndex = Number.NEGATIVE_INFINITY;
  }

  snapshot(): BaselineState {
    const { neutralCount, neutralNext, recentCount, recentNext, lastIndex } = this;
    return {
      neutral: this.neutral.slice(),
      neutralIndex: this.neutralIndex.slice(),
      recent: this.recent.slice(),
      neutralCount,
      neutralNext,
      recentCount,
      recentNext,
      lastIndex,
    };
  }

  /** Puts back a snapshot of a baseline with the same options (same ring sizes). */
  restore(state: BaselineState): void {
    if (
      state.neutral.length !== this.neutral.length ||
      state.neutralIndex.length !== this.neutralIndex.length ||
      state.recent.length !== this.recent.length
    ) {
      throw new RangeError('the baseline snapshot was taken with other ring sizes');
    }
    this.neutral.set(state.neutral);
    this.neutralIndex.set(state.neutralIndex);
    this.recent.set(state.recent);
    ({
      neutralCount: this.neutralCount,
      neutralNext: this.neutralNext,
      recentCount: this.recentCount,
      recentNext: this.recentNext,
      lastIndex: this.lastIndex,
    } = state);
  }

  /** Records one frame's features (copied) per rules 1-2. */
  push(frameIndex: number, features: Float64Array, usable: boolean, neutral: boolean): void {
    if (frameIndex < this.lastIndex) this.reset();
    this.lastIndex = frameIndex;
    if (!usable) return;
    const k = this.featureCount;
    this.recent.set(features.subarray(0, k), this.recentNext * k);
    this.recentNext = (this.recentNext + 1) % this.options.recentFrames;
    this.recentCount = Math.min(this.recentCount + 1, this.options.recentFrames);
    if (!neutral) return;
    this.neutral.set(features.subarray(0, k), this.neutralNext * k);
    this.neutralIndex[this.neutralNext] = frameIndex;
    this.neutralNext = (this.neutralNext + 1) % this.options.neutralFrames;
    this.neutralCount = Math.min(this.neutralCount + 1, this.options.neutralFrames);
  }

  /** Writes the baseline into `out` per rule 3 (`current` is used only when nothing usable was seen). */
  estimate(current: Float64Array, out: Float64Array): BaselineSource {
    const k = this.featureCount;
    const oldest = this.lastIndex - this.options.neutralMaxAgeFrames;
    let fresh = 0;
    for (let e = 0; e < this.neutralCount; e++) if ((this.neutralIndex[e] ?? 0) >= oldest) fresh++;
    if (fresh >= this.options.minNeutralFrames) {
      for (let f = 0; f < k; f++) {
        let n = 0;
        for (let e = 0; e < this.neutralCount; e++)
          if ((this.neutralIndex[e] ?? 0) >= oldest) this.scratch[n++] = this.neutral[e * k + f] ?? 0;
        out[f] = medianOf(this.scratch, n);
      }
      return 'neutral';
    }
    if (this.recentCount > 0) {
      for (let f = 0; f < k; f++) {
        for (let e = 0; e < this.recentCount; e++) this.scratch[e] = this.recent[e * k + f] ?? 0;
        out[f] = medianOf(this.scratch, this.recentCount);
      }
      return 'recent';
    }
    out.set(current.subarray(0, k));
    return 'current';
  }

  /** How many entries each ring holds (for tests and traces). */
  counts(): { neutral: number; recent: number } {
    return { neutral: this.neutralCount, recent: this.recentCount };
  }
}
