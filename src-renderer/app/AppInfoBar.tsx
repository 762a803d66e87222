import { useEffect, useState } from 'react';
import type { MethodResult } from '../../src-shared/api/contract.js';
import { api } from '../api/client.js';
import { setAnalystName, useAnalyst } from './analyst.js';
import type { CaseDetails } from '../../src-shared/domain/caseDetails.js';
import { CaseDetailsDialog } from '../case/CaseDetailsDialog.js';

/** Which case and tools this window is working with: an analyst should never have to guess. */
export function AppInfoBar() {
  const [info, setInfo] = useState<MethodResult<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const analyst = useAnalyst();
  const [details, setDetails] = useState<CaseDetails | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, (e: Error) => setError(e.message));
    api.call('case.get', {}).then(setDetails, () => setDetails(null));
  }, []);
  if (error)
    return (
      <div className="info-bar error" role="alert">
        {error}
      </div>
    );
  if (!info) return <div className="info-bar">Connecting…</div>;
  return (
    <div className="info-bar" data-testid="app-info">
      <span>
        Case: <code>{info.dbPath}</code>
        <button type="button" className="link" data-testid="case-details-button" onClick={() => setEditing(true)}>
          {details?.caseNumber ? `no. ${details.caseNumber}` : 'case details…'}
        </button>
      </span>
      <span>
        Analyst: {analyst ?? info.analyst}
        {analyst && (
          <button type="button" className="link" onClick={() => setAnalystName('')}>
            change
          </button>
        )}
      </span>
      <span>ffmpeg {info.ffmpeg?.version ?? 'not found'}</span>
      <span>v{info.version}</span>
      {editing && <CaseDetailsDialog analyst={analyst ?? info.analyst} onClose={() => setEditing(false)} onSaved={setDetails} />}
    </div>
  );
}
