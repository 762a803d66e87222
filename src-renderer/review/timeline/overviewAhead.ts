import { CURVE_COLUMNS } from '../../../src-shared/review/reviewColumns.js';
import { api } from '../../api/client.js';
import { float32FromBase64 } from '../data/base64.js';
import type { EnvelopeData } from './drawTimeline.js';
import { EnvelopeAhead, expectedWidth, type EnvelopeRequest } from './envelopeAhead.js';

const WIDTH_KEY = 'micromoment.overviewWidth';

/** The curves' envelope from the main side, decoded. */
export async function fetchEnvelope({ id, from, to, buckets }: EnvelopeRequest): Promise<EnvelopeData> {
  const r = await api.call('review.envelope', { id, from, to, buckets, columns: [...CURVE_COLUMNS] });
  return { from: r.from, to: r.to, buckets: r.buckets, columns: r.columns, min: float32FromBase64(r.min), max: float32FromBase64(r.max) };
}

/** The one overview envelope asked for ahead of the timeline (see EnvelopeAhead). */
export const overviewAhead = new EnvelopeAhead(fetchEnvelope);

/** Remembers the overview's measured width at this window width, for the next recording opened. */
export function rememberOverviewWidth(width: number): void {
  try {
    localStorage.setItem(WIDTH_KEY, JSON.stringify({ windowWidth: window.innerWidth, width }));
  } catch {
    // A profile without storage only loses the head start.
  }
}

function remembered(): unknown {
  try {
    return JSON.parse(localStorage.getItem(WIDTH_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** Asks for the whole recording's overview now, if its width at this window size is known. */
export function askOverviewAhead(id: number, frames: number): void {
  const width = expectedWidth(remembered(), window.innerWidth);
  if (width !== null && frames > 0) overviewAhead.start({ id, from: 0, to: frames, buckets: width });
  else overviewAhead.clear();
}
