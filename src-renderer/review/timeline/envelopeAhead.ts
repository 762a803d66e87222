import type { EnvelopeData } from './drawTimeline.js';

/** One envelope of one recording: frames [from, to) in `buckets` columns. */
export interface EnvelopeRequest {
  id: number;
  from: number;
  to: number;
  buckets: number;
}

const keyOf = (r: EnvelopeRequest) => `${r.id}:${r.from}:${r.to}:${r.buckets}`;

/**
 * The overview's envelope asked for while the review window is still loading
 * the rest of its data, and handed over to the timeline if, once mounted, it
 * asks for exactly the same one. Asked for at mount, the envelope competed with
 * the page opening for the two cores (up to 146 ms in the host, measured);
 * asked for beside the frame table, it is there when the timeline mounts.
 * At most one is held: opening another recording replaces it.
 */
export class EnvelopeAhead {
  private pending: { key: string; result: Promise<EnvelopeData> } | null = null;

  constructor(private readonly fetch: (request: EnvelopeRequest) => Promise<EnvelopeData>) {}

  start(request: EnvelopeRequest): void {
    const result = this.fetch(request);
    // A failure is the timeline's to see when it takes this; until then it is not an unhandled rejection.
    result.catch(() => undefined);
    this.pending = { key: keyOf(request), result };
  }

  /** Forgets the envelope asked for ahead (another recording, or its analysis, is being opened). */
  clear(): void {
    this.pending = null;
  }

  /** The envelope asked for ahead, if it is this one (once: a second take asks afresh). */
  take(request: EnvelopeRequest): Promise<EnvelopeData> | null {
    if (!this.pending || this.pending.key !== keyOf(request)) return null;
    const { result } = this.pending;
    this.pending = null;
    return result;
  }
}

/**
 * The overview's width in pixels the last time the window was this wide (the
 * layout gives the overview a fixed share of the window), or null when it has
 * not been measured at this window width.
 */
export function expectedWidth(remembered: unknown, windowWidth: number): number | null {
  if (typeof remembered !== 'object' || remembered === null) return null;
  const { windowWidth: w, width } = remembered as { windowWidth?: unknown; width?: unknown };
  return w === windowWidth && typeof width === 'number' && Number.isInteger(width) && width > 0 ? width : null;
}
