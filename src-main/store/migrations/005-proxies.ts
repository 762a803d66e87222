import type { Migration } from './index.js';

export const m005Proxies: Migration = {
  version: 5,
  name: 'review proxies: every attempt, with what made it and how it ended',
  up(db) {
    db.exec(`
      -- One row per attempt; the newest row of a recording is its current proxy state.
      CREATE TABLE proxies (
        id            INTEGER PRIMARY KEY,
        recording_id  INTEGER NOT NULL REFERENCES recordings(id),
        status        TEXT NOT NULL CHECK (status IN ('making', 'ready', 'failed')),
        -- Why the original needs one (JSON array of {code, message}); empty when made on request.
        reasons_json  TEXT NOT NULL,
        forced        INTEGER NOT NULL,
        -- Relative to the app's data folder (never absolute: the folder may move), once ready.
        rel_path      TEXT,
        sha256        TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        size_bytes    INTEGER,
        -- How proxy time maps to the original's: {sourceTimeBase, offsetTicks, proxyTimeBase}.
        time_map_json TEXT,
        -- The ffmpeg used (path, version, source) and every parameter that shaped the bytes.
        ffmpeg_json   TEXT NOT NULL,
        params_json   TEXT NOT NULL,
        error         TEXT,
        -- The process making it, so a later start can tell a crashed attempt from a running one.
        owner_pid     INTEGER,
        owner_host    TEXT,
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        started_by    TEXT NOT NULL
      );
      CREATE INDEX proxies_by_recording ON proxies(recording_id, id);
    `);
  },
};
