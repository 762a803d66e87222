import type { Candidate, SpotParams } from './index.js';

/** The documented `spot --json` shape (and the API's), candidates first-to-last in time. */
export interface SpotOutput {
  fps: number;
  frames: number;
  candidates: {
    onsetFrame: number;
    apexFrame: number;
    offsetFrame: number;
    onsetS: number;
    apexS: number;
    offsetS: number;
    durationS: number;
    kind: Candidate['kind'];
    emotion: Candidate['emotion'];
    score: number;
    aus: string[];
    evidence: Candidate['evidence'];
    flags: Candidate['flags'];
  }[];
  params: SpotParams;
  /** Why there is little or nothing to spot (spot.ts), in plain sentences. */
  notes: string[];
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function spotOutput(
  fps: number,
  frames: number,
  candidates: readonly Candidate[],
  params: SpotParams,
  notes: readonly string[] = [],
): SpotOutput {
  return {
    fps,
    frames,
    candidates: candidates.map((c) => ({
      onsetFrame: c.onsetFrame,
      apexFrame: c.apexFrame,
      offsetFrame: c.offsetFrame,
      onsetS: round(c.onsetS, 6),
      apexS: round(c.apexS, 6),
      offsetS: round(c.offsetS, 6),
      durationS: round(c.durationS, 6),
      kind: c.kind,
      emotion: c.emotion,
      score: round(c.score, 4),
      aus: [...c.aus],
      evidence: c.evidence,
      flags: c.flags,
    })),
    params,
    notes: [...notes],
  };
}
