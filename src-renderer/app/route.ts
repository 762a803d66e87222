import { useSyncExternalStore } from 'react';

/**
 * Where the window is, in the address's hash (#/review/3?frame=120&item=c2), so a
 * reload returns to the same recording, frame and selected queue item.
 */
export type Route = { view: 'library' } | { view: 'batch' } | { view: 'review'; id: number; frame: number | null; item: string | null };

export const BATCH_HASH = '#/batch';

export function parseRoute(hash: string): Route {
  if (hash === BATCH_HASH) return { view: 'batch' };
  const m = /^#\/review\/(\d+)(?:\?frame=(\d+)(?:&item=([ca]\d+))?)?$/.exec(hash);
  if (!m) return { view: 'library' };
  return { view: 'review', id: Number(m[1]), frame: m[2] !== undefined ? Number(m[2]) : null, item: m[3] ?? null };
}

export function reviewHash(id: number, frame?: number, item?: string | null): string {
  if (frame === undefined) return `#/review/${id}`;
  return `#/review/${id}?frame=${frame}${item ? `&item=${item}` : ''}`;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    (l) => {
      window.addEventListener('hashchange', l);
      return () => window.removeEventListener('hashchange', l);
    },
    () => location.hash,
  );
  return parseRoute(hash);
}

/** Records the frame and the selected item in the address without a navigation (no history entry per frame). */
export function rememberPlace(id: number, frame: number, item: string | null): void {
  history.replaceState(null, '', reviewHash(id, frame, item));
}
