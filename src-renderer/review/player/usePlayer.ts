import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { PlayerEngine, type PlayerSnapshot } from './playerEngine.js';

/** One player engine per opened recording, disposed with the view. */
export function usePlayerEngine(
  elapsed: Float64Array,
  ptsSeconds: Float64Array,
  keyFrames: readonly number[],
  mediaUrl: string | null,
  initialFrame: number,
): PlayerEngine {
  const engine = useMemo(() => new PlayerEngine(elapsed, initialFrame, keyFrames), [elapsed, initialFrame, keyFrames]);
  useEffect(() => {
    if (mediaUrl) void engine.open(mediaUrl, ptsSeconds);
    // Tests and the benchmark read what was presented through this handle.
    (window as unknown as { micromomentPlayer?: PlayerEngine }).micromomentPlayer = engine;
    return () => engine.dispose();
  }, [engine, mediaUrl, ptsSeconds]);
  return engine;
}

export function usePlayerSnapshot(engine: PlayerEngine): PlayerSnapshot {
  return useSyncExternalStore(engine.subscribe, engine.getSnapshot);
}
