import type { Migration } from './index.js';

export const m008CaseDetails: Migration = {
  version: 8,
  name: "the case's details for examiner's reports (case number, exhibit, requester, request, question, reviewer)",
  up(db) {
    // One row, made on the first change; sealed into the audit chain like the case's own row.
    db.exec(`
      CREATE TABLE case_details (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        case_number  TEXT NOT NULL DEFAULT '',
        exhibit      TEXT NOT NULL DEFAULT '',
        requester    TEXT NOT NULL DEFAULT '',
        requested_on TEXT NOT NULL DEFAULT '',
        request      TEXT NOT NULL DEFAULT '',
        question     TEXT NOT NULL DEFAULT '',
        reviewer     TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL
      );
    `);
  },
};
