import { useEffect, useState } from 'react';
import type { MethodResult } from '../../../src-shared/api/contract.js';
import type { Recording } from '../../../src-shared/domain/recording.js';
import type { FrameTable } from '../../../src-shared/time/index.js';
import { analystName } from '../../app/analyst.js';
import { api } from '../../api/client.js';
import { askOverviewAhead, overviewAhead } from '../timeline/overviewAhead.js';

export interface ReviewData {
  recording: Recording;
  table: FrameTable;
  /** PTS of each frame in seconds, and seconds since the first frame. */
  ptsSeconds: Float64Array;
  elapsed: Float64Array;
  /** Frames ffprobe reported as keyframes, ascending: where backward decoding starts. */
  keyFrames: readonly number[];
  media: MethodResult<'review.media'>;
  spot: MethodResult<'spot.latest'>;
  analysis: MethodResult<'analysis.latest'>;
}

/** Everything the review window needs about a recording, loaded once when it opens. */
export function useReviewData(id: number): { data: ReviewData | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<ReviewData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const asked = {
        recording: api.call('library.get', { id }),
        table: api.call('library.frameTable', { id }),
        analysis: api.call('analysis.latest', { id }),
      };
      // The timeline's overview is asked for as soon as the frame table is in, while the window builds
      // itself (100–200 ms), so it is there when the timeline mounts instead of competing with the page
      // opening. Not before the frame table: the host reads a long analysis from the store right after
      // sending the table, and an envelope asked for earlier would hold the table back while it reads.
      void Promise.all([asked.recording, asked.analysis, asked.table]).then(
        ([r, a]) => {
          if (live && a?.status === 'complete') askOverviewAhead(id, r.frames);
          else overviewAhead.clear();
        },
        () => overviewAhead.clear(),
      );
      const [recording, dto, media, spot, analysis] = await Promise.all([
        asked.recording,
        asked.table,
        api.call('review.media', { id }),
        // With the analyst's name: while they code blind and asked for it, the spotter's emotions come hidden.
        api.call('spot.latest', { id, ...(analystName() ? { analyst: analystName()! } : {}) }),
        asked.analysis,
      ]);
      const table: FrameTable = { timeBase: dto.timeBase, ptsTicks: dto.ptsTicks };
      const { num, den } = dto.timeBase;
      const ptsSeconds = Float64Array.from(dto.ptsTicks, (t) => (t * num) / den);
      const first = dto.ptsTicks[0] ?? 0;
      const elapsed = Float64Array.from(dto.ptsTicks, (t) => ((t - first) * num) / den);
      if (live)
        setData({ recording, table, ptsSeconds, elapsed, keyFrames: [...dto.keyFrames].sort((a, b) => a - b), media, spot, analysis });
    })().catch((e: Error) => {
      if (live) setError(e.message);
    });
    return () => {
      live = false;
    };
  }, [id, version]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}
