import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ImportResult } from '../../src-shared/domain/recording.js';
import { api } from '../api/client.js';
import { analystName } from '../app/analyst.js';
import { importRequest } from '../app/windowRequests.js';

/**
 * In the browser host there is no file dialog that yields a path: the analyst
 * types or pastes paths (one per line), or a folder whose recordings are all
 * imported. The desktop app adds dialogs and drops.
 */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState('');
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [files, setFiles] = useState<string | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [skipped, setSkipped] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Progress events can arrive after the import's reply (they travel separately): once the import
  // has ended, a late one must not bring back a line such as "storing … 0%".
  const importing = useRef(false);
  useEffect(
    () =>
      api.on('import.progress', (p) => {
        if (!importing.current) return;
        const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
        setProgress(`${p.phase} ${p.path.split(/[\\/]/).pop()} ${pct}%`);
      }),
    [],
  );
  useEffect(
    () =>
      api.on('import.files', (p) => {
        if (importing.current) setFiles(p.current ? `file ${p.done + 1} of ${p.total}` : null);
      }),
    [],
  );

  // Files the shell asked to import (File > Open recording…, a drop, a second launch).
  useEffect(() => {
    const takeRequest = () => {
      const paths = importRequest.take();
      if (!paths) return;
      setText(paths.join('\n'));
      void run(async () => setResults(await api.call('library.import', { paths, ...(analystName() ? { analyst: analystName()! } : {}) })));
    };
    takeRequest();
    return importRequest.subscribe(takeRequest);
    // Once on mount, then on each new request: run() only calls the API and sets state.
  }, []);

  async function run(call: () => Promise<void>) {
    importing.current = true;
    setBusy(true);
    setError(null);
    setSkipped(null);
    try {
      await call();
      onImported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      importing.current = false;
      setBusy(false);
      setProgress(null);
      setFiles(null);
    }
  }
  const analyst = analystName() ?? undefined;

  function submitFiles(event: FormEvent) {
    event.preventDefault();
    const paths = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (paths.length === 0) return;
    void run(async () => setResults(await api.call('library.import', { paths, ...(analyst ? { analyst } : {}) })));
  }
  function submitFolder(event: FormEvent) {
    event.preventDefault();
    if (!folder.trim()) return;
    void run(async () => {
      const r = await api.call('library.importFolder', { path: folder.trim(), ...(analyst ? { analyst } : {}) });
      setResults(r.results);
      setSkipped(r.skipped);
    });
  }

  return (
    <div className="import">
      <form className="import-form" onSubmit={submitFiles}>
        <label htmlFor="import-paths">Import recordings (one path per line)</label>
        <textarea id="import-paths" value={text} onChange={(e) => setText(e.target.value)} rows={2} spellCheck={false} />
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      <form className="import-form" onSubmit={submitFolder}>
        <label htmlFor="import-folder">Import a folder (every recording in it and its subfolders)</label>
        <input id="import-folder" value={folder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import folder'}
        </button>
      </form>
      {(progress || files) && (
        <span className="progress" aria-live="polite">
          {[files, progress].filter(Boolean).join(' · ')}
        </span>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <ul className="import-results" data-testid="import-results">
          {results.map((r) => (
            <li key={r.path} className={r.status}>
              <strong>{r.status}</strong> {r.path}
              {r.error ? `: ${r.error}` : ''}
              {r.warning && (
                <span className="warning" data-testid="import-warning">
                  {' '}
                  WARNING: {r.warning}
                </span>
              )}
            </li>
          ))}
          {skipped !== null && skipped > 0 && (
            <li>
              {skipped} other file{skipped === 1 ? '' : 's'} in the folder left alone (not recordings by extension)
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
