import type { Annotation } from '../../../src-shared/domain/annotation.js';
import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import { itemLabel } from '../../../src-shared/review/itemLabel.js';
import { frameTime, spanMilliseconds } from './frameTime.js';
import { firstMillisecondAfter } from '../../../src-shared/time/screenMilliseconds.js';
import type { CandidateCounts, CandidateLine, CandidateStatus } from './reportModel.js';

/** What the report needs of a stored candidate (the spotter's JSON, read leniently: older runs lack fields). */
interface StoredCandidate {
  onsetFrame: number;
  apexFrame?: number;
  offsetFrame: number;
  kind?: string;
  emotion?: string;
  score?: number;
}

/**
 * Every candidate of the spotting run with what became of it: accepted as
 * proposed, accepted under another emotion (relabelled), rejected, or not
 * reviewed (no decision yet: no annotation, or one still pending). Who decided
 * and when is the annotation's last change. Pure.
 */
export function candidateAccount(
  t: FrameTable,
  runId: number,
  candidates: readonly unknown[],
  annotations: readonly Annotation[],
): { lines: CandidateLine[]; counts: CandidateCounts } {
  const byIndex = new Map<number, Annotation>();
  for (const a of annotations) if (a.spottingRunId === runId && a.candidateIndex !== null) byIndex.set(a.candidateIndex, a);
  const last = t.ptsTicks.length - 1;
  const clampFrame = (f: number) => Math.max(0, Math.min(last, Math.round(f)));
  const lines = candidates.map((raw, index): CandidateLine => {
    const c = raw as StoredCandidate;
    const decision = byIndex.get(index) ?? null;
    const status = statusOf(c, decision);
    const onset = clampFrame(c.onsetFrame);
    const offset = Math.max(onset, clampFrame(c.offsetFrame));
    const decided = status !== 'not reviewed' && decision !== null;
    return {
      index,
      label: itemLabel({ candidateIndex: index, annotationId: null }),
      kind: c.kind ?? 'micro',
      proposedEmotion: c.emotion ?? 'none',
      score: typeof c.score === 'number' ? c.score : null,
      onset: frameTime(t, onset),
      apex: typeof c.apexFrame === 'number' ? frameTime(t, clampFrame(c.apexFrame)) : null,
      offset: frameTime(t, offset),
      durationFrames: offset - onset + 1,
      durationMs: spanMilliseconds(t, onset, offset),
      endMs: firstMillisecondAfter(t, offset),
      status,
      finalEmotion: decided ? decision.emotion : null,
      framesMoved: decided ? decision.onsetFrame !== onset || decision.offsetFrame !== offset : false,
      annotationId: decision?.id ?? null,
      decidedBy: decided ? decision.updatedBy : null,
      decidedAt: decided ? decision.updatedAt : null,
    };
  });
  return { lines, counts: countStatuses(lines) };
}

function statusOf(c: StoredCandidate, decision: Annotation | null): CandidateStatus {
  if (!decision || decision.verdict === 'pending') return 'not reviewed';
  if (decision.verdict === 'rejected') return 'rejected';
  return decision.emotion !== (c.emotion ?? null) ? 'relabelled' : 'accepted';
}

export function countStatuses(lines: readonly { status: CandidateStatus }[]): CandidateCounts {
  const n = (s: CandidateStatus) => lines.filter((l) => l.status === s).length;
  return {
    proposed: lines.length,
    accepted: n('accepted'),
    relabelled: n('relabelled'),
    rejected: n('rejected'),
    notReviewed: n('not reviewed'),
  };
}

/** "17 proposed: 2 accepted, 1 relabelled, 1 rejected, 13 not reviewed" (parts that are 0 are still said: the reader sees all four). */
export function candidateSentence(c: CandidateCounts): string {
  const decided = `${c.accepted} accepted, ${c.relabelled} relabelled, ${c.rejected} rejected`;
  return `${c.proposed} candidate${c.proposed === 1 ? '' : 's'} proposed: ${decided}, ${c.notReviewed} not reviewed`;
}

/** The line every page carries while any candidate is unreviewed; null once all are decided. */
export function unreviewedWarning(c: CandidateCounts): string | null {
  if (c.notReviewed === 0) return null;
  const of = `${c.notReviewed} of ${c.proposed} candidate${c.proposed === 1 ? '' : 's'}`;
  return `${of} NOT REVIEWED: this report is not a complete review of the spotter's proposals`;
}
