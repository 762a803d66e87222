import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { handlers } from '../../../src-main/api/handlers.js';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { analyzeImportedRecording } from '../../../src-main/usecases/analyzeRecording.js';
import { createDefaultStages } from '../../../src-main/analysis/pipeline/defaultStages.js';
import { readAnalysisValues, listAnalyses } from '../../../src-main/store/analysesRepo.js';
import { verifyAuditChain, listAudit } from '../../../src-main/store/auditLog.js';
import { STORED_COLUMNS, STORED_INDEX } from '../../../src-shared/analysis/frameColumns.js';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { readManifest } from '../../../src-main/analysis/models/manifest.js';
import { dumpStore, tempCase } from '../../helpers/caseStore.js';
import { runCli } from '../../helpers/cli.js';
import { realMediaDir, tempDir } from '../../helpers/paths.js';

const realClip = path.join(realMediaDir, 'cap13_edit2.mp4');
const ctx = tempCase('store-test');
const dispatch = createDispatcher(ctx, handlers);
let recordingId: number;

beforeAll(async () => {
  recordingId = (await importRecording(ctx, realClip)).id!;
});
afterAll(() => ctx.close());

describe('analysis of an imported recording, through the API', () => {
  it('stores every frame, tagged with the model hashes and parameters', async () => {
    const outcome = await dispatch('analysis.run', { id: recordingId });
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    const analysis = (
      outcome as {
        result: {
          id: number;
          status: string;
          frameCount: number;
          framesDone: number;
          provenance: Record<string, unknown>;
          fingerprint: string;
        };
      }
    ).result;
    expect(analysis).toMatchObject({ status: 'complete', frameCount: 765, framesDone: 765 });
    const manifest = readManifest();
    expect(analysis.provenance.models).toEqual(Object.fromEntries(manifest.models.map((m) => [m.name, m.onnx.sha256])));
    expect(analysis.provenance).toHaveProperty('parameters.face.redetectInterval');
    expect(analysis.provenance).toHaveProperty('parameters.expression');
    expect(analysis.provenance).toHaveProperty('ffmpeg.version');
    expect(analysis.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // One chunk row per 1024 frames, not a row per number.
    const chunks = ctx.db.prepare('SELECT COUNT(*) AS n FROM analysis_chunks WHERE analysis_id = ?').get(analysis.id) as { n: number };
    expect(chunks.n).toBe(1);
  });

  it('reads back the same values the command line prints', async () => {
    const analysis = listAnalyses(ctx.db, recordingId).at(-1)!;
    const values = readAnalysisValues(ctx.db, analysis.id, 0, 765);
    const cli = await runCli(['analyze', realClip]);
    const lines = cli.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const header = cli.stdout.split('\n')[0]!.split(',');
    for (const frame of [0, 100, 400, 764]) {
      for (const column of ['face', 'face_w', 'yaw', 'enjoyment', 'au01_02', 'faces_seen'] as const) {
        const stored = values[frame * STORED_COLUMNS.length + STORED_INDEX[column]]!;
        const printed = Number(lines[frame]![header.indexOf(column)]);
        // The CSV rounds (1 decimal for pixels, 2 for degrees): compare within that rounding.
        const tolerance = { face: 0, face_w: 0.051, yaw: 0.0051, enjoyment: 1e-6, au01_02: 1e-4, faces_seen: 0 }[column];
        expect(Math.abs(stored - printed), `${column} of frame ${frame}`).toBeLessThanOrEqual(tolerance + 1e-6);
      }
    }
    const w = STORED_COLUMNS.length;
    for (let f = 0; f < 765; f++) {
      if (values[f * w + STORED_INDEX.face] !== 1) continue;
      const sum = EXPRESSION_CLASSES.reduce((s, c) => s + values[f * w + STORED_INDEX[c]]!, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-4);
    }
  });

  it('serves a range of frames through the API quickly', async () => {
    const t0 = performance.now();
    const outcome = await dispatch('analysis.frames', { id: recordingId, from: 700, count: 100 });
    const ms = performance.now() - t0;
    const body = (outcome as { result: { count: number; columns: string[]; values: (number | null)[] } }).result;
    expect(body.count).toBe(65);
    expect(body.values).toHaveLength(65 * body.columns.length);
    console.log(`analysis.frames for 65 frames: ${ms.toFixed(1)} ms`);
  });

  it('reuses a complete analysis with the same fingerprint, and records both in the audit log', async () => {
    const before = listAnalyses(ctx.db, recordingId).length;
    const again = await analyzeImportedRecording(ctx, recordingId, createDefaultStages);
    expect(listAnalyses(ctx.db, recordingId).length).toBe(before);
    expect(again.status).toBe('complete');
    const actions = listAudit(ctx.db, 1).map((e) => e.action); // after the case's creation
    expect(actions).toEqual(['recording.imported', 'analysis.started', 'analysis.completed']);
    expect(verifyAuditChain(ctx.db).problems).toEqual([]);
  });

  it('never spots on a stale analysis (other models or parameters): it analyses afresh and says which analysis it used', async () => {
    const other = tempCase();
    const id = (await importRecording(other, realClip)).id!;
    const first = await analyzeImportedRecording(other, id, createDefaultStages);
    // What an analysis made by another model manifest looks like: another fingerprint.
    other.db.prepare('UPDATE analyses SET fingerprint = ? WHERE id = ?').run('made-by-other-models', first.id);
    const outcome = await createDispatcher(other, handlers)('spot.run', { id });
    expect(outcome.ok).toBe(true);
    const result = (outcome as { ok: true; result: { analysisId: number } }).result;
    expect(result.analysisId).not.toBe(first.id);
    expect(listAnalyses(other.db, id)).toHaveLength(2);
    expect(listAudit(other.db, 1).map((e) => e.action)).toEqual([
      'recording.imported',
      'analysis.started',
      'analysis.completed',
      'analysis.started',
      'analysis.completed',
      'spotting.completed',
    ]);
    other.close();
  });

  it('refuses clearly when the original is gone, changing nothing', async () => {
    const other = tempCase();
    const copy = path.join(tempDir(), 'copy.mp4');
    fs.copyFileSync(realClip, copy);
    const id = (await importRecording(other, copy)).id!;
    fs.rmSync(copy);
    const before = dumpStore(other);
    const outcome = await createDispatcher(other, handlers)('analysis.run', { id });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect((outcome as { error: { message: string } }).error.message).toMatch(/not at any of its known locations/);
    expect(dumpStore(other)).toEqual(before);
    other.close();
  });
});
