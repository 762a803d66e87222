import fs from 'node:fs';
import { anchorLogPath, caseIdOf, readAnchorLog, type Anchor } from './anchorLog.js';
import type { Db } from './openStore.js';

export interface AnchorProblem {
  /** Where the anchor came from: "--anchor" or the anchor log's path. */
  source: string;
  seq: number;
  problem: string;
}

export interface AnchorCheck {
  /** The chain's head now, to note down (or take from a report) for a later check. */
  head: { seq: number; hash: string } | null;
  log: { path: string; state: 'checked' | 'absent' | 'unreadable' | 'not read'; heads: number; badLines: number[] } | null;
  given: number;
  problems: AnchorProblem[];
}

/**
 * Checks that the chain still holds every head recorded outside it: the ones
 * the user gives (`verify --anchor`, from a report) and the ones of the case's
 * anchor log. A head that is gone means entries were cut off the end of the
 * chain (or this is an older copy of the case); a head that differs means the
 * chain was rewritten.
 */
export function checkAnchors(db: Db, options: { given: Anchor[]; anchorLog: string | null | undefined; dataDir?: string }): AnchorCheck {
  const head =
    (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
  const hashAt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?');
  const problems: AnchorProblem[] = [];
  const check = (anchor: Anchor, source: string): AnchorProblem | null => {
    const row = hashAt.get(anchor.seq) as { hash: string } | undefined;
    const when = anchor.at ? ` on ${anchor.at}` : '';
    if (!row && (head?.seq ?? 0) < anchor.seq) {
      return {
        source,
        seq: anchor.seq,
        problem:
          `${source} records entry ${anchor.seq}${when}, but the audit log ends at entry ${head?.seq ?? 0}: ` +
          `entries were removed from its end (or this is an older copy of the case)`,
      };
    }
    if (!row)
      return { source, seq: anchor.seq, problem: `${source} records entry ${anchor.seq}${when}, which is missing from the audit log` };
    if (row.hash !== anchor.hash)
      return {
        source,
        seq: anchor.seq,
        problem: `entry ${anchor.seq} is not the one ${source} recorded${when}: the audit log was rewritten`,
      };
    return null;
  };
  for (const anchor of options.given) {
    const problem = check(anchor, '--anchor');
    if (problem) problems.push(problem);
  }
  return { head, log: checkLog(db, options, check, problems), given: options.given.length, problems };
}

function checkLog(
  db: Db,
  options: { anchorLog: string | null | undefined; dataDir?: string },
  check: (a: Anchor, source: string) => AnchorProblem | null,
  problems: AnchorProblem[],
): AnchorCheck['log'] {
  if (options.anchorLog === null) return null;
  const caseId = caseIdOf(db);
  const file = options.anchorLog ?? (caseId ? anchorLogPath(caseId, options.dataDir) : null);
  if (!file) return null;
  if (!fs.existsSync(file)) return { path: file, state: 'absent', heads: 0, badLines: [] };
  let read: ReturnType<typeof readAnchorLog>;
  try {
    read = readAnchorLog(file);
  } catch {
    return { path: file, state: 'unreadable', heads: 0, badLines: [] };
  }
  // One line per committed change: report the newest head that fails and how many others do, not hundreds of lines.
  const failing = read.anchors.map((a) => check(a, 'the anchor log')).filter((p): p is AnchorProblem => p !== null);
  const newest = failing.reduce<AnchorProblem | null>((best, p) => (best && best.seq >= p.seq ? best : p), null);
  if (newest)
    problems.push({
      ...newest,
      problem:
        failing.length > 1 ? `${newest.problem} (and ${failing.length - 1} earlier recorded heads do not hold either)` : newest.problem,
    });
  if (read.badLines.length)
    problems.push({
      source: file,
      seq: 0,
      problem: `the anchor log has ${read.badLines.length} line(s) that are not anchors (first: line ${read.badLines[0]}): it was edited`,
    });
  return { path: file, state: 'checked', heads: read.anchors.length, badLines: read.badLines };
}
