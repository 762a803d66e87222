import { useEffect, useState, type FormEvent } from 'react';
import type { ImportResult } from '../../src-shared/domain/recording.js';
import { api } from '../api/client.js';

/**
 * In the browser host there is no file dialog that yields a path: the analyst
 * types or pastes paths (one per line). The desktop app adds dialogs and drops.
 */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => api.on('import.progress', (p) => {
    const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
    setProgress(`${p.phase} ${p.path.split(/[\\/]/).pop()} ${pct}%`);
  }), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const paths = text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (paths.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      setResults(await api.call('library.import', { paths }));
      onImported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  return (
    <form className="import-form" onSubmit={submit}>
      <label htmlFor="import-paths">Import recordings (one path per line)</label>
      <textarea id="import-paths" value={text} onChange={(e) => setText(e.target.value)} rows={2} spellCheck={false} />
      <button type="submit" disabled={busy}>{busy ? 'Importing…' : 'Import'}</button>
      {progress && <span className="progress" aria-live="polite">{progress}</span>}
      {error && <p className="error" role="alert">{error}</p>}
      {results.length > 0 && (
        <ul className="import-results" data-testid="import-results">
          {results.map((r) => (
            <li key={r.path} className={r.status}>
              <strong>{r.status}</strong> {r.path}{r.error ? `: ${r.error}` : ''}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
