import type { Migration } from './index.js';

export const m001Initial: Migration = {
  version: 1,
  name: 'recordings, locations, frame tables and the audit log',
  up(db) {
    db.exec(`
      CREATE TABLE recordings (
        id            INTEGER PRIMARY KEY,
        sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        size_bytes    INTEGER NOT NULL,
        first_path    TEXT NOT NULL,
        frames        INTEGER NOT NULL CHECK (frames > 0),
        fps           REAL NOT NULL,
        duration_s    REAL NOT NULL,
        vfr           INTEGER NOT NULL,
        probe_json    TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        imported_by   TEXT NOT NULL
      );

      -- Every path a recording's bytes were seen at, with what the file system said then.
      CREATE TABLE recording_locations (
        recording_id  INTEGER NOT NULL REFERENCES recordings(id),
        path          TEXT NOT NULL,
        size_bytes    INTEGER NOT NULL,
        mtime_ms      REAL NOT NULL,
        seen_at       TEXT NOT NULL,
        PRIMARY KEY (recording_id, path)
      );

      -- The decoded frames' presentation times: int64 little-endian ticks, one per frame.
      CREATE TABLE frame_tables (
        recording_id  INTEGER PRIMARY KEY REFERENCES recordings(id),
        time_base_num INTEGER NOT NULL,
        time_base_den INTEGER NOT NULL,
        frame_count   INTEGER NOT NULL,
        pts_ticks     BLOB NOT NULL,
        key_frames    BLOB NOT NULL
      );

      CREATE TABLE audit_log (
        seq        INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        target     TEXT NOT NULL,
        before_json TEXT,
        after_json  TEXT,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
      );
      -- Append-only by construction: the store refuses to rewrite history.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
