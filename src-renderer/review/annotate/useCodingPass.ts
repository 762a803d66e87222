import { useCallback, useEffect, useState } from 'react';
import type { CodingPass } from '../../../src-shared/domain/codingPass.js';
import { api } from '../../api/client.js';

export interface CodingPassState {
  /** The analyst's pass on this recording not yet complete: their decisions go there. Null: the working set. */
  open: CodingPass | null;
  /** All passes of the recording, for the record. */
  all: CodingPass[];
  /** The passes have been read: until then the window does not know which set to show. */
  loaded: boolean;
  error: string | null;
  start(options: { hideSpotterEmotion: boolean }): Promise<void>;
  complete(): Promise<void>;
}

/**
 * The analyst's coding pass of the recording, if they have one open. Starting
 * and completing go to the main side (audited there); the window then shows
 * the pass's own decisions only, as the host allows while it is blind.
 */
export function useCodingPass(recordingId: number, analyst: string): CodingPassState {
  // One state: the list and that it was read change together.
  const [passes, setPasses] = useState<{ all: CodingPass[]; loaded: boolean }>({ all: [], loaded: false });
  const { all, loaded } = passes;
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api.call('passes.list', { recordingId }).then(
        (list) => setPasses({ all: list, loaded: true }),
        (e: Error) => setError(e.message),
      ),
    [recordingId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const open = all.find((p) => p.analyst === analyst && p.completedAt === null) ?? null;
  const start = useCallback(
    async ({ hideSpotterEmotion }: { hideSpotterEmotion: boolean }) => {
      try {
        await api.call('passes.start', { recordingId, analyst, blind: true, hideSpotterEmotion });
        setError(null);
        // The spotter's emotions come without it from now on: the candidates are asked for again.
        if (hideSpotterEmotion) window.location.reload();
        else await load();
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [recordingId, analyst, load],
  );
  const complete = useCallback(async () => {
    if (!open) return;
    try {
      await api.call('passes.complete', { passId: open.id, analyst });
      setError(null);
      if (open.hideSpotterEmotion) window.location.reload();
      else await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }, [open, analyst, load]);
  return { open, all, loaded, error, start, complete };
}
