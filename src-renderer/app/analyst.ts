import { useSyncExternalStore } from 'react';

/**
 * The analyst's name, asked once and kept in this browser profile, sent with
 * every action so the audit log says who did what. Not a login: the audit log
 * records the name as given.
 */
const KEY = 'micromoment.analyst';
const listeners = new Set<() => void>();

export function analystName(): string | null {
  const v = localStorage.getItem(KEY);
  return v && v.trim() ? v.trim() : null;
}

export function setAnalystName(name: string): void {
  localStorage.setItem(KEY, name.trim());
  listeners.forEach((l) => l());
}

export function useAnalyst(): string | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, analystName);
}
