import { useSyncExternalStore } from 'react';

/**
 * Where the window is, in the address's hash (#/review/3?frame=120), so a
 * reload returns to the same recording and frame.
 */
export type Route = { view: 'library' } | { view: 'batch' } | { view: 'review'; id: number; frame: number | null };

export const BATCH_HASH = '#/batch';

export function parseRoute(hash: string): Route {
  if (hash === BATCH_HASH) return { view: 'batch' };
  const m = /^#\/review\/(\d+)(?:\?frame=(\d+))?$/.exec(hash);
  if (!m) return { view: 'library' };
  return { view: 'review', id: Number(m[1]), frame: m[2] !== undefined ? Number(m[2]) : null };
}

export function reviewHash(id: number, frame?: number): string {
  return `#/review/${id}${frame !== undefined ? `?frame=${frame}` : ''}`;
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

/** Records the frame in the address without a navigation (no history entry per frame). */
export function rememberFrame(id: number, frame: number): void {
  history.replaceState(null, '', reviewHash(id, frame));
}
