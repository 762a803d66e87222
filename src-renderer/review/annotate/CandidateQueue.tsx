import { useEffect, useRef } from 'react';
import { QUEUE_ORDERS, type QueueItem, type QueueOrder } from '../../../src-shared/review/reviewQueue.js';
import { emotionColor } from '../timeline/colors.js';

const ORDER_LABEL: Record<QueueOrder, string> = { time: 'Time', score: 'Score' };

/**
 * The review queue: candidates and hand marks in time order or by review score
 * (the analyst's choice, Shift O), the selected one highlighted and kept in view.
 */
export function CandidateQueue({
  items,
  selected,
  onSelect,
  order,
  onOrder,
}: {
  items: readonly QueueItem[];
  selected: string | null;
  onSelect: (key: string) => void;
  order: QueueOrder;
  onOrder: (order: QueueOrder) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (items.length === 0) return <p className="subtle">No candidates: spot the recording, or mark intervals by hand (M).</p>;
  const reviewed = items.filter((i) => i.verdict !== 'pending').length;
  return (
    <>
      <div className="queue-head">
        <p className="queue-count" data-testid="queue-count">
          {reviewed} of {items.length} reviewed
        </p>
        <div className="queue-order" role="group" aria-label="Queue order (Shift O)">
          {QUEUE_ORDERS.map((o) => (
            <button
              key={o}
              type="button"
              aria-pressed={order === o}
              data-testid={`queue-order-${o}`}
              title={o === 'score' ? 'Highest review score first: the likeliest real ones first (Shift O)' : 'In time order (Shift O)'}
              onClick={() => onOrder(o)}
            >
              {ORDER_LABEL[o]}
            </button>
          ))}
        </div>
      </div>
      <ol className="queue" ref={list} data-testid="queue">
        {items.map((item) => (
          <li
            key={item.key}
            aria-current={item.key === selected}
            className={`verdict-${item.verdict}`}
            onClick={() => onSelect(item.key)}
            data-key={item.key}
          >
            <span className="swatch" style={{ background: emotionColor(item.emotion) }} />
            <span
              className="q-what"
              title={item.candidateIndex !== null ? `candidate ${item.candidateIndex + 1} (in time order)` : 'marked by hand'}
            >
              {item.label}
            </span>
            <span className="q-emotion">{item.emotion ?? 'unlabelled'}</span>
            <span className="q-frames">
              {item.onsetFrame}–{item.offsetFrame}
            </span>
            <span className="q-score" title="Review score">
              {item.candidate ? item.candidate.score.toFixed(2) : ''}
            </span>
            <span className="q-verdict">{item.verdict}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
