import { useEffect, useState } from 'react';
import {
  CASE_DETAIL_LABELS,
  CASE_DETAIL_LIMITS,
  CASE_DETAIL_NAMES,
  type CaseDetailName,
  type CaseDetails,
} from '../../src-shared/domain/caseDetails.js';
import { api } from '../api/client.js';

/** The fields typed at length get a text area. */
const LONG: ReadonlySet<CaseDetailName> = new Set(['request', 'question']);

/**
 * The case's details every report carries (case number, exhibit, requester,
 * request, question, reviewer): shown as stored, changed by Save (one audited
 * change of the fields that differ), never by closing.
 */
export function CaseDetailsDialog({
  analyst,
  onClose,
  onSaved,
}: {
  analyst: string;
  onClose: () => void;
  onSaved: (d: CaseDetails) => void;
}) {
  const [stored, setStored] = useState<CaseDetails | null>(null);
  const [draft, setDraft] = useState<Record<CaseDetailName, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.call('case.get', {}).then(
      (d) => {
        setStored(d);
        setDraft(Object.fromEntries(CASE_DETAIL_NAMES.map((k) => [k, d[k]])) as Record<CaseDetailName, string>);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const changed = draft && stored ? CASE_DETAIL_NAMES.filter((k) => draft[k] !== stored[k]) : [];

  function close() {
    if (changed.length > 0 && !window.confirm(`Discard the changes to ${changed.map((k) => CASE_DETAIL_LABELS[k]).join(', ')}?`)) return;
    onClose();
  }

  function save() {
    if (!draft || changed.length === 0) return onClose();
    setBusy(true);
    setError(null);
    api
      .call('case.set', { analyst, details: Object.fromEntries(changed.map((k) => [k, draft[k]])) })
      .then(
        (d) => {
          onSaved(d);
          onClose();
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  }

  return (
    <div className="modal-backdrop" onClick={close}>
      <section
        className="modal case-dialog"
        role="dialog"
        aria-label="Case details"
        data-testid="case-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <h2>Case details</h2>
        <p className="subtle">Every report of this case states them. A change is recorded in the audit log under your name ({analyst}).</p>
        {draft ? (
          <form
            className="case-form"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            {CASE_DETAIL_NAMES.map((k) => (
              <label key={k}>
                <span>{CASE_DETAIL_LABELS[k]}</span>
                {LONG.has(k) ? (
                  <textarea
                    name={k}
                    rows={3}
                    maxLength={CASE_DETAIL_LIMITS[k]}
                    value={draft[k]}
                    onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  />
                ) : (
                  <input
                    name={k}
                    autoFocus={k === CASE_DETAIL_NAMES[0]}
                    maxLength={CASE_DETAIL_LIMITS[k]}
                    value={draft[k]}
                    onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  />
                )}
              </label>
            ))}
            <div className="modal-actions">
              <button type="submit" disabled={busy}>
                {busy ? 'Saving…' : changed.length ? `Save (${changed.length} changed)` : 'Close'}
              </button>
              <button type="button" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          !error && <p>Loading…</p>
        )}
        {stored?.updatedAt && (
          <p className="subtle" data-testid="case-updated">
            Last changed by {stored.updatedBy} at {new Date(stored.updatedAt).toLocaleString()}.
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
