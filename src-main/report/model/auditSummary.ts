import type { AuditEntry } from '../../../src-shared/domain/audit.js';
import type { AuditSection } from './reportModel.js';
import { auditSentence } from './auditWords.js';

export interface AuditInputs {
  /** The entries about this recording and its annotations, in sequence order. */
  entries: AuditEntry[];
  /** The whole log's chain as verifyAuditChain found it at report time. */
  chain: { rows: number; problems: { seq: number; problem: string }[] };
  /** Rows of the case that are not as the chain recorded them (stateCheck.ts). */
  stateProblems: string[];
  /** The last entry of the whole log before this report was made. */
  head: { seq: number; hash: string } | null;
}

/** Counts by action and by person, the time span, and whether the chain holds. */
export function auditSummary(input: AuditInputs): AuditSection {
  const byAction = new Map<string, number>();
  const byActor = new Map<string, number>();
  for (const e of input.entries) {
    byAction.set(e.action, (byAction.get(e.action) ?? 0) + 1);
    byActor.set(e.actor, (byActor.get(e.actor) ?? 0) + 1);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    entries: input.entries.length,
    first: input.entries[0]?.at ?? null,
    last: input.entries[input.entries.length - 1]?.at ?? null,
    byAction: sorted(byAction).map(([action, count]) => ({ action, sentence: auditSentence(action), count })),
    byActor: sorted(byActor).map(([actor, count]) => ({ actor, count })),
    chainRows: input.chain.rows,
    chainIntact: input.chain.problems.length === 0 && input.stateProblems.length === 0,
    chainProblems: [...input.chain.problems.map((p) => `entry ${p.seq}: ${p.problem}`), ...input.stateProblems],
    head: input.head,
  };
}
