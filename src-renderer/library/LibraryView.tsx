import { useCallback, useEffect, useState } from 'react';
import type { MethodResult } from '../../src-shared/api/contract.js';
import { analystName } from '../app/analyst.js';
import { api } from '../api/client.js';
import { ImportForm } from './ImportForm.js';
import { RecordingTable } from './RecordingTable.js';

type RecordingState = MethodResult<'library.states'>[number];
type RecordingEntry = MethodResult<'library.list'>[number];
/** The first and the latest progress of a running analysis, for its time left. */
export type ProgressSamples = Map<number, { first: { atMs: number; done: number }; latest: { atMs: number; done: number } }>;

/** The case's recordings, how far each is analysed and reviewed, and the way to add more. */
export function LibraryView() {
  const [recordings, setRecordings] = useState<RecordingEntry[] | null>(null);
  const [samples, setSamples] = useState<ProgressSamples>(new Map());
  const [states, setStates] = useState(new Map<number, RecordingState>());
  const [spotting, setSpotting] = useState(new Set<number>());
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    Promise.all([api.call('library.list', {}), api.call('library.states', analystName() ? { analyst: analystName()! } : {})]).then(
      ([list, st]) => {
        setRecordings(list);
        setStates(new Map(st.map((s) => [s.id, s])));
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(refresh, [refresh]);
  // Progress arrives per frame: update the one row in place rather than reloading the list.
  useEffect(
    () =>
      api.on('analysis.progress', (p) => {
        setStates((m) => {
          const old = m.get(p.recordingId);
          if (!old) return m;
          return new Map(m).set(p.recordingId, { ...old, analysis: { status: 'running', framesDone: p.done, frameCount: p.total } });
        });
        const now = { atMs: performance.now(), done: p.done };
        setSamples((m) => {
          const old = m.get(p.recordingId);
          // A new run (fewer frames done than before) starts its own estimate.
          const first = old && old.latest.done <= p.done ? old.first : now;
          return new Map(m).set(p.recordingId, { first, latest: now });
        });
      }),
    [],
  );

  const spot = (id: number) => {
    setSpotting((s) => new Set(s).add(id));
    api
      .call('spot.run', { id })
      .then(
        () => setError(null),
        (e: Error) => setError(e.message),
      )
      .finally(() => {
        setSpotting((s) => {
          const n = new Set(s);
          n.delete(id);
          return n;
        });
        refresh();
      });
  };
  return (
    <section className="library" aria-label="Library">
      <ImportForm onImported={refresh} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {recordings === null ? (
        <p>Loading…</p>
      ) : (
        <RecordingTable recordings={recordings} states={states} samples={samples} onSpot={spot} spotting={spotting} />
      )}
    </section>
  );
}
