import { useCallback } from 'react';
import type { PlayerEngine, PlayerSnapshot } from './playerEngine.js';

/** The picture: a canvas the engine draws decoded frames on, sized to the recording's aspect. */
export function PlayerCanvas({ engine, snapshot, aspect }: { engine: PlayerEngine; snapshot: PlayerSnapshot; aspect: number }) {
  const ref = useCallback((canvas: HTMLCanvasElement | null) => engine.attach(canvas), [engine]);
  const pending = !snapshot.playing && snapshot.displayed !== snapshot.target;
  return (
    <div className="player-frame" style={{ aspectRatio: String(aspect) }}>
      <canvas ref={ref} className="player-canvas" data-testid="player-canvas" data-displayed-frame={snapshot.displayed ?? ''} />
      {!snapshot.ready && !snapshot.error && <div className="player-status">Opening the recording…</div>}
      {snapshot.error && (
        <div className="player-status error" role="alert">
          {snapshot.error}
        </div>
      )}
      {snapshot.ready && pending && (
        <div className="player-status subtle" aria-live="polite">
          Decoding frame {snapshot.target}…
        </div>
      )}
      {snapshot.waiting && <div className="player-status subtle">Waiting for frame {snapshot.target} (no frame is skipped)</div>}
    </div>
  );
}
