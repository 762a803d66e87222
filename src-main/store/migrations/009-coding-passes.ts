import { appendAudit } from '../auditLog.js';
import { stateRef } from '../sealedState.js';
import { checkSealedState } from '../stateCheck.js';
import type { Migration } from './index.js';

/**
 * Coding passes: several analysts code one recording independently. Each pass
 * belongs to one analyst; its decisions are annotations with its pass_id (the
 * case's own working set keeps pass_id NULL, as before). A candidate has at
 * most one annotation per set, so the old UNIQUE (spotting_run_id,
 * candidate_index) becomes two partial unique indexes; SQLite cannot drop a
 * table constraint, so the table is rebuilt. Adding the column changes every
 * annotation row's content hash: they are sealed again in the same
 * transaction, by one audit entry naming them, except those that were already
 * not as the audit log left them: those stay unsealed (and are named in the
 * entry), so an upgrade never makes a tampered annotation look sound.
 */
export const m009CodingPasses: Migration = {
  version: 9,
  name: 'coding passes: several analysts code a recording independently, each decision in one pass',
  up(db) {
    refuseOrphans(db);
    const tampered = new Set(
      checkSealedState(db)
        .problems.map((p) => p.ref)
        .filter((ref): ref is string => ref !== null && ref.startsWith('annotation:')),
    );
    // Renaming a table makes its children (annotation_edits) refer to the new name, and dropping a
    // table its children refer to orphans their rows (which fails at commit). So both are rebuilt:
    // annotations under the old name, then annotation_edits (same columns and rows, so the same
    // sealed hashes) referring to it, and only then are the old tables dropped.
    db.exec(`
      CREATE TABLE coding_passes (
        id                   INTEGER PRIMARY KEY,
        recording_id         INTEGER NOT NULL REFERENCES recordings(id),
        analyst              TEXT NOT NULL,
        -- Blind: until the pass is complete, its analyst sees no other set's decisions and notes.
        blind                INTEGER NOT NULL CHECK (blind IN (0, 1)),
        -- And not the spotter's emotion for each candidate either.
        hide_spotter_emotion INTEGER NOT NULL CHECK (hide_spotter_emotion IN (0, 1)),
        started_at           TEXT NOT NULL,
        completed_at         TEXT
      );
      CREATE INDEX coding_passes_by_recording ON coding_passes(recording_id);

      ALTER TABLE annotations RENAME TO annotations_v8;
      CREATE TABLE annotations (
        id              INTEGER PRIMARY KEY,
        recording_id    INTEGER NOT NULL REFERENCES recordings(id),
        spotting_run_id INTEGER REFERENCES spotting_runs(id),
        candidate_index INTEGER,
        verdict         TEXT NOT NULL CHECK (verdict IN ('pending', 'accepted', 'rejected')),
        emotion         TEXT,
        onset_frame     INTEGER NOT NULL CHECK (onset_frame >= 0),
        apex_frame      INTEGER,
        offset_frame    INTEGER NOT NULL,
        note            TEXT NOT NULL DEFAULT '',
        deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL,
        -- NULL: the case's own working set; else the coding pass it belongs to.
        pass_id         INTEGER REFERENCES coding_passes(id),
        CHECK (onset_frame <= offset_frame),
        CHECK (apex_frame IS NULL OR (apex_frame >= onset_frame AND apex_frame <= offset_frame)),
        CHECK ((spotting_run_id IS NULL) = (candidate_index IS NULL))
      );
      INSERT INTO annotations (id, recording_id, spotting_run_id, candidate_index, verdict, emotion, onset_frame, apex_frame,
                                  offset_frame, note, deleted, created_at, created_by, updated_at, updated_by, pass_id)
        SELECT id, recording_id, spotting_run_id, candidate_index, verdict, emotion, onset_frame, apex_frame,
               offset_frame, note, deleted, created_at, created_by, updated_at, updated_by, NULL
        FROM annotations_v8;

      ALTER TABLE annotation_edits RENAME TO annotation_edits_v8;
      CREATE TABLE annotation_edits (
        id            INTEGER PRIMARY KEY,
        recording_id  INTEGER NOT NULL REFERENCES recordings(id),
        annotation_id INTEGER NOT NULL REFERENCES annotations(id),
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        description   TEXT NOT NULL,
        before_json   TEXT,
        after_json    TEXT NOT NULL,
        at            TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded'))
      );
      INSERT INTO annotation_edits SELECT * FROM annotation_edits_v8;
      DROP TABLE annotation_edits_v8;
      DROP TABLE annotations_v8;
      CREATE INDEX annotation_edits_by_actor ON annotation_edits(recording_id, actor, state, id);
      CREATE INDEX annotations_by_recording ON annotations(recording_id);
      CREATE UNIQUE INDEX annotations_one_per_candidate ON annotations(spotting_run_id, candidate_index)
        WHERE pass_id IS NULL AND spotting_run_id IS NOT NULL;
      CREATE UNIQUE INDEX annotations_one_per_candidate_in_pass ON annotations(pass_id, spotting_run_id, candidate_index)
        WHERE pass_id IS NOT NULL AND spotting_run_id IS NOT NULL;
    `);
    const ids = (db.prepare('SELECT id FROM annotations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const sound = ids.filter((id) => !tampered.has(stateRef.annotation(id)));
    if (ids.length > 0)
      appendAudit(db, {
        actor: 'micromoment',
        action: 'case.resealed',
        target: 'case',
        after: {
          reason: 'annotations gained a pass column (migration 9); their content is unchanged',
          annotations: sound.length,
          notResealed: ids.filter((id) => tampered.has(stateRef.annotation(id))),
        },
        state: sound.map(stateRef.annotation),
      });
  },
};

/**
 * The rebuild copies every row under foreign keys: rows that refer to rows no
 * longer there (removed outside Micromoment, where SQLite does not enforce them)
 * would make it fail with a bare constraint error. Say what is wrong instead;
 * the case is left as it was (the migration's transaction rolls back).
 */
function refuseOrphans(db: Parameters<Migration['up']>[0]): void {
  const ids = (sql: string) => (db.prepare(sql).all() as { id: number }[]).map((r) => r.id);
  const edits = ids(
    'SELECT e.id FROM annotation_edits e LEFT JOIN annotations a ON a.id = e.annotation_id WHERE a.id IS NULL ORDER BY e.id',
  );
  const annotations = ids(
    `SELECT a.id FROM annotations a LEFT JOIN recordings r ON r.id = a.recording_id
     LEFT JOIN spotting_runs s ON s.id = a.spotting_run_id
     WHERE r.id IS NULL OR (a.spotting_run_id IS NOT NULL AND s.id IS NULL) ORDER BY a.id`,
  );
  if (edits.length === 0 && annotations.length === 0) return;
  const parts = [
    ...(annotations.length ? [`annotations ${annotations.join(', ')} refer to a recording or spotting run that is not in the case`] : []),
    ...(edits.length ? [`undo history entries ${edits.join(', ')} refer to annotations that are not in the case`] : []),
  ];
  throw new Error(
    `This case cannot be upgraded: ${parts.join('; ')}. It was changed outside Micromoment. ` +
      'Check it with "micromoment verify" (which reads it without upgrading) and restore it from a copy.',
  );
}
