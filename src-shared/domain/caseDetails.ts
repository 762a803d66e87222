import { z } from 'zod';

/**
 * What an examiner's report says about the request it answers (SWGDE's
 * guidance for forensic video reports: case, item, requester, the request and
 * its question, examiner and reviewer). They belong to the case, not to one
 * recording or one report: set once (`case.set`, the window's header, or the
 * report command's options) and every report of the case carries them.
 * Free text: shown as typed, never interpreted; empty when not set.
 */
export const CASE_DETAIL_LIMITS = {
  caseNumber: 200,
  exhibit: 200,
  requester: 300,
  requestedOn: 100,
  request: 4000,
  question: 4000,
  reviewer: 300,
} as const;

export type CaseDetailName = keyof typeof CASE_DETAIL_LIMITS;

export const CASE_DETAIL_NAMES = Object.keys(CASE_DETAIL_LIMITS) as CaseDetailName[];

/** How each field is called on screen and in reports. */
export const CASE_DETAIL_LABELS: Record<CaseDetailName, string> = {
  caseNumber: 'Case number',
  exhibit: 'Exhibit / item',
  requester: 'Requester',
  requestedOn: 'Requested on',
  request: 'Request',
  question: 'Question to answer',
  reviewer: 'Technical reviewer',
};

const field = (name: CaseDetailName) =>
  z
    .string()
    .max(CASE_DETAIL_LIMITS[name], `${CASE_DETAIL_LABELS[name]} is longer than ${CASE_DETAIL_LIMITS[name]} characters: shorten it.`);

export const CaseDetailsSchema = z.object({
  caseNumber: field('caseNumber'),
  exhibit: field('exhibit'),
  requester: field('requester'),
  requestedOn: field('requestedOn'),
  request: field('request'),
  question: field('question'),
  reviewer: field('reviewer'),
  /** Who last changed them and when (null: never set). */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type CaseDetails = z.infer<typeof CaseDetailsSchema>;

/** A change: only the fields given change. */
export const CaseDetailsChangeSchema = CaseDetailsSchema.omit({ updatedAt: true, updatedBy: true }).partial().strict();
export type CaseDetailsChange = z.infer<typeof CaseDetailsChangeSchema>;

export const EMPTY_CASE_DETAILS: CaseDetails = {
  caseNumber: '',
  exhibit: '',
  requester: '',
  requestedOn: '',
  request: '',
  question: '',
  reviewer: '',
  updatedAt: null,
  updatedBy: null,
};
