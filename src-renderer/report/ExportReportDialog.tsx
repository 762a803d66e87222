import { useEffect, useState } from 'react';
import type { MethodResult } from '../../src-shared/api/contract.js';
import type { Recording } from '../../src-shared/domain/recording.js';
import { REPORT_FORMATS, REPORT_FORMAT_INFO, type ReportFormat } from '../../src-shared/report/formats.js';
import { isMismatchRefusal, safeDownloadName } from '../../src-shared/app/reportExport.js';
import { api, ApiCallError } from '../api/client.js';
import { analystName } from '../app/analyst.js';
import { bytesFromBase64, saveBytes } from './saveBytes.js';

type Exported = MethodResult<'report.export'>;

/** Chooses a recording (unless given) and a format, exports, and offers the file as a download. */
export function ExportReportDialog({ recordingId, onClose }: { recordingId: number | null; onClose: () => void }) {
  const [recordings, setRecordings] = useState<Recording[] | null>(null);
  const [id, setId] = useState<number | null>(recordingId);
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [redactNotes, setRedactNotes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<Exported | null>(null);

  useEffect(() => {
    if (recordingId !== null) return;
    api.call('library.list', {}).then(
      (list) => {
        setRecordings(list);
        setId((cur) => cur ?? list[0]?.id ?? null);
      },
      (e: Error) => setError(e.message),
    );
  }, [recordingId]);

  function exportNow(allowMismatch: boolean) {
    if (id === null) return;
    setBusy(true);
    setError(null);
    setRefusal(null);
    setDone(null);
    const analyst = analystName() ?? undefined;
    api
      .call('report.export', { id, format, allowMismatch, redactNotes, ...(analyst ? { analyst } : {}) })
      .then(
        (r) => {
          saveBytes(bytesFromBase64(r.data), safeDownloadName(r.fileName), r.mimeType);
          setDone(r);
        },
        (e: Error) => {
          if (e instanceof ApiCallError && isMismatchRefusal(e)) setRefusal(e.message);
          else setError(e.message);
        },
      )
      .finally(() => setBusy(false));
  }

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <section
        className="modal export-dialog"
        role="dialog"
        aria-label="Export report"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2>Export report</h2>
        {recordingId === null && (
          <label>
            Recording{' '}
            <select value={id ?? ''} onChange={(e) => setId(Number(e.target.value))} disabled={!recordings?.length}>
              {(recordings ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  #{r.id} {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {recordings?.length === 0 && <p className="subtle">No recordings in this case yet: import one first.</p>}
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
            {REPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}: {REPORT_FORMAT_INFO[f].description}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={redactNotes} onChange={(e) => setRedactNotes(e.target.checked)} /> Leave the analysts&apos; notes
          out (the report says so)
        </label>
        <div className="modal-actions">
          <button type="button" disabled={busy || id === null} onClick={() => exportNow(false)}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        {refusal && (
          <div role="alert" data-testid="export-refusal">
            <p className="error">{refusal}</p>
            <button type="button" disabled={busy} onClick={() => exportNow(true)}>
              Export anyway (marked as not verifying)
            </button>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p data-testid="export-done">
            Saved <code>{done.fileName}</code> ({done.size} bytes), SHA-256 <code data-testid="export-sha256">{done.sha256}</code>
            {done.original !== 'identical' && <strong className="error"> — the original is {done.original}; the report says so.</strong>}
            {done.notices.length > 0 && <span className="subtle"> Notes: {done.notices.join(' ')}</span>}
          </p>
        )}
      </section>
    </div>
  );
}
