import {
  CASE_DETAIL_NAMES,
  CaseDetailsChangeSchema,
  type CaseDetails,
  type CaseDetailsChange,
} from '../../src-shared/domain/caseDetails.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import { appendAudit } from '../store/auditLog.js';
import { readCaseDetails, writeCaseDetails } from '../store/caseDetailsRepo.js';
import type { Db } from '../store/openStore.js';
import { stateRef } from '../store/sealedState.js';

/**
 * Changes the case's details: the fields given, in one transaction with one
 * audit entry (`case.details-set`, before and after). A change that changes
 * nothing writes nothing. Values are stored exactly as typed; the reports show
 * them as text (controls and direction marks made visible).
 */
export function setCaseDetails(db: Db, analyst: string, change: CaseDetailsChange): CaseDetails {
  const parsed = CaseDetailsChangeSchema.safeParse(change);
  if (!parsed.success) throw new ApiError('invalid-arguments', parsed.error.issues.map((i) => i.message).join('; '));
  return db.transaction(() => {
    const before = readCaseDetails(db);
    const changed = CASE_DETAIL_NAMES.filter((k) => parsed.data[k] !== undefined && parsed.data[k] !== before[k]);
    if (changed.length === 0) return before;
    const after: CaseDetails = { ...before, ...parsed.data, updatedAt: new Date().toISOString(), updatedBy: analyst };
    writeCaseDetails(db, { ...after, updatedAt: after.updatedAt!, updatedBy: analyst });
    appendAudit(db, {
      actor: analyst,
      action: 'case.details-set',
      target: 'case',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      state: [stateRef.caseDetails()],
    });
    return after;
  })();
}
