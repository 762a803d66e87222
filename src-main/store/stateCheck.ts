import { hasStateColumn, sealedHashes } from './auditLog.js';
import type { Db } from './openStore.js';
import { currentState, describeRef, isRunningAnalysis, orphanRows } from './sealedState.js';

export interface StateProblem {
  /** The row's ref (see sealedState.ts); null for rows that have no ref of their own. */
  ref: string | null;
  problem: string;
}

export interface StateCheck {
  /** False for a case last written by a version that did not seal its state (nothing to check). */
  sealed: boolean;
  /** Rows checked. */
  rows: number;
  /** Analyses still running: their progress and frames are sealed when they end. */
  running: string[];
  problems: StateProblem[];
}

/**
 * Recomputes the content hash of every sealed row and compares it with the
 * hash the latest audit entry naming the row recorded. Finds rows changed,
 * added or removed without an audit entry: the edits the chain of actions
 * alone cannot see (a verdict or note changed, a run's candidates emptied, a
 * recording's SHA-256 replaced).
 */
export function checkSealedState(db: Db): StateCheck {
  if (!hasStateColumn(db)) return { sealed: false, rows: 0, running: [], problems: [] };
  const sealed = sealedHashes(db);
  const seen = new Set<string>();
  const problems: StateProblem[] = [];
  const running: string[] = [];
  let rows = 0;
  for (const { ref, hash } of currentState(db)) {
    rows += 1;
    seen.add(ref);
    const recorded = sealed.get(ref);
    if (!recorded) {
      problems.push({
        ref,
        problem: `${describeRef(ref)} is in the case, but no audit entry accounts for it: it was added outside Micromoment`,
      });
    } else if (recorded.hash !== hash) {
      problems.push({
        ref,
        problem: `${describeRef(ref)} is not as audit entry ${recorded.seq} left it: it was changed outside Micromoment`,
      });
    }
    if (isRunningAnalysis(db, ref)) running.push(ref);
  }
  for (const [ref, recorded] of sealed) {
    if (!seen.has(ref) && recorded.hash !== null) {
      problems.push({
        ref,
        problem: `${describeRef(ref)}, recorded by audit entry ${recorded.seq}, is no longer in the case: it was removed outside Micromoment`,
      });
    }
  }
  for (const orphan of orphanRows(db)) problems.push({ ref: null, problem: `${orphan}: no audit entry accounts for it` });
  return { sealed: true, rows, running, problems };
}
