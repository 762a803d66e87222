/**
 * Coding passes (issue 21): several analysts code one recording independently.
 * A pass is its analyst's alone and final once complete; undo stays inside it;
 * an analyst coding blind is shown nothing but their pass (by the host, not
 * only the window), and the spotter's emotion too when the pass asks; every
 * start and completion is audited and sealed. Migration 9 keeps every
 * annotation as it was and never makes a tampered one look sound.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyAnnotationChange, annotationState, undoAnnotationChange } from '../../../src-main/annotations/annotationService.js';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { handlers } from '../../../src-main/api/handlers.js';
import { appendAudit, listAudit } from '../../../src-main/store/auditLog.js';
import { migrations } from '../../../src-main/store/migrations/index.js';
import { migrate } from '../../../src-main/store/openStore.js';
import { stateRef } from '../../../src-main/store/sealedState.js';
import { checkSealedState } from '../../../src-main/store/stateCheck.js';
import { completePass, startPass } from '../../../src-main/usecases/codingPasses.js';
import { agreementBetweenCoders } from '../../../src-main/usecases/agreementBetweenCoders.js';
import { adjudicate } from '../../../src-main/annotations/adjudicate.js';
import { tempCase } from '../../helpers/caseStore.js';
import { tempDir } from '../../helpers/paths.js';
import { seedRecordingWithCandidates } from './seedCase.js';

const CANDIDATES = [
  { onsetFrame: 10, apexFrame: 12, offsetFrame: 15, emotion: 'surprise' },
  { onsetFrame: 40, apexFrame: 41, offsetFrame: 44, emotion: 'fear' },
  { onsetFrame: 70, apexFrame: 75, offsetFrame: 80, emotion: 'enjoyment' },
];

function setup() {
  const ctx = tempCase();
  return { ctx, ...seedRecordingWithCandidates(ctx, 100, CANDIDATES) };
}

describe('coding passes', () => {
  it('keep each analyst’s decisions of a candidate apart from the working set and from each other', () => {
    const { ctx, recordingId, spottingRunId } = setup();
    const decide = (analyst: string, candidateIndex: number, verdict: 'accepted' | 'rejected', passId: number | null) =>
      applyAnnotationChange(ctx.db, recordingId, analyst, { kind: 'candidate', spottingRunId, candidateIndex, set: { verdict } }, passId);
    decide('A', 0, 'accepted', null);
    const b = startPass(ctx.db, recordingId, 'B', { blind: true, hideSpotterEmotion: false });
    const c = startPass(ctx.db, recordingId, 'C', { blind: false, hideSpotterEmotion: false });
    decide('B', 0, 'rejected', b.id); // the same candidate, another verdict, in B's own pass
    decide('C', 0, 'accepted', c.id);
    expect(annotationState(ctx.db, recordingId, 'A').annotations.map((a) => [a.candidateIndex, a.verdict, a.passId])).toEqual([
      [0, 'accepted', null],
    ]);
    expect(annotationState(ctx.db, recordingId, 'B', null, b.id).annotations.map((a) => [a.verdict, a.passId])).toEqual([
      ['rejected', b.id],
    ]);
    // Nobody writes in another's pass; a complete pass is final.
    expect(() => decide('C', 1, 'accepted', b.id)).toThrow("Pass #1 is B's: only they code in it.");
    completePass(ctx.db, c.id, 'C');
    expect(() => decide('C', 1, 'accepted', c.id)).toThrow(/was completed at .*: its decisions are final/);
    expect(() => completePass(ctx.db, b.id, 'C')).toThrow("Pass #1 is B's: only they can complete it.");
    // Audited and sealed.
    const actions = listAudit(ctx.db, 0, 1000).map((e) => e.action);
    expect(actions.filter((x) => x.startsWith('pass.'))).toEqual(['pass.started', 'pass.started', 'pass.completed']);
    expect(checkSealedState(ctx.db).problems.filter((p) => p.ref?.startsWith('coding_pass') || p.ref?.startsWith('annotation'))).toEqual(
      [],
    );
    ctx.close();
  });

  it('while an analyst codes blind, the host shows them nothing but their pass, and the spotter’s emotion when asked', async () => {
    const { ctx, recordingId, spottingRunId } = setup();
    applyAnnotationChange(ctx.db, recordingId, 'A', {
      kind: 'candidate',
      spottingRunId,
      candidateIndex: 1,
      set: { verdict: 'accepted', note: 'A saw fear' },
    });
    const dispatch = createDispatcher(ctx, handlers);
    const started = await dispatch('passes.start', { recordingId, analyst: 'B', blind: true, hideSpotterEmotion: true });
    expect(started.ok).toBe(true);
    const passId = (started as { result: { id: number } }).result.id;
    // The working set (with A's decision and note) is refused to B until the pass is complete.
    const peek = await dispatch('annotations.list', { recordingId, analyst: 'B' });
    expect(peek).toMatchObject({ ok: false, error: { message: expect.stringContaining('blind in pass #1') } });
    // Nor through a report, nor the library's counts.
    expect(await dispatch('report.export', { id: recordingId, format: 'json', analyst: 'B' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('blind in pass #1') },
    });
    const states = (await dispatch('library.states', { analyst: 'B' })) as {
      result: { annotations: { hidden?: boolean; total: number } }[];
    };
    expect(states.result[0]!.annotations).toMatchObject({ hidden: true, total: 0 });
    const statesForA = (await dispatch('library.states', { analyst: 'A' })) as { result: { annotations: { total: number } }[] };
    expect(statesForA.result[0]!.annotations.total).toBe(1);
    const own = await dispatch('annotations.list', { recordingId, analyst: 'B', passId });
    expect(own).toMatchObject({ ok: true, result: { annotations: [] } });
    const spot = (await dispatch('spot.latest', { id: recordingId, analyst: 'B' })) as { result: { candidates: { emotion: string }[] } };
    expect(spot.result.candidates.map((c) => c.emotion)).toEqual(['hidden', 'hidden', 'hidden']);
    const forA = (await dispatch('spot.latest', { id: recordingId, analyst: 'A' })) as { result: { candidates: { emotion: string }[] } };
    expect(forA.result.candidates.map((c) => c.emotion)).toEqual(['surprise', 'fear', 'enjoyment']);
    // B decides in the pass (the candidate's frames, no emotion shown), completes it, and may then look.
    await dispatch('annotations.apply', {
      recordingId,
      analyst: 'B',
      passId,
      change: { kind: 'candidate', spottingRunId, candidateIndex: 1, set: { verdict: 'accepted', emotion: 'surprise' } },
    });
    expect(await dispatch('passes.complete', { passId, analyst: 'B' })).toMatchObject({
      ok: true,
      result: { completedAt: expect.any(String) },
    });
    expect(await dispatch('annotations.list', { recordingId, analyst: 'B' })).toMatchObject({
      ok: true,
      result: { annotations: [{ note: 'A saw fear' }] },
    });
    // Through the API: the figures and the disagreement (same frames, another emotion), refused to a coder still blind.
    await dispatch('passes.start', { recordingId, analyst: 'C', blind: true });
    expect(await dispatch('agreement.get', { recordingId, analyst: 'C' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('blind') },
    });
    const api = (await dispatch('agreement.get', { recordingId, analyst: 'A' })) as {
      ok: true;
      result: { pairs: { a: string; b: string; f1: number; disagreements: { kind: string; onset: number; offset: number }[] }[] };
    };
    expect(api.result.pairs).toEqual([
      expect.objectContaining({
        a: 'case',
        b: 'pass 1',
        f1: 1,
        disagreements: [expect.objectContaining({ kind: 'emotion', onset: 40, offset: 44 })],
      }),
    ]);
    // The two codings compared: the same event, another emotion.
    const figures = agreementBetweenCoders(ctx, recordingId, { files: [], withSpotter: false, minIoU: 0.5, passes: 'all' });
    expect(figures.coders.map((c) => c.name)).toEqual(['case', 'pass 1']);
    expect(figures.pairs[0]).toMatchObject({ f1: 1, matched: [{ a: 0, b: 0, iou: 1 }] });
    expect(figures.pairs[0]!.emotionKappa.observed).toBe(0);
    ctx.close();
  });

  it('undo and redo stay inside the set the analyst works in', () => {
    const { ctx, recordingId, spottingRunId } = setup();
    const pass = startPass(ctx.db, recordingId, 'A', { blind: false, hideSpotterEmotion: false });
    applyAnnotationChange(
      ctx.db,
      recordingId,
      'A',
      { kind: 'candidate', spottingRunId, candidateIndex: 0, set: { verdict: 'accepted' } },
      null,
    );
    applyAnnotationChange(
      ctx.db,
      recordingId,
      'A',
      { kind: 'candidate', spottingRunId, candidateIndex: 2, set: { verdict: 'rejected' } },
      pass.id,
    );
    // Undo in the working set reverts the working-set decision, not the later one in the pass.
    const working = undoAnnotationChange(ctx.db, recordingId, 'A', null);
    expect(working.annotations).toEqual([]);
    expect(annotationState(ctx.db, recordingId, 'A', null, pass.id).annotations.map((a) => a.verdict)).toEqual(['rejected']);
    expect(() => undoAnnotationChange(ctx.db, recordingId, 'A', null)).toThrow('There is nothing of yours to undo on this recording.');
    ctx.close();
  });
});

describe('adjudication', () => {
  it('resolves each disagreement into the findings (the working set), keeps both originals, and records the choice', () => {
    const { ctx, recordingId, spottingRunId } = setup();
    const decide = (analyst: string, candidateIndex: number, set: Record<string, unknown>, passId: number | null) =>
      applyAnnotationChange(ctx.db, recordingId, analyst, { kind: 'candidate', spottingRunId, candidateIndex, set: set as never }, passId);
    decide('A', 0, { verdict: 'accepted' }, null); // surprise, as proposed
    decide('A', 1, { verdict: 'accepted' }, null); // fear
    const pass = startPass(ctx.db, recordingId, 'B', { blind: true, hideSpotterEmotion: false });
    decide('B', 0, { verdict: 'accepted', emotion: 'fear' }, pass.id);
    decide('B', 2, { verdict: 'accepted' }, pass.id); // enjoyment: B only
    completePass(ctx.db, pass.id, 'B');
    const figures = agreementBetweenCoders(ctx, recordingId, { files: [], withSpotter: false, minIoU: 0.5, passes: 'all' });
    const found = figures.pairs[0]!.disagreements;
    expect(found.map((d) => [d.kind, d.onset])).toEqual([
      ['emotion', 10],
      ['only-a', 40],
      ['only-b', 70],
    ]);
    const passBefore = annotationState(ctx.db, recordingId, 'B', null, pass.id).annotations;
    const ref = (e: (typeof found)[number]['a']) => e?.ref ?? null;
    // C1: B's emotion; C2: B found nothing there, so not a finding; C3: B's event becomes a finding.
    adjudicate(ctx.db, recordingId, 'Referee', ref(found[0]!.a), ref(found[0]!.b), 'b');
    adjudicate(ctx.db, recordingId, 'Referee', ref(found[1]!.a), ref(found[1]!.b), 'b');
    const final = adjudicate(ctx.db, recordingId, 'Referee', ref(found[2]!.a), ref(found[2]!.b), 'b');
    expect(final.annotations.map((a) => [a.candidateIndex, a.verdict, a.emotion, a.updatedBy])).toEqual([
      [0, 'accepted', 'fear', 'Referee'],
      [1, 'rejected', 'fear', 'Referee'],
      [2, 'accepted', 'enjoyment', 'Referee'],
    ]);
    // The pass is as B completed it; every resolution names both sides and the choice.
    expect(annotationState(ctx.db, recordingId, 'B', null, pass.id).annotations).toEqual(passBefore);
    const entries = listAudit(ctx.db, 0, 1000).filter((e) => e.action === 'annotation.adjudicated');
    expect(entries).toHaveLength(3);
    expect(entries[0]!.after).toMatchObject({
      choose: 'b',
      a: { set: 'case', emotion: 'surprise' },
      b: { set: pass.id, emotion: 'fear', by: 'B' },
    });
    expect(entries[1]!.after).toMatchObject({ a: { set: 'case' }, b: null });
    // (The seeded recording and run were written straight to the store, unaudited: only the annotations' seals are checked.)
    expect(checkSealedState(ctx.db).problems.filter((p) => p.ref?.startsWith('annotation'))).toEqual([]);
    // A pass's hand mark taken twice (a stale dialog, or from two pairs) makes one finding, not two.
    const second = startPass(ctx.db, recordingId, 'D', { blind: false, hideSpotterEmotion: false });
    applyAnnotationChange(
      ctx.db,
      recordingId,
      'D',
      { kind: 'manual', set: { onsetFrame: 90, apexFrame: null, offsetFrame: 95, emotion: 'anger', verdict: 'accepted' } },
      second.id,
    );
    completePass(ctx.db, second.id, 'D');
    const mark = annotationState(ctx.db, recordingId, 'D', null, second.id).annotations[0]!;
    adjudicate(ctx.db, recordingId, 'Referee', null, { set: second.id, annotationId: mark.id }, 'b');
    const again = adjudicate(ctx.db, recordingId, 'Referee', null, { set: second.id, annotationId: mark.id }, 'b');
    expect(again.annotations.filter((a) => a.onsetFrame === 90).map((a) => [a.verdict, a.emotion])).toEqual([['accepted', 'anger']]);
    // A side no longer as the dialog showed it (not accepted) is refused: the agreement must be opened again.
    expect(() => adjudicate(ctx.db, recordingId, 'Referee', { set: 'case', annotationId: final.annotations[1]!.id }, null, 'a')).toThrow(
      /no longer accepted/,
    );
    // Adjudicating in a recording one codes blind is refused.
    startPass(ctx.db, recordingId, 'Referee', { blind: true, hideSpotterEmotion: false });
    expect(() => adjudicate(ctx.db, recordingId, 'Referee', ref(found[0]!.a), ref(found[0]!.b), 'a')).toThrow(/blind/);
    ctx.close();
  });
});

describe('migration 9 on a case made before it', () => {
  it('keeps every annotation as it was, seals the sound ones again and leaves a tampered one found', () => {
    const file = path.join(tempDir('mm-migration9-'), 'case.sqlite');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((x) => x.version <= 8))
      db.transaction(() => {
        m.up(db);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
      })();
    const ctx = { db } as never;
    const { recordingId, spottingRunId } = seedRecordingWithCandidates(ctx, 100, CANDIDATES);
    // Two annotations as the version before wrote them, each sealed by its audit entry; the run and recording sealed too.
    const insert = db.prepare(
      `INSERT INTO annotations (recording_id, spotting_run_id, candidate_index, verdict, emotion, onset_frame, apex_frame, offset_frame, note, deleted,
         created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, 'accepted', 'fear', ?, ?, ?, ?, 0, 't', 'A', 't', 'A')`,
    );
    const first = Number(insert.run(recordingId, spottingRunId, 0, 10, 12, 15, 'kept').lastInsertRowid);
    const second = Number(insert.run(recordingId, spottingRunId, 1, 40, 41, 44, 'to be forged').lastInsertRowid);
    // Their undo history refers to them: the rebuild must keep those references whole (it once failed at commit here).
    const edit = db.prepare(
      `INSERT INTO annotation_edits (recording_id, annotation_id, actor, action, description, before_json, after_json, at, state)
       VALUES (?, ?, 'A', 'annotation.created', 'C1: accepted', NULL, '{}', 't', 'done')`,
    );
    const edits = [Number(edit.run(recordingId, first).lastInsertRowid), Number(edit.run(recordingId, second).lastInsertRowid)];
    appendAudit(db, {
      actor: 'A',
      action: 'annotation.created',
      target: 'recording',
      state: [
        stateRef.recording(recordingId),
        stateRef.spottingRun(spottingRunId),
        stateRef.annotation(first),
        stateRef.annotation(second),
        ...edits.map(stateRef.annotationEdit),
      ],
    });
    db.prepare("UPDATE annotations SET verdict = 'rejected' WHERE id = ?").run(second); // behind the log's back
    const before = db.prepare('SELECT id, verdict, note FROM annotations ORDER BY id').all();
    migrate(db);
    expect(db.prepare('SELECT id, verdict, note, pass_id FROM annotations ORDER BY id').all()).toEqual(
      (before as object[]).map((r) => ({ ...r, pass_id: null })),
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT annotation_id FROM annotation_edits ORDER BY id').all()).toEqual([
      { annotation_id: first },
      { annotation_id: second },
    ]);
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'annotation_edits'").get() as { sql: string }).sql).toContain(
      'REFERENCES annotations(id)',
    );
    const resealed = listAudit(db, 0, 100).find((e) => e.action === 'case.resealed')!;
    expect(resealed.after).toMatchObject({ annotations: 1, notResealed: [second] });
    const problems = checkSealedState(db).problems.filter((p) => p.ref?.startsWith('annotation'));
    // The forged annotation stays found; the undo history, rebuilt with the same rows, keeps its seals.
    expect(problems.map((p) => p.ref)).toEqual([stateRef.annotation(second)]);
    db.close();
  });

  it('refuses, with what is wrong and what to do, a case whose undo history lost its annotations outside Micromoment', () => {
    const file = path.join(tempDir('mm-migration9-orphan-'), 'case.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((x) => x.version <= 8))
      db.transaction(() => {
        m.up(db);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
      })();
    const { recordingId } = seedRecordingWithCandidates({ db } as never, 100, CANDIDATES);
    // As the sqlite3 shell allows (foreign keys off there by default): an edit of an annotation that is not there.
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO annotation_edits (recording_id, annotation_id, actor, action, description, after_json, at, state)
       VALUES (?, 999, 'A', 'annotation.created', 'x', '{}', 't', 'done')`,
    ).run(recordingId);
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db)).toThrow(
      'This case cannot be upgraded: undo history entries 1 refer to annotations that are not in the case. It was changed outside Micromoment.',
    );
    expect((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(8);
    db.close();
  });
});
