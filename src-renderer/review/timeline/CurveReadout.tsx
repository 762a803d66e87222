import { useMemo, useState } from 'react';
import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import { CURVE_COLUMNS } from '../../../src-shared/review/reviewColumns.js';
import { SeriesTrack } from '../data/seriesTrack.js';
import { auColor, CLASS_COLORS } from './colors.js';

/**
 * Each shown curve's value at the cursor's frame and at the frame under the
 * pointer (over either timeline): the stored per-frame values, not read off the
 * drawing. Probabilities with two decimals; action units in inter-ocular
 * distances, signed.
 */
export function CurveReadout({
  recordingId,
  shown,
  cursor,
  pointer,
}: {
  recordingId: number;
  shown: ReadonlySet<string>;
  cursor: number | null;
  pointer: number | null;
}) {
  const [, setLoads] = useState(0);
  const track = useMemo(() => new SeriesTrack(recordingId, CURVE_COLUMNS, () => setLoads((n) => n + 1)), [recordingId]);
  const line = (label: string, frame: number | null, testId: string) => {
    if (frame === null) return null;
    const values = track.valuesAt(frame);
    return (
      <div className="readout-line" data-testid={testId}>
        <span className="subtle">
          {label} {frame}:
        </span>
        {values === null
          ? ' …'
          : CURVE_COLUMNS.map((name, i) => {
              if (!shown.has(name)) return null;
              const v = values[i] as number;
              const au = (ACTION_UNITS as readonly string[]).indexOf(name);
              const color = au >= 0 ? auColor(au) : CLASS_COLORS[name as keyof typeof CLASS_COLORS];
              const text = Number.isNaN(v) ? '–' : au >= 0 ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}` : v.toFixed(2);
              return (
                <span key={name} style={{ color }} data-curve={name}>
                  {' '}
                  {au >= 0 ? name.replace('au', 'AU') : name} {text}
                </span>
              );
            })}
      </div>
    );
  };
  return (
    <div className="curve-readout" aria-live="off">
      {line('Cursor, frame', cursor, 'readout-cursor')}
      {line('Pointer, frame', pointer, 'readout-pointer')}
    </div>
  );
}
