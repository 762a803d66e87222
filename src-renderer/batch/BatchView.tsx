import { controlsFor, etaLabel } from '../../src-shared/app/batchBoard.js';
import { BatchFailures } from './BatchFailures.js';
import { BatchQueue } from './BatchQueue.js';
import { BatchStartForm } from './BatchStartForm.js';
import { useBatch } from './useBatch.js';
import { useEffect } from 'react';
import { scanRequest } from '../app/windowRequests.js';

/**
 * The batch scan: start one, watch the queue, pause, resume or cancel it. The
 * scan runs in the main side's workers, so the rest of the window (library,
 * review) stays usable meanwhile; this view only shows and steers it.
 */
export function BatchView() {
  const { board, error, busy, start, steer } = useBatch();
  // A folder the shell asked to scan (File > Import folder…, a dropped folder).
  useEffect(() => {
    const takeRequest = () => {
      const paths = scanRequest.take();
      if (paths) start(paths);
    };
    takeRequest();
    return scanRequest.subscribe(takeRequest);
  }, [start]);
  const controls = controlsFor(board?.state ?? null);
  const eta = etaLabel(board?.etaS ?? null);
  return (
    <section className="batch" aria-label="Batch scan">
      <BatchStartForm disabled={busy || !controls.start} onStart={start} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {board && (
        <>
          <div className="batch-summary" data-testid="batch-summary">
            <strong data-testid="batch-state">{board.state}</strong>
            <progress max={1} value={board.fraction} aria-label="Batch progress" />
            <span>{Math.round(100 * board.fraction)}%</span>
            <span>
              {board.counts.done} done · {board.counts.skipped} skipped · {board.counts.failed} failed · {board.counts.queued} queued ·{' '}
              {board.counts.running} running of {board.counts.files}
            </span>
            {board.framesPerSecond > 0 && <span>{board.framesPerSecond.toFixed(1)} frames/s</span>}
            {eta && <span>{eta}</span>}
            <span className="batch-controls">
              <button type="button" disabled={busy || !controls.pause} onClick={() => steer('pause')}>
                Pause
              </button>
              <button type="button" disabled={busy || !controls.resume} onClick={() => steer('resume')}>
                Resume
              </button>
              <button type="button" disabled={busy || !controls.cancel} onClick={() => steer('cancel')}>
                Cancel
              </button>
            </span>
          </div>
          {board.error && (
            <p className="error" role="alert">
              {board.error}
            </p>
          )}
          <BatchQueue files={board.files} />
          <BatchFailures board={board} />
        </>
      )}
    </section>
  );
}
