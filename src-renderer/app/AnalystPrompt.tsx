import { useState, type FormEvent } from 'react';
import { setAnalystName } from './analyst.js';

/** Asks the analyst's name once; it is recorded with each of their actions. */
export function AnalystPrompt({ suggestion, onCancel }: { suggestion: string; onCancel?: () => void }) {
  const [name, setName] = useState(suggestion);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) setAnalystName(name);
  };
  return (
    <div className="modal-backdrop">
      <form className="modal" onSubmit={submit} aria-label="Analyst name">
        <h2>Who is reviewing?</h2>
        <p>Your name is recorded with each annotation and decision in the case's audit log.</p>
        <label htmlFor="analyst-name">Your name</label>
        <input id="analyst-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="name" />
        <div className="modal-actions">
          <button type="submit" disabled={!name.trim()}>
            Start reviewing
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
