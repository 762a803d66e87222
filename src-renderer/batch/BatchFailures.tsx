import type { BatchBoard } from '../../src-shared/app/batchBoard.js';
import { failures } from '../../src-shared/app/batchBoard.js';

/** The files that failed and why, and the paths that were not recordings. */
export function BatchFailures({ board }: { board: NonNullable<BatchBoard> }) {
  const failed = failures(board);
  return (
    <>
      {failed.length > 0 && (
        <section aria-label="Failures">
          <h3>Failed ({failed.length})</h3>
          <ul className="batch-failures" data-testid="batch-failures">
            {failed.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code>: <span className="error">{f.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {board.ignored.length > 0 && (
        <details>
          <summary>
            {board.ignored.length} path{board.ignored.length === 1 ? '' : 's'} left alone (not recordings)
          </summary>
          <ul>
            {board.ignored.map((i) => (
              <li key={i.path}>
                <code>{i.path}</code>: {i.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
