import type { Verdict } from '../domain/annotation.js';
import type { QueueItem } from './reviewQueue.js';

/** The queue's columns an analyst can sort by. */
export const QUEUE_SORT_KEYS = ['label', 'kind', 'emotion', 'time', 'duration', 'score', 'status'] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];
export interface QueueSort {
  key: QueueSortKey;
  descending: boolean;
}
/** Sorted by a column for the first time: scores and durations largest first, the rest ascending. */
export function defaultDirection(key: QueueSortKey): boolean {
  return key === 'score' || key === 'duration';
}

/** Which items to show; 'all' (or 0 for the score) lets every item through. */
export interface QueueFilter {
  status: Verdict | 'all';
  emotion: string | 'all';
  /** A candidate's kind, or 'hand' for hand marks. */
  kind: string | 'all';
  /** Candidates below this review score are hidden; hand marks have no score and are kept. */
  minScore: number;
}
export const NO_FILTER: QueueFilter = { status: 'all', emotion: 'all', kind: 'all', minScore: 0 };

/** The item's kind as the queue shows it: the spotter's kind, or 'hand' for a hand mark. */
export function itemKind(item: QueueItem): string {
  return item.candidate ? item.candidate.kind : 'hand';
}

const STATUS_ORDER: Record<Verdict, number> = { pending: 0, accepted: 1, rejected: 2 };

/**
 * The items the filter lets through, sorted by the column asked for. Ties keep
 * the time order (the sort is stable and the input is in time order), and items
 * without a value for the column (a hand mark's score, an unlabelled emotion)
 * come last whichever the direction, so they never hide the ones that have one.
 */
export function viewQueue(
  items: readonly QueueItem[],
  sort: QueueSort,
  filter: QueueFilter,
  durationMs: (item: QueueItem) => number,
): QueueItem[] {
  const shown = items.filter(
    (it) =>
      (filter.status === 'all' || it.verdict === filter.status) &&
      (filter.emotion === 'all' || it.emotion === filter.emotion) &&
      (filter.kind === 'all' || itemKind(it) === filter.kind) &&
      (!it.candidate || it.candidate.score >= filter.minScore),
  );
  const value = (it: QueueItem): number | string | null => {
    switch (sort.key) {
      case 'time':
        return it.onsetFrame;
      case 'score':
        return it.candidate ? it.candidate.score : null;
      case 'duration':
        return durationMs(it);
      case 'status':
        return STATUS_ORDER[it.verdict];
      case 'emotion':
        return it.emotion;
      case 'kind':
        return itemKind(it);
      case 'label':
        // C before H, then by number: C2 before C10.
        return `${it.label[0]}${it.label.slice(1).padStart(12, '0')}`;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return [...shown].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return (a < b ? -1 : 1) * sign;
  });
}

/** How many items still wait for a decision: counted on the whole queue, whatever is shown. */
export function pendingCount(items: readonly QueueItem[]): number {
  return items.filter((it) => it.verdict === 'pending').length;
}
