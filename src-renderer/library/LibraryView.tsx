import { useCallback, useEffect, useState } from 'react';
import type { Recording } from '../../src-shared/domain/recording.js';
import { api } from '../api/client.js';
import { ImportForm } from './ImportForm.js';
import { RecordingTable } from './RecordingTable.js';

/** The case's recordings and the way to add more. */
export function LibraryView() {
  const [recordings, setRecordings] = useState<Recording[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.call('library.list', {}).then((list) => { setRecordings(list); setError(null); }, (e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);
  return (
    <section className="library" aria-label="Library">
      <ImportForm onImported={refresh} />
      {error && <p className="error" role="alert">{error}</p>}
      {recordings === null ? <p>Loading…</p> : <RecordingTable recordings={recordings} />}
    </section>
  );
}
