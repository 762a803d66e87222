import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlayerEngine, PlayerSnapshot } from './playerEngine.js';

/**
 * The picture: a canvas the engine draws decoded frames on, as large as the
 * space the layout leaves it at the recording's aspect (measured, so the canvas
 * box is exactly the picture: no bars inside it, and the window never scrolls).
 */
export function PlayerCanvas({ engine, snapshot, aspect }: { engine: PlayerEngine; snapshot: PlayerSnapshot; aspect: number }) {
  const ref = useCallback((canvas: HTMLCanvasElement | null) => engine.attach(canvas), [engine]);
  const slot = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = slot.current;
    if (!el) return;
    const fit = () => {
      const width = Math.min(el.clientWidth, el.clientHeight * aspect);
      setBox(width > 0 ? { width: Math.floor(width), height: Math.floor(width / aspect) } : null);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    fit();
    return () => observer.disconnect();
  }, [aspect]);
  const pending = !snapshot.playing && snapshot.displayed !== snapshot.target;
  return (
    <div className="player-slot" ref={slot}>
      <div className="player-frame" style={box ? { width: box.width, height: box.height } : { aspectRatio: String(aspect), width: '100%' }}>
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
    </div>
  );
}
