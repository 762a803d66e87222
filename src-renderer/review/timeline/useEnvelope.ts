import { useEffect, useState } from 'react';
import type { EnvelopeData } from './drawTimeline.js';
import { fetchEnvelope, overviewAhead } from './overviewAhead.js';

/**
 * The min/max envelope of every curve over frames [from, to) in `buckets`
 * columns, fetched from the main side (which holds the per-frame series in
 * memory) whenever the range or width changes; the latest request wins. The
 * overview's is usually already on its way (asked for while the window loaded).
 */
export function useEnvelope(recordingId: number, enabled: boolean, from: number, to: number, buckets: number): EnvelopeData | null {
  const [env, setEnv] = useState<EnvelopeData | null>(null);
  useEffect(() => {
    if (!enabled || buckets < 1 || to <= from) return;
    let live = true;
    const request = { id: recordingId, from, to, buckets: Math.round(buckets) };
    (overviewAhead.take(request) ?? fetchEnvelope(request)).then(
      (e) => {
        if (live) setEnv(e);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [recordingId, enabled, from, to, buckets]);
  return env;
}
