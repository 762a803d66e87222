import { useCallback, useState } from 'react';
import { QUEUE_ORDERS, type QueueOrder } from '../../../src-shared/review/reviewQueue.js';

const STORAGE_KEY = 'micromoment.queueOrder';

function stored(): QueueOrder {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return QUEUE_ORDERS.includes(value as QueueOrder) ? (value as QueueOrder) : 'time';
  } catch {
    return 'time'; // storage may be disabled; time order is the default
  }
}

/**
 * The order of the review queue, time by default. The analyst's choice is
 * kept for the next recording: it is a way of working, not a property of one.
 */
export function useQueueOrder(): [QueueOrder, (order: QueueOrder) => void, () => void] {
  const [order, setOrderState] = useState<QueueOrder>(stored);
  const setOrder = useCallback((next: QueueOrder) => {
    setOrderState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not kept; the order still applies to this window
    }
  }, []);
  const toggle = useCallback(() => setOrder(order === 'time' ? 'score' : 'time'), [order, setOrder]);
  return [order, setOrder, toggle];
}
