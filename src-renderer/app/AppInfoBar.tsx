import { useEffect, useState } from 'react';
import type { MethodResult } from '../../src-shared/api/contract.js';
import { api } from '../api/client.js';

/** Which case and tools this window is working with: an analyst should never have to guess. */
export function AppInfoBar() {
  const [info, setInfo] = useState<MethodResult<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, (e: Error) => setError(e.message));
  }, []);
  if (error) return <div className="info-bar error" role="alert">{error}</div>;
  if (!info) return <div className="info-bar">Connecting…</div>;
  return (
    <div className="info-bar" data-testid="app-info">
      <span>Case: <code>{info.dbPath}</code></span>
      <span>Analyst: {info.analyst}</span>
      <span>ffmpeg {info.ffmpeg?.version ?? 'not found'}</span>
      <span>v{info.version}</span>
    </div>
  );
}
