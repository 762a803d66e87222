import { useEffect, useState } from 'react';
import type { MethodResult } from '../../src-shared/api/contract.js';
import { api } from '../api/client.js';
import { setAnalystName, useAnalyst } from './analyst.js';

/** Which case and tools this window is working with: an analyst should never have to guess. */
export function AppInfoBar() {
  const [info, setInfo] = useState<MethodResult<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const analyst = useAnalyst();
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, (e: Error) => setError(e.message));
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
    </div>
  );
}
