import type { Migration } from './index.js';

export const m002Analyses: Migration = {
  version: 2,
  name: 'per-frame analyses, stored in chunks of typed arrays',
  up(db) {
    db.exec(`
      CREATE TABLE analyses (
        id            INTEGER PRIMARY KEY,
        recording_id  INTEGER NOT NULL REFERENCES recordings(id),
        status        TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
        -- What produced it: model manifest hashes, every parameter, tool versions.
        -- Two analyses with equal fingerprints are the same computation.
        fingerprint   TEXT NOT NULL,
        provenance_json TEXT NOT NULL,
        columns_json  TEXT NOT NULL,
        landmark_points_json TEXT NOT NULL,
        frame_count   INTEGER NOT NULL,
        frames_done   INTEGER NOT NULL DEFAULT 0,
        summary_json  TEXT,
        error         TEXT,
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        started_by    TEXT NOT NULL
      );
      CREATE INDEX analyses_by_recording ON analyses(recording_id, status);

      -- Rows of one analysis, a chunk of consecutive frames at a time:
      -- values: float32 little-endian, frame-major (frame_count x columns);
      -- landmarks: int16 quarter pixels, frame-major (frame_count x points x 2).
      CREATE TABLE analysis_chunks (
        analysis_id   INTEGER NOT NULL REFERENCES analyses(id),
        chunk_index   INTEGER NOT NULL,
        first_frame   INTEGER NOT NULL,
        frame_count   INTEGER NOT NULL,
        vals          BLOB NOT NULL,
        landmarks     BLOB NOT NULL,
        PRIMARY KEY (analysis_id, chunk_index)
      );
    `);
  },
};
