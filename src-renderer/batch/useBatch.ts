import { useCallback, useEffect, useState } from 'react';
import type { BatchStatus } from '../../src-shared/domain/batch.js';
import { withFile, withProgress, withStatus, type BatchBoard } from '../../src-shared/app/batchBoard.js';
import { api } from '../api/client.js';

type Action = 'pause' | 'resume' | 'cancel';

/** The case's batch scan, kept current from events; the calls that steer it. */
export function useBatch() {
  const [board, setBoard] = useState<BatchBoard>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const offProgress = api.on('batch.progress', (p) => setBoard((b) => withProgress(b, p)));
    const offFile = api.on('batch.file', (e) => setBoard((b) => withFile(b, e)));
    api.call('batch.status', {}).then(
      (s) => setBoard((b) => withStatus(b, s)),
      (e: Error) => setError(e.message),
    );
    return () => {
      offProgress();
      offFile();
    };
  }, []);

  const run = useCallback((call: () => Promise<BatchStatus>) => {
    setBusy(true);
    setError(null);
    call()
      .then(
        (s) => setBoard((b) => withStatus(b, s)),
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  }, []);

  const start = useCallback((paths: string[]) => run(() => api.call('batch.start', { paths })), [run]);
  const steer = useCallback((action: Action) => run(() => api.call(`batch.${action}`, {})), [run]);
  return { board, error, busy, start, steer };
}
