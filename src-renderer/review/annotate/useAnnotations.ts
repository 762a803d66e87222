import { useCallback, useEffect, useState } from 'react';
import type { AnnotationChange, AnnotationState } from '../../../src-shared/domain/annotation.js';
import { api } from '../../api/client.js';

export interface Annotations {
  state: AnnotationState | null;
  /** The last refusal or failure, in the main side's words. */
  error: string | null;
  /** True while an action is on its way: the next waits, so actions are stored in the order made. */
  busy: boolean;
  apply(change: AnnotationChange): Promise<AnnotationState | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Asks the store again (after a change made elsewhere, e.g. an adjudication). */
  reload(): void;
}

/**
 * The recording's annotations as the store has them. Every action goes to the
 * main side at once and the window shows what the store answered: nothing is
 * kept only in the page, so a reload or a crash loses nothing that was shown.
 * Actions are sent one after another, in order.
 */
/**
 * `passId`: the analyst's open coding pass (its decisions only), null for the
 * case's working set, undefined while that is not known yet (nothing is asked).
 */
export function useAnnotations(recordingId: number, analyst: string, passId: number | null | undefined): Annotations {
  const [state, setState] = useState<AnnotationState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queue] = useState(() => ({ tail: Promise.resolve() as Promise<unknown> }));

  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (passId === undefined) return;
    api.call('annotations.list', { recordingId, analyst, passId }).then(setState, (e: Error) => setError(e.message));
  }, [recordingId, analyst, passId, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);

  const run = useCallback(
    <T>(call: () => Promise<T>): Promise<T | null> => {
      const next = queue.tail.then(async () => {
        setBusy(true);
        try {
          const result = await call();
          setError(null);
          return result;
        } catch (e) {
          setError((e as Error).message);
          return null;
        } finally {
          setBusy(false);
        }
      });
      queue.tail = next;
      return next;
    },
    [queue],
  );

  const apply = useCallback(
    (change: AnnotationChange) =>
      run(async () => {
        const s = await api.call('annotations.apply', { recordingId, analyst, change, passId });
        setState(s);
        return s;
      }),
    [run, recordingId, analyst, passId],
  );
  const undo = useCallback(async () => {
    await run(async () => setState(await api.call('annotations.undo', { recordingId, analyst, passId })));
  }, [run, recordingId, analyst, passId]);
  const redo = useCallback(async () => {
    await run(async () => setState(await api.call('annotations.redo', { recordingId, analyst, passId })));
  }, [run, recordingId, analyst, passId]);

  return { state, error, busy, apply, undo, redo, reload };
}
