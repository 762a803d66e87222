import { useEffect, useState } from 'react';
import type { MethodResult } from '../../../src-shared/api/contract.js';
import { api } from '../../api/client.js';

type Strip = MethodResult<'review.filmstrip'>;

/**
 * The face from onset through apex to offset, one picture per frame (sampled
 * for longer items), decoded from the original by the host: the recording's own
 * pixels, repeated to enlarge. A click on a picture shows that frame.
 */
export function Filmstrip({
  recordingId,
  onset,
  apex,
  offset,
  current,
  onSeek,
}: {
  recordingId: number;
  onset: number;
  apex: number | null;
  offset: number;
  current: number | null;
  onSeek: (frame: number) => void;
}) {
  const [strip, setStrip] = useState<Strip | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setStrip(null);
    setError(null);
    // Asked for a moment after the selection settles: walking through the queue decodes nothing.
    const t = window.setTimeout(() => {
      api.call('review.filmstrip', { id: recordingId, onset, offset, apex }).then(
        (s) => live && setStrip(s),
        (e: Error) => live && setError(e.message),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [recordingId, onset, apex, offset]);
  if (error) return <p className="subtle">Filmstrip not available: {error}</p>;
  if (!strip) return <p className="subtle filmstrip-loading">Decoding the filmstrip from the original…</p>;
  const how =
    strip.scale === 1
      ? 'pixel for pixel'
      : strip.scale > 1
        ? `×${strip.scale}, pixels repeated`
        : `reduced to ${Math.round(strip.scale * 100)}%`;
  return (
    <figure className="filmstrip" data-testid="filmstrip">
      <div className="filmstrip-cells">
        {strip.frames.map((frame, i) => {
          const png = strip.cells[i];
          const role = frame === onset ? 'onset' : frame === apex ? 'apex' : frame === offset ? 'offset' : null;
          return (
            <button
              type="button"
              key={frame}
              className={`filmstrip-cell${frame === current ? ' current' : ''}${role ? ` ${role}` : ''}`}
              onClick={() => onSeek(frame)}
              title={`Frame ${frame}${role ? ` (${role})` : ''}: show it`}
              data-frame={frame}
            >
              {png ? (
                <img src={`data:image/png;base64,${png}`} alt={`frame ${frame}`} width={strip.cellWidth} height={strip.cellHeight} />
              ) : (
                <span className="subtle">–</span>
              )}
              <span className="filmstrip-frame">
                {frame}
                {role ? ` ${role}` : ''}
              </span>
            </button>
          );
        })}
      </div>
      <figcaption className="subtle">
        {strip.complete ? 'Every frame' : `${strip.frames.length} frames spread over ${offset - onset + 1}`}, from the original; {how}
        {strip.problem ? ` (${strip.problem})` : ''}
      </figcaption>
    </figure>
  );
}
