import type { Migration } from './index.js';

export const m004Annotations: Migration = {
  version: 4,
  name: 'annotations and their undoable edit history',
  up(db) {
    db.exec(`
      -- The analyst's coded events: the current state of each. A candidate of a
      -- spotting run has at most one annotation; one marked by hand has none.
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
        -- Undoing a creation hides the annotation; nothing is ever removed.
        deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL,
        CHECK (onset_frame <= offset_frame),
        CHECK (apex_frame IS NULL OR (apex_frame >= onset_frame AND apex_frame <= offset_frame)),
        CHECK ((spotting_run_id IS NULL) = (candidate_index IS NULL)),
        UNIQUE (spotting_run_id, candidate_index)
      );
      CREATE INDEX annotations_by_recording ON annotations(recording_id);

      -- Every change with the state before and after it, so each analyst can undo
      -- and redo their own actions, across reloads. state: 'done' (on the undo
      -- stack), 'undone' (on the redo stack), 'discarded' (a new action replaced
      -- the redo stack). Each edit, undo and redo also has its audit-log entry.
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
      CREATE INDEX annotation_edits_by_actor ON annotation_edits(recording_id, actor, state, id);
    `);
  },
};
