import type { Migration } from './index.js';

export const m003Spotting: Migration = {
  version: 3,
  name: 'spotting runs: candidates with the parameters that found them',
  up(db) {
    db.exec(`
      CREATE TABLE spotting_runs (
        id            INTEGER PRIMARY KEY,
        recording_id  INTEGER NOT NULL REFERENCES recordings(id),
        analysis_id   INTEGER NOT NULL REFERENCES analyses(id),
        params_json   TEXT NOT NULL,
        candidates_json TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL
      );
      CREATE INDEX spotting_by_recording ON spotting_runs(recording_id);
    `);
  },
};
