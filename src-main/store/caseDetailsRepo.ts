import { EMPTY_CASE_DETAILS, type CaseDetails } from '../../src-shared/domain/caseDetails.js';
import type { Db } from './openStore.js';

interface Row {
  case_number: string;
  exhibit: string;
  requester: string;
  requested_on: string;
  request: string;
  question: string;
  reviewer: string;
  updated_at: string;
  updated_by: string;
}

/** The case's details; every field empty when nobody set them (or the case predates them). */
export function readCaseDetails(db: Db): CaseDetails {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_details'").get();
  const row = exists ? (db.prepare('SELECT * FROM case_details WHERE id = 1').get() as Row | undefined) : undefined;
  if (!row) return { ...EMPTY_CASE_DETAILS };
  return {
    caseNumber: row.case_number,
    exhibit: row.exhibit,
    requester: row.requester,
    requestedOn: row.requested_on,
    request: row.request,
    question: row.question,
    reviewer: row.reviewer,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function writeCaseDetails(db: Db, d: CaseDetails & { updatedAt: string; updatedBy: string }): void {
  db.prepare(
    `INSERT INTO case_details (id, case_number, exhibit, requester, requested_on, request, question, reviewer, updated_at, updated_by)
     VALUES (1, @caseNumber, @exhibit, @requester, @requestedOn, @request, @question, @reviewer, @updatedAt, @updatedBy)
     ON CONFLICT (id) DO UPDATE SET case_number = excluded.case_number, exhibit = excluded.exhibit, requester = excluded.requester,
       requested_on = excluded.requested_on, request = excluded.request, question = excluded.question, reviewer = excluded.reviewer,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(d);
}
