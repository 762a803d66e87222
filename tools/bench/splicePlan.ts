/**
 * The semi-synthetic spotting benchmark's plan: a calm stretch of a real
 * recording with short runs of the same person's expressive frames spliced in.
 * Pure: it only says which source frames make the output, and where the
 * flashes are (the ground truth).
 */
export interface SplicePlan {
  /** Source frame ranges, inclusive, in output order. */
  segments: { from: number; to: number }[];
  /** The spliced flashes in output frames (inclusive). */
  truth: { onset: number; offset: number; emotion: string; kind: 'micro' | 'macro' }[];
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
  /** Calm frames between flashes (and before the first). */
  spacing: number;
  emotion: string;
  fps: number;
  /** Frames on each side of a flash not counted as calm (the expression's own onset and offset). */
  guard: number;
}

/** Picks the first donor frame of a flash of `length` frames to follow source frame `calmBefore`. */
export type DonorChooser = (length: number, calmBefore: number) => number;

export function planSplices(spec: SpliceSpec, chooseDonor?: DonorChooser): SplicePlan {
  const segments: SplicePlan['segments'] = [];
  const truth: SplicePlan['truth'] = [];
  let calmCursor = spec.calm.from;
  let donorCursor = spec.donorFrom;
  let out = 0;
  for (const length of spec.lengths) {
    const calmEnd = calmCursor + spec.spacing - 1;
    // Every flash has calm on both sides: none at the very end of the clip.
    if (calmEnd + length + spec.spacing > spec.calm.to) break;
    segments.push({ from: calmCursor, to: calmEnd });
    out += calmEnd - calmCursor + 1;
    // The flash replaces as many calm frames as it lasts, so the calm stretch keeps its pace.
    calmCursor = calmEnd + 1 + length;
    if (donorCursor + length - 1 > spec.donorTo) donorCursor = spec.donorFrom;
    if (chooseDonor) donorCursor = chooseDonor(length, calmEnd);
    segments.push({ from: donorCursor, to: donorCursor + length - 1 });
    truth.push({ onset: out, offset: out + length - 1, emotion: spec.emotion, kind: length / spec.fps <= 0.5 ? 'micro' : 'macro' });
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
