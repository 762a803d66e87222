import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/store/openStore.js';
import { migrations } from '../../../src-main/store/migrations/index.js';
import { appendAudit, auditRowHash, listAudit, verifyAuditChain } from '../../../src-main/store/auditLog.js';
import { stateRef } from '../../../src-main/store/sealedState.js';
import { checkSealedState } from '../../../src-main/store/stateCheck.js';
import { insertAnalysis, insertChunk, finishAnalysis } from '../../../src-main/store/analysesRepo.js';
import { insertFrameTable, insertRecording, addLocation } from '../../../src-main/store/recordingsRepo.js';
import { insertSpottingRun } from '../../../src-main/store/spottingRepo.js';
import { STORED_COLUMNS } from '../../../src-shared/analysis/frameColumns.js';
import { LANDMARK_SUBSET } from '../../../src-shared/analysis/landmarkSubset.js';

type Db = Database.Database;

const PROBE = { container: 'mp4', videoCodec: 'h264', width: 32, height: 24, audioStreams: [] } as never;

/** A recording, a location, an analysis with two chunks and a spotting run, each written with its audit entry as the app does. */
function sealedCase(): { db: Db; recordingId: number; analysisId: number; runId: number } {
  const db = new Database(':memory:');
  migrate(db);
  const recordingId = db.transaction(() => {
    const id = insertRecording(db, {
      sha256: 'a'.repeat(64),
      sizeBytes: 10,
      path: '/e/x.mp4',
      frames: 2048,
      fps: 25,
      durationS: 81.92,
      vfr: false,
      probe: PROBE,
      importedAt: 't',
      importedBy: 'ana',
    });
    addLocation(db, id, { path: '/e/x.mp4', sizeBytes: 10, mtimeMs: 1, seenAt: 't' });
    insertFrameTable(db, id, { timeBase: { num: 1, den: 25 }, ptsTicks: Array.from({ length: 2048 }, (_, i) => i), keyFrames: [0] });
    appendAudit(db, {
      actor: 'ana',
      action: 'recording.imported',
      target: `recording:${id}`,
      state: [stateRef.recording(id), stateRef.location(id, '/e/x.mp4')],
    });
    return id;
  })();
  const analysisId = insertAnalysis(db, { recordingId, fingerprint: 'f', provenance: {}, frameCount: 2048, startedBy: 'ana' });
  appendAudit(db, { actor: 'ana', action: 'analysis.started', target: `recording:${recordingId}`, state: [stateRef.analysis(analysisId)] });
  for (const chunk of [0, 1]) {
    insertChunk(
      db,
      analysisId,
      chunk,
      chunk * 1024,
      1024,
      new Float32Array(1024 * STORED_COLUMNS.length).fill(chunk),
      new Int16Array(1024 * LANDMARK_SUBSET.length * 2),
    );
  }
  finishAnalysis(db, analysisId, 'complete', { frames: 2048 }, null);
  appendAudit(db, {
    actor: 'ana',
    action: 'analysis.completed',
    target: `recording:${recordingId}`,
    state: [stateRef.analysis(analysisId)],
  });
  const runId = insertSpottingRun(db, { recordingId, analysisId, params: {}, candidates: [{ onsetFrame: 1 }], createdBy: 'ana' });
  appendAudit(db, { actor: 'ana', action: 'spotting.completed', target: `recording:${recordingId}`, state: [stateRef.spottingRun(runId)] });
  return { db, recordingId, analysisId, runId };
}

/** Lets a test change rows as someone with the file and the sqlite3 command line would. */
function tamper(db: Db, sql: string, ...params: unknown[]): void {
  db.prepare(sql).run(...params);
}

describe('the sealed state of a case', () => {
  it('holds for a case written only through audited actions', () => {
    const { db } = sealedCase();
    expect(checkSealedState(db)).toMatchObject({ sealed: true, problems: [], running: [] });
    expect(checkSealedState(db).rows).toBe(5); // case, recording, location, analysis, spotting run
  });

  it('finds a change to any column of any sealed row', () => {
    const targets: [string, string, string][] = [
      ['recordings', 'sha256', 'recording:1'],
      ['recordings', 'first_path', 'recording:1'],
      ['recordings', 'frames', 'recording:1'],
      ['frame_tables', 'pts_ticks', 'recording:1'],
      ['recording_locations', 'mtime_ms', 'location:1:/e/x.mp4'],
      ['analyses', 'fingerprint', 'analysis:1'],
      ['analyses', 'summary_json', 'analysis:1'],
      ['analyses', 'status', 'analysis:1'],
      ['analysis_chunks', 'vals', 'analysis:1'],
      ['analysis_chunks', 'landmarks', 'analysis:1'],
      ['spotting_runs', 'candidates_json', 'spotting_run:1'],
      ['spotting_runs', 'params_json', 'spotting_run:1'],
      ['case_info', 'case_id', 'case:1'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...targets), ([table, column, ref]) => {
        const { db } = sealedCase();
        const value =
          column === 'pts_ticks' || column === 'vals' || column === 'landmarks'
            ? Buffer.from([1, 2, 3])
            : column === 'status'
              ? 'failed'
              : column === 'frames' || column === 'mtime_ms'
                ? 7
                : column === 'sha256'
                  ? 'e'.repeat(64)
                  : '[]';
        tamper(db, `UPDATE ${table} SET ${column} = ? WHERE rowid = (SELECT MIN(rowid) FROM ${table})`, value);
        expect(checkSealedState(db).problems.map((p) => p.ref)).toContain(ref);
      }),
      { numRuns: 40 },
    );
  });

  it('finds a row added without an entry, and a row removed', () => {
    const { db, recordingId, analysisId } = sealedCase();
    tamper(
      db,
      'INSERT INTO annotations (recording_id, verdict, onset_frame, offset_frame, created_at, created_by, updated_at, updated_by) ' +
        "VALUES (?, 'accepted', 1, 2, 't', 'eve', 't', 'eve')",
      recordingId,
    );
    tamper(db, 'DELETE FROM spotting_runs');
    const problems = checkSealedState(db).problems;
    expect(problems.find((p) => p.ref === 'annotation:1')?.problem).toMatch(/no audit entry accounts for it/);
    expect(problems.find((p) => p.ref === 'spotting_run:1')?.problem).toMatch(/is no longer in the case/);
    db.pragma('foreign_keys = OFF'); // as the sqlite3 command line has it by default
    tamper(
      db,
      "INSERT INTO analysis_chunks (analysis_id, chunk_index, first_frame, frame_count, vals, landmarks) VALUES (?, 0, 0, 1, x'00', x'00')",
      analysisId + 5,
    );
    expect(checkSealedState(db).problems.some((p) => p.ref === null && /analysis #6/.test(p.problem))).toBe(true);
  });

  it("lets a running analysis's progress and frames change, and seals them when it ends", () => {
    const db = new Database(':memory:');
    migrate(db);
    const id = db.transaction(() => {
      const rec = insertRecording(db, {
        sha256: 'b'.repeat(64),
        sizeBytes: 1,
        path: '/e/y.mp4',
        frames: 1024,
        fps: 25,
        durationS: 1,
        vfr: false,
        probe: PROBE,
        importedAt: 't',
        importedBy: 'ana',
      });
      appendAudit(db, { actor: 'ana', action: 'recording.imported', target: 'r', state: [stateRef.recording(rec)] });
      const a = insertAnalysis(db, { recordingId: rec, fingerprint: 'f', provenance: {}, frameCount: 1024, startedBy: 'ana' });
      appendAudit(db, { actor: 'ana', action: 'analysis.started', target: 'r', state: [stateRef.analysis(a)] });
      return a;
    })();
    insertChunk(db, id, 0, 0, 1024, new Float32Array(1024 * STORED_COLUMNS.length), new Int16Array(1024 * LANDMARK_SUBSET.length * 2));
    expect(checkSealedState(db)).toMatchObject({ problems: [], running: [`analysis:${id}`] });
    finishAnalysis(db, id, 'complete', {}, null);
    appendAudit(db, { actor: 'ana', action: 'analysis.completed', target: 'r', state: [stateRef.analysis(id)] });
    expect(checkSealedState(db)).toMatchObject({ problems: [], running: [] });
    tamper(db, 'UPDATE analysis_chunks SET vals = ?', Buffer.alloc(8));
    expect(checkSealedState(db).problems.map((p) => p.ref)).toEqual([`analysis:${id}`]);
  });

  it('seals a case made before states were sealed as it is found, keeping its old chain valid', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((x) => x.version <= 5)) {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 't');
    }
    const rec = insertRecording(db, {
      sha256: 'c'.repeat(64),
      sizeBytes: 1,
      path: '/e/z.mp4',
      frames: 1,
      fps: 25,
      durationS: 1,
      vfr: false,
      probe: PROBE,
      importedAt: 't',
      importedBy: 'old',
    });
    // An entry as version 0.1 wrote it (no state column yet).
    const legacy = {
      seq: 1,
      at: 't',
      actor: 'old',
      action: 'recording.imported',
      target: `recording:${rec}`,
      before_json: null,
      after_json: null,
      prev_hash: '0'.repeat(64),
    };
    db.prepare(
      'INSERT INTO audit_log (seq, at, actor, action, target, before_json, after_json, prev_hash, hash) ' +
        'VALUES (@seq, @at, @actor, @action, @target, @before_json, @after_json, @prev_hash, @hash)',
    ).run({ ...legacy, hash: auditRowHash(legacy) });
    migrate(db);
    expect(schemaVersion(db)).toBe(migrations.length);
    const sealed = listAudit(db).at(-1)!;
    expect(sealed).toMatchObject({ action: 'case.sealed', actor: 'micromoment', after: { rowsSealed: 2, entriesBefore: 1 } });
    expect(Object.keys(sealed.state ?? {}).sort()).toEqual(['case:1', `recording:${rec}`]);
    expect(verifyAuditChain(db).problems).toEqual([]);
    expect(checkSealedState(db).problems).toEqual([]);
  });

  it('the state a new entry names is part of its hash', () => {
    const { db } = sealedCase();
    db.exec('DROP TRIGGER audit_log_no_update');
    const last = listAudit(db).at(-1)!;
    db.prepare('UPDATE audit_log SET state_json = ? WHERE seq = ?').run('{"spotting_run:1":"00"}', last.seq);
    expect(verifyAuditChain(db).problems.map((p) => p.seq)).toContain(last.seq);
  });
});
