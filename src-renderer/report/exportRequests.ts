import { useSyncExternalStore } from 'react';

/**
 * The one "export a report" dialog of the window, asked for by the review
 * head, a library row or the shell's File > Export report…. `recordingId`
 * null lets the analyst choose the recording in the dialog.
 */
export type ExportRequest = { recordingId: number | null } | null;

let current: ExportRequest = null;
const listeners = new Set<() => void>();
const set = (next: ExportRequest) => {
  current = next;
  listeners.forEach((l) => l());
};

export const requestExport = (recordingId: number | null): void => set({ recordingId });
export const closeExport = (): void => set(null);
export const useExportRequest = (): ExportRequest =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
