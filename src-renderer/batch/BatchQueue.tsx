import type { BatchFile } from '../../src-shared/domain/batch.js';
import { fileLabel } from '../../src-shared/app/batchBoard.js';
import { reviewHash } from '../app/route.js';

const ENDED_SHORT: ReadonlySet<BatchFile['status']> = new Set(['failed', 'cancelled', 'ignored']);
const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** Every file of the batch, in queue order, with its status and progress; a finished one opens its review. */
export function BatchQueue({ files }: { files: readonly BatchFile[] }) {
  if (files.length === 0) return <p className="subtle">No files found yet.</p>;
  return (
    <table className="recordings batch-queue" data-testid="batch-queue">
      <thead>
        <tr>
          <th>File</th>
          <th>Status</th>
          <th>Progress</th>
          <th>Frames</th>
          <th>Candidates</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.path} className={`batch-${f.status}`} data-status={f.status}>
            <td title={f.path}>
              {f.recordingId !== null && (f.status === 'done' || f.status === 'skipped') ? (
                <a href={reviewHash(f.recordingId)} data-testid="batch-open-review" title={`Review ${f.path}`}>
                  {baseName(f.path)}
                </a>
              ) : (
                baseName(f.path)
              )}
            </td>
            <td>{fileLabel(f)}</td>
            {/* A file that failed or was stopped has no progress worth a bar: its status says what happened. */}
            <td>
              {ENDED_SHORT.has(f.status) ? (
                '–'
              ) : (
                <>
                  <progress max={1} value={f.fraction} aria-label={`${baseName(f.path)} progress`} /> {Math.round(100 * f.fraction)}%
                </>
              )}
            </td>
            <td className="num">{f.frames ?? '–'}</td>
            <td className="num">{f.candidates ?? '–'}</td>
            <td>
              {f.recordingId !== null && (f.status === 'done' || f.status === 'skipped') && (
                <a href={reviewHash(f.recordingId)} className="button">
                  Review
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
