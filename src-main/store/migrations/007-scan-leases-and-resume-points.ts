import type { Migration } from './index.js';

export const m007ScanLeasesAndResumePoints: Migration = {
  version: 7,
  name: 'scan leases (which process works on which bytes, so two scans of a case do not do a file twice) and resume points of running analyses',
  up(db) {
    db.exec(`
      -- One row per file (by content) a scan is working on. Operational, not evidence:
      -- no audit entry; the row goes when the job ends, or is taken over once its process is gone.
      CREATE TABLE scan_leases (
        sha256    TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        -- "host#pid" of the scanning process (src-main/app/processOwner.ts).
        owner     TEXT NOT NULL,
        taken_at  TEXT NOT NULL
      );

      -- The state an analysis carries across frames, as it is after its stored chunks
      -- (src-main/analysis/pipeline/resumeState.ts): an interrupted analysis goes on from
      -- that frame with the rows an uninterrupted one gives. Written with each chunk, in
      -- its transaction; removed when the analysis finishes.
      CREATE TABLE analysis_resume_points (
        analysis_id INTEGER PRIMARY KEY REFERENCES analyses(id),
        frame       INTEGER NOT NULL,
        state       BLOB NOT NULL
      );
    `);
  },
};
