import { useState, type FormEvent } from 'react';
import { pathsFromText } from '../../src-shared/app/batchBoard.js';

/** Folders or files to scan, one per line (the browser host has no dialog that yields a path). */
export function BatchStartForm({ disabled, onStart }: { disabled: boolean; onStart: (paths: string[]) => void }) {
  const [text, setText] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    const paths = pathsFromText(text);
    if (paths.length > 0) onStart(paths);
  }
  return (
    <form className="import-form" onSubmit={submit}>
      <label htmlFor="batch-paths">Scan folders or files (one path per line): import, analyse and spot each recording</label>
      <textarea id="batch-paths" value={text} onChange={(e) => setText(e.target.value)} rows={2} spellCheck={false} />
      <button type="submit" disabled={disabled}>
        Start scan
      </button>
    </form>
  );
}
