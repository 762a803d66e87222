import { useCallback, useState } from 'react';
import { QUEUE_SORT_KEYS, defaultDirection, type QueueSort, type QueueSortKey } from '../../../src-shared/review/queueView.js';

const STORAGE_KEY = 'micromoment.queueSort';
const TIME_ORDER: QueueSort = { key: 'time', descending: false };

function stored(): QueueSort {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<QueueSort> | null;
    if (value && QUEUE_SORT_KEYS.includes(value.key as QueueSortKey) && typeof value.descending === 'boolean')
      return { key: value.key as QueueSortKey, descending: value.descending };
  } catch {
    // storage disabled or a value of an older version: time order
  }
  return TIME_ORDER;
}

/**
 * How the review queue is sorted, time order by default. The analyst's choice
 * is kept for the next recording: it is a way of working, not a property of one.
 * `byColumn` sorts by a column, or turns its direction round when it already
 * sorts; `toggleTimeScore` (Shift O) switches between time and score order.
 */
export function useQueueSort(): { sort: QueueSort; byColumn: (key: QueueSortKey) => void; toggleTimeScore: () => void } {
  const [sort, setSortState] = useState<QueueSort>(stored);
  const setSort = useCallback((next: QueueSort) => {
    setSortState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // not kept; the order still applies to this window
    }
  }, []);
  const byColumn = useCallback(
    (key: QueueSortKey) => setSort(sort.key === key ? { key, descending: !sort.descending } : { key, descending: defaultDirection(key) }),
    [sort, setSort],
  );
  const toggleTimeScore = useCallback(
    () => setSort(sort.key === 'score' ? TIME_ORDER : { key: 'score', descending: true }),
    [sort, setSort],
  );
  return { sort, byColumn, toggleTimeScore };
}
