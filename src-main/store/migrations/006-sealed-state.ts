import crypto from 'node:crypto';
import { appendAudit } from '../auditLog.js';
import { allRefs, stateRef } from '../sealedState.js';
import type { Migration } from './index.js';

/**
 * The audit chain starts to cover the case's state, not only its actions: each
 * entry records the content hash of the rows it changed (state_json), and the
 * case gets an id that names its anchor log outside the database.
 *
 * A case made before this version is sealed as it is found: one entry records
 * every row's hash. Changes made to it before this upgrade cannot be told from
 * the actions that made it; every change after it can.
 */
export const m006SealedState: Migration = {
  version: 6,
  name: 'audit entries seal the state they change; the case has an id',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN state_json TEXT;
      CREATE TABLE case_info (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        -- Random; names the anchor log of this case (and of its copies) in the data folder.
        case_id     TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
    `);
    const caseId = crypto.randomUUID();
    db.prepare('INSERT INTO case_info (id, case_id, created_at) VALUES (1, ?, ?)').run(caseId, new Date().toISOString());
    const earlier = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const refs = earlier === 0 ? [stateRef.case()] : allRefs(db);
    appendAudit(db, {
      actor: 'micromoment',
      action: earlier === 0 ? 'case.created' : 'case.sealed',
      target: 'case',
      after: earlier === 0 ? { caseId } : { caseId, rowsSealed: refs.length, entriesBefore: earlier },
      state: refs,
    });
  },
};
