import { useEffect, useRef } from 'react';
import type { QueueItem } from '../../../src-shared/review/reviewQueue.js';
import { emotionColor } from '../timeline/colors.js';

/** The review queue: candidates and hand marks in time order, the selected one highlighted and kept in view. */
export function CandidateQueue({
  items,
  selected,
  onSelect,
}: {
  items: readonly QueueItem[];
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (items.length === 0) return <p className="subtle">No candidates: spot the recording, or mark intervals by hand (M).</p>;
  const reviewed = items.filter((i) => i.verdict !== 'pending').length;
  return (
    <>
      <p className="queue-count" data-testid="queue-count">
        {reviewed} of {items.length} reviewed
      </p>
      <ol className="queue" ref={list} data-testid="queue">
        {items.map((item, n) => (
          <li
            key={item.key}
            aria-current={item.key === selected}
            className={`verdict-${item.verdict}`}
            onClick={() => onSelect(item.key)}
            data-key={item.key}
          >
            <span className="swatch" style={{ background: emotionColor(item.emotion) }} />
            <span className="q-n">{n + 1}</span>
            <span className="q-what">{item.candidateIndex !== null ? `candidate ${item.candidateIndex + 1}` : 'hand mark'}</span>
            <span className="q-emotion">{item.emotion ?? 'unlabelled'}</span>
            <span className="q-frames">
              {item.onsetFrame}–{item.offsetFrame}
            </span>
            <span className="q-verdict">{item.verdict}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
