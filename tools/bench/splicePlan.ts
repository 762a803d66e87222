/**
 * The semi-synthetic spotting benchmark's plan: a calm stretch of a real
 * recording with short runs of the same person's expressive frames spliced in.
 * Pure: it only says which source frames make the output, and where the
 * flashes are (the ground truth).
 */
export interface SplicePlan {
  /** Source frame ranges, inclusive, in output order. */
  segments: { from: number; to: number }[];
  /** The spliced flashes in output frames (inclusive), with the donor frames each took. */
  truth: { onset: number; offset: number; emotion: string; kind: 'micro' | 'macro'; donorFrom: number; calmBefore: number }[];
  /** Output frames that are untouched calm, at least `guard` frames from any flash. */
  calmFrames: number;
  outputFrames: number;
}

export interface SpliceSpec {
  /** Calm base stretch in source frames, inclusive. */
  calm: { from: number; to: number };
  /** First source frame of the expressive donor stretch; flashes take consecutive frames from here on. */
  donorFrom: number;
  donorTo: number;
  /** Length in frames of each flash, in order. */
  lengths: number[];
  /** Calm frames between flashes (and before the first), when `after` does not place them. */
  spacing: number;
  /**
   * Where each flash goes instead of every `spacing` frames: the calm source
   * frame it follows (next to a blink, in a head turn). Increasing.
   */
  after?: number[];
  emotion: string;
  fps: number;
  /** Frames on each side of a flash not counted as calm (the expression's own onset and offset). */
  guard: number;
}

/** Picks the first donor frame of a flash of `length` frames to follow source frame `calmBefore`; `flash` counts from 0. */
export type DonorChooser = (length: number, calmBefore: number, flash: number) => number;

export function planSplices(spec: SpliceSpec, chooseDonor?: DonorChooser): SplicePlan {
  const segments: SplicePlan['segments'] = [];
  const truth: SplicePlan['truth'] = [];
  let calmCursor = spec.calm.from;
  let donorCursor = spec.donorFrom;
  let out = 0;
  for (const [flash, length] of spec.lengths.entries()) {
    const placed = spec.after?.[flash];
    const calmEnd = placed ?? calmCursor + spec.spacing - 1;
    if (placed !== undefined && placed < calmCursor)
      throw new Error(`flash ${flash + 1} would follow frame ${placed}, before the previous flash's end`);
    // Every flash has calm on both sides: none at the very end of the clip.
    if (calmEnd + length + (placed === undefined ? spec.spacing : spec.guard) > spec.calm.to) break;
    segments.push({ from: calmCursor, to: calmEnd });
    out += calmEnd - calmCursor + 1;
    // The flash replaces as many calm frames as it lasts, so the calm stretch keeps its pace.
    calmCursor = calmEnd + 1 + length;
    if (donorCursor + length - 1 > spec.donorTo) donorCursor = spec.donorFrom;
    if (chooseDonor) donorCursor = chooseDonor(length, calmEnd, flash);
    segments.push({ from: donorCursor, to: donorCursor + length - 1 });
    truth.push({
      onset: out,
      offset: out + length - 1,
      emotion: spec.emotion,
      kind: length / spec.fps <= 0.5 ? 'micro' : 'macro',
      donorFrom: donorCursor,
      calmBefore: calmEnd,
    });
    out += length;
    donorCursor += length;
  }
  if (calmCursor <= spec.calm.to) {
    segments.push({ from: calmCursor, to: spec.calm.to });
    out += spec.calm.to - calmCursor + 1;
  }
  const guarded = truth.reduce((n, t) => n + (t.offset - t.onset + 1) + 2 * spec.guard, 0);
  return { segments, truth, calmFrames: Math.max(0, out - guarded), outputFrames: out };
}

/** The per-frame measures a donor rule reads (yaw, pitch, roll, and the column that says the expression is clear). */
export type FrameMeasure = (frame: number, column: string) => number;

/** A donor run is usable when `column` ≥ `min` on each of its frames (the expression is clear there). */
export interface DonorClarity {
  column: string;
  min: number;
}

function poseGap(at: FrameMeasure, a: number, b: number): number {
  return Math.max(
    Math.abs(at(a, 'yaw') - at(b, 'yaw')),
    Math.abs(at(a, 'pitch') - at(b, 'pitch')),
    Math.abs(at(a, 'roll') - at(b, 'roll')),
  );
}

function clearRuns(at: FrameMeasure, spec: SpliceSpec, clarity: DonorClarity, length: number): number[] {
  const starts: number[] = [];
  for (let d = spec.donorFrom; d + length - 1 <= spec.donorTo; d++) {
    let clear = true;
    for (let f = d; f < d + length && clear; f++) clear = at(f, clarity.column) >= clarity.min;
    if (clear) starts.push(d);
  }
  return starts;
}

/** The largest head-pose difference (degrees of yaw, pitch or roll) between a donor run and the calm frame it follows. */
export function donorJump(at: FrameMeasure, donorFrom: number, length: number, calmBefore: number): number {
  let gap = 0;
  for (let f = donorFrom; f < donorFrom + length; f++) gap = Math.max(gap, poseGap(at, f, calmBefore));
  return gap;
}

/**
 * A spliced flash that is not also a jump of the head: each flash takes the
 * clear donor run whose head pose is closest to the calm frame it follows.
 */
export function poseMatchedDonors(at: FrameMeasure, spec: SpliceSpec, clarity: DonorClarity): DonorChooser {
  return (length, calmBefore) => {
    let best = spec.donorFrom;
    let bestGap = Infinity;
    for (const d of clearRuns(at, spec, clarity, length)) {
      const gap = donorJump(at, d, length, calmBefore);
      if (gap < bestGap) {
        best = d;
        bestGap = gap;
      }
    }
    return best;
  };
}

/**
 * A spliced flash that is also a jump of the head, as at a cut, a dropped
 * stretch or a quick movement: flash k takes the clear donor run whose largest
 * pose difference to the calm frame is closest to `targets[k mod n]` degrees,
 * among those within [minDeg, maxDeg]; failing any, the closest to the band.
 */
export function poseJumpDonors(
  at: FrameMeasure,
  spec: SpliceSpec,
  clarity: DonorClarity,
  band: { minDeg: number; maxDeg: number; targets: number[] },
): DonorChooser {
  return (length, calmBefore, flash) => {
    const target = band.targets[flash % band.targets.length] ?? (band.minDeg + band.maxDeg) / 2;
    let best = spec.donorFrom;
    let bestCost = Infinity;
    for (const d of clearRuns(at, spec, clarity, length)) {
      const gap = donorJump(at, d, length, calmBefore);
      const outside = gap < band.minDeg ? band.minDeg - gap : gap > band.maxDeg ? gap - band.maxDeg : 0;
      const cost = outside * 1000 + Math.abs(gap - target);
      if (cost < bestCost) {
        best = d;
        bestCost = cost;
      }
    }
    return best;
  };
}
