import { useEffect, useRef } from 'react';
import { EMOTIONS } from '../../../src-shared/analysis/emotions.js';
import type { QueueItem } from '../../../src-shared/review/reviewQueue.js';
import { itemKind, NO_FILTER, type QueueFilter, type QueueSort, type QueueSortKey } from '../../../src-shared/review/queueView.js';
import { emotionColor } from '../timeline/colors.js';

const COLUMNS: { key: QueueSortKey; title: string; help: string }[] = [
  { key: 'label', title: '#', help: 'Name (C: candidate, H: hand mark)' },
  { key: 'kind', title: 'Kind', help: 'micro, macro, onset (of a macro expression) or hand mark' },
  { key: 'emotion', title: 'Emotion', help: 'Emotion' },
  { key: 'time', title: 'Frames', help: 'Onset–offset frames (time order)' },
  { key: 'duration', title: 'ms', help: 'Duration on screen, ms' },
  { key: 'score', title: 'Score', help: 'Review score (Shift O: by score / in time order)' },
  { key: 'status', title: 'Status', help: 'Status' },
];
const KIND_SHORT: Record<string, string> = { micro: 'micro', macro: 'macro', 'onset-of-macro': 'onset', hand: 'hand' };

/**
 * The review queue as a table: one row per candidate or hand mark, sortable by
 * any column (a click on its heading; again turns it round), filtered by status,
 * emotion, kind and score. The pending count is of the whole queue, whatever the
 * filter hides, and stays in view above the rows.
 */
export function CandidateQueue({
  items,
  total,
  pending,
  selected,
  onSelect,
  sort,
  onSort,
  filter,
  onFilter,
  durationMs,
}: {
  items: readonly QueueItem[];
  total: number;
  pending: number;
  selected: string | null;
  onSelect: (key: string) => void;
  sort: QueueSort;
  onSort: (key: QueueSortKey) => void;
  filter: QueueFilter;
  onFilter: (filter: QueueFilter) => void;
  durationMs: (item: QueueItem) => number;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    body.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (total === 0) return <p className="subtle">No candidates: spot the recording, or mark intervals by hand (M).</p>;
  const filtered = items.length < total;
  return (
    <section className="queue-panel" aria-label="Queue">
      <div className="queue-head">
        <p className="queue-count" data-testid="queue-count">
          <strong>{pending}</strong> of {total} unreviewed{filtered ? ` · ${items.length} shown` : ''}
        </p>
        {filtered && (
          <button type="button" onClick={() => onFilter(NO_FILTER)} data-testid="queue-filter-clear">
            Show all
          </button>
        )}
      </div>
      <div className="queue-filters" role="group" aria-label="Filter the queue">
        <select
          aria-label="Status"
          value={filter.status}
          onChange={(e) => onFilter({ ...filter, status: e.target.value as QueueFilter['status'] })}
          data-testid="filter-status"
        >
          <option value="all">any status</option>
          <option value="pending">pending</option>
          <option value="accepted">accepted</option>
          <option value="rejected">rejected</option>
        </select>
        <select
          aria-label="Emotion"
          value={filter.emotion}
          onChange={(e) => onFilter({ ...filter, emotion: e.target.value })}
          data-testid="filter-emotion"
        >
          <option value="all">any emotion</option>
          {EMOTIONS.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
        <select
          aria-label="Kind"
          value={filter.kind}
          onChange={(e) => onFilter({ ...filter, kind: e.target.value })}
          data-testid="filter-kind"
        >
          <option value="all">any kind</option>
          {Object.entries(KIND_SHORT).map(([k, short]) => (
            <option key={k} value={k}>
              {short}
            </option>
          ))}
        </select>
        <label className="min-score">
          score ≥{' '}
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={filter.minScore}
            onChange={(e) => onFilter({ ...filter, minScore: Math.max(0, Math.min(1, Number(e.target.value) || 0)) })}
            data-testid="filter-min-score"
          />
        </label>
      </div>
      <div className="queue-scroll">
        <table className="queue" data-testid="queue">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined} scope="col">
                  <button type="button" title={c.help} onClick={() => onSort(c.key)} data-testid={`sort-${c.key}`}>
                    {c.title}
                    {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {items.map((item) => (
              <tr
                key={item.key}
                aria-current={item.key === selected}
                className={`verdict-${item.verdict}`}
                onClick={() => onSelect(item.key)}
                data-key={item.key}
              >
                <td className="q-what">
                  <span className="swatch" style={{ background: emotionColor(item.emotion) }} />
                  {item.label}
                </td>
                <td className="q-kind">{KIND_SHORT[itemKind(item)] ?? itemKind(item)}</td>
                <td className="q-emotion">{item.emotion ?? '–'}</td>
                <td className="q-frames">
                  {item.onsetFrame}–{item.offsetFrame}
                </td>
                <td className="q-ms">{Math.round(durationMs(item))}</td>
                <td className="q-score">{item.candidate ? item.candidate.score.toFixed(2) : ''}</td>
                <td className="q-verdict">{item.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && <p className="subtle">No item matches the filter.</p>}
      </div>
    </section>
  );
}
