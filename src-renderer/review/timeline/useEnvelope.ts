import { useEffect, useState } from 'react';
import { CURVE_COLUMNS } from '../../../src-shared/review/reviewColumns.js';
import { api } from '../../api/client.js';
import { float32FromBase64 } from '../data/base64.js';
import type { EnvelopeData } from './drawTimeline.js';

/**
 * The min/max envelope of every curve over frames [from, to) in `buckets`
 * columns, fetched from the main side (which holds the per-frame series in
 * memory) whenever the range or width changes; the latest request wins.
 */
export function useEnvelope(recordingId: number, enabled: boolean, from: number, to: number, buckets: number): EnvelopeData | null {
  const [env, setEnv] = useState<EnvelopeData | null>(null);
  useEffect(() => {
    if (!enabled || buckets < 1 || to <= from) return;
    let live = true;
    api.call('review.envelope', { id: recordingId, from, to, buckets: Math.round(buckets), columns: [...CURVE_COLUMNS] }).then((r) => {
      if (live) setEnv({ from: r.from, to: r.to, buckets: r.buckets, columns: r.columns, min: float32FromBase64(r.min), max: float32FromBase64(r.max) });
    }, () => undefined);
    return () => { live = false; };
  }, [recordingId, enabled, from, to, buckets]);
  return env;
}
