import type { Annotation } from '../domain/annotation.js';
import { itemLabel } from './itemLabel.js';
import type { CandidateEvidence, QualityFlags } from '../domain/candidateEvidence.js';

/** A candidate as stored by a spotting run (the fields the queue needs). */
export interface QueueCandidate {
  onsetFrame: number;
  apexFrame: number;
  offsetFrame: number;
  emotion: string;
  kind: string;
  score: number;
  /** The action units that moved (spotter's names). */
  aus?: readonly string[] | undefined;
  /** What made it and what near it is doubtful (spotter 3 and later). */
  evidence?: CandidateEvidence | undefined;
  flags?: QualityFlags | undefined;
}

/**
 * One item of the review queue: a candidate of the stored spotting run (with
 * the analyst's annotation of it, if any) or an annotation marked by hand.
 * Its frames and emotion are the annotation's when there is one: the analyst's
 * word replaces the spotter's.
 */
export interface QueueItem {
  key: string;
  /** Its one name everywhere (itemLabel.ts): C3, H17. */
  label: string;
  candidateIndex: number | null;
  candidate: QueueCandidate | null;
  annotation: Annotation | null;
  onsetFrame: number;
  apexFrame: number | null;
  offsetFrame: number;
  emotion: string | null;
  verdict: Annotation['verdict'];
}

/** Candidates and hand-marked annotations, in time order (onset, then candidates before hand marks). */
export function buildQueue(
  candidates: readonly QueueCandidate[],
  spottingRunId: number | null,
  annotations: readonly Annotation[],
): QueueItem[] {
  const byCandidate = new Map<number, Annotation>();
  const manual: Annotation[] = [];
  for (const a of annotations) {
    if (a.spottingRunId !== null && a.spottingRunId === spottingRunId && a.candidateIndex !== null) byCandidate.set(a.candidateIndex, a);
    else if (a.spottingRunId === null) manual.push(a);
  }
  const items: QueueItem[] = candidates.map((c, i) => {
    const a = byCandidate.get(i) ?? null;
    return {
      key: `c${i}`,
      label: itemLabel({ candidateIndex: i, annotationId: a?.id ?? null }),
      candidateIndex: i,
      candidate: c,
      annotation: a,
      onsetFrame: a?.onsetFrame ?? c.onsetFrame,
      apexFrame: a ? a.apexFrame : c.apexFrame,
      offsetFrame: a?.offsetFrame ?? c.offsetFrame,
      emotion: a ? a.emotion : c.emotion,
      verdict: a?.verdict ?? 'pending',
    };
  });
  for (const a of manual) {
    items.push({
      key: `a${a.id}`,
      label: itemLabel({ candidateIndex: null, annotationId: a.id }),
      candidateIndex: null,
      candidate: null,
      annotation: a,
      onsetFrame: a.onsetFrame,
      apexFrame: a.apexFrame,
      offsetFrame: a.offsetFrame,
      emotion: a.emotion,
      verdict: a.verdict,
    });
  }
  return items.sort(
    (x, y) =>
      x.onsetFrame - y.onsetFrame ||
      (x.candidateIndex === null ? 1 : 0) - (y.candidateIndex === null ? 1 : 0) ||
      x.key.localeCompare(y.key),
  );
}

/** The index of the item after (+1) or before (-1) `key`, staying at the ends; the first item when `key` is not in the queue. */
export function moveInQueue(items: readonly QueueItem[], key: string | null, direction: 1 | -1): number {
  if (items.length === 0) return -1;
  const i = items.findIndex((it) => it.key === key);
  if (i < 0) return direction === 1 ? 0 : items.length - 1;
  return Math.max(0, Math.min(items.length - 1, i + direction));
}

/** The first item still pending at or after `key` (wrapping), for "next unreviewed". */
export function nextPending(items: readonly QueueItem[], key: string | null): number {
  const start = Math.max(
    0,
    items.findIndex((it) => it.key === key),
  );
  for (let k = 1; k <= items.length; k++) {
    const i = (start + k) % items.length;
    if (items[i]?.verdict === 'pending') return i;
  }
  return -1;
}
