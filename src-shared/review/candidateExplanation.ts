import type { CandidateEvidence, QualityFlags } from '../domain/candidateEvidence.js';

/** How an action unit is written for an analyst: its FACS numbers and what it does. */
const AU_WORDS: Record<string, string> = {
  au01_02: 'AU1+2 brows raised',
  au04: 'AU4 brows lowered',
  au05: 'AU5 upper lids raised',
  au06_12: 'AU6+12 cheeks and lip corners raised',
  au07: 'AU7 lids tightened',
  au09: 'AU9 nose wrinkled',
  au12_14_left: "AU12/14 left lip corner (subject's left)",
  au12_14_right: "AU12/14 right lip corner (subject's right)",
  au15: 'AU15 lip corners lowered',
  au20: 'AU20 lips stretched',
  au26: 'AU26 jaw dropped',
};

/** A classifier rise smaller than this is noise, not a reason. */
const MIN_RISE = 0.05;

export interface CandidateExplanation {
  /** What made the spotter propose it, one line each. */
  why: string[];
  /** What near it makes it doubtful (each lowered its score). */
  doubts: string[];
  /** The head and face at the apex, so the reader can judge the picture. */
  pose: string | null;
}

/**
 * A candidate's reasons and doubts in words, from the evidence the spotter
 * stored with it. Runs of spotters before version 3 stored none: the
 * explanation says so rather than guessing.
 */
export function explainCandidate(c: {
  aus: readonly string[];
  evidence?: CandidateEvidence | undefined;
  flags?: QualityFlags | undefined;
}): CandidateExplanation {
  const ev = c.evidence;
  const why: string[] = [];
  if (!ev) why.push('No evidence stored: this run is of an older spotter; spot the recording again to see why.');
  else {
    if (ev.moved.length > 0) why.push(`Moved: ${ev.moved.map((r) => `${r} (z ${fmt(ev.regions[r] ?? 0, 1)})`).join(', ')}`);
    const rises = Object.entries(ev.classRise)
      .filter(([, v]) => v >= MIN_RISE)
      .sort((a, b) => b[1] - a[1]);
    if (rises.length > 0) why.push(`Classifier rose: ${rises.map(([k, v]) => `${k} +${fmt(v, 2)}`).join(', ')}`);
    if (c.aus.length > 0) why.push(`Action units: ${c.aus.map((au) => `${AU_WORDS[au] ?? au} (z ${fmt(ev.auZ[au] ?? 0, 1)})`).join('; ')}`);
    if (why.length === 0) why.push(`Face changed from its baseline (peak z ${fmt(ev.peak, 1)})`);
  }
  const f = c.flags;
  const doubts = f
    ? [f.blinkNear ? 'a blink near it' : '', f.speechNear ? 'speech near it' : '', f.headMoving ? 'the head moving' : ''].filter(Boolean)
    : [];
  const pose = f ? `head turned ${fmt(Math.abs(f.yawDeg), 0)}°, face ${fmt(f.faceSizePx, 0)} px high at the apex` : null;
  return { why, doubts, pose };
}

function fmt(v: number, digits: number): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}
