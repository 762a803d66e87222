import { useEffect, useState } from 'react';
import type { MethodResult } from '../../src-shared/api/contract.js';
import { api } from '../api/client.js';
import { AnalystPrompt } from '../app/AnalystPrompt.js';
import { useAnalyst } from '../app/analyst.js';
import { useReviewData } from './data/useReviewData.js';
import { ReviewWorkspace } from './ReviewWorkspace.js';

/** The review window for one recording: loads it, asks the analyst's name once, then the workspace. */
export function ReviewView({ id, initialFrame, initialItem }: { id: number; initialFrame: number; initialItem: string | null }) {
  const { data, error } = useReviewData(id);
  const analyst = useAnalyst();
  const [info, setInfo] = useState<MethodResult<'app.info'> | null>(null);
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => undefined);
  }, []);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!analyst) return info ? <AnalystPrompt suggestion={info.analyst} /> : <p>Loading…</p>;
  if (!data) return <p>Loading the recording…</p>;
  return (
    <ReviewWorkspace
      data={data}
      analyst={analyst}
      initialFrame={Math.min(initialFrame, data.recording.frames - 1)}
      initialItem={initialItem}
    />
  );
}
