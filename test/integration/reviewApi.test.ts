import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/api/dispatcher.js';
import { handlers } from '../../src-main/api/handlers.js';
import type { AppContext } from '../../src-main/app/context.js';
import { ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { tempCase } from '../helpers/caseStore.js';
import { tempDir } from '../helpers/paths.js';
import { seedLongRecording } from '../../tools/bench/reviewBenchData.js';
import { minMaxEnvelope } from '../../src-shared/review/envelope.js';

let fixtures: Record<FixtureName, FixtureInfo>;
beforeAll(async () => {
  fixtures = await ensureFixtures();
});

function f32(base64: string): Float32Array {
  const b = Buffer.from(base64, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function dispatcher(ctx: AppContext) {
  const events: { event: string; payload: unknown }[] = [];
  const withEvents = { ...ctx, emit: (event: string, payload: unknown) => events.push({ event, payload }) } as AppContext;
  const dispatch = createDispatcher(withEvents, handlers);
  return { events, call: async (method: string, args: unknown) => dispatch(method, args) };
}

describe('review API on a real case store', () => {
  it('imports a folder: recordings by extension, subfolders included, other files left alone, progress per file', async () => {
    const ctx = tempCase();
    const folder = tempDir('mm-folder-');
    fs.mkdirSync(path.join(folder, 'day 2'));
    fs.copyFileSync(fixtures.cfr25.path, path.join(folder, 'a.mp4'));
    fs.copyFileSync(fixtures.vfr.path, path.join(folder, 'day 2', 'b.mkv'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'interview notes');
    const { call, events } = dispatcher(ctx);
    const outcome = await call('library.importFolder', { path: folder, analyst: 'Folder Analyst' });
    expect(outcome).toMatchObject({
      ok: true,
      result: {
        skipped: 1,
        results: [
          { status: 'imported', path: path.join(folder, 'a.mp4') },
          { status: 'imported', path: path.join(folder, 'day 2', 'b.mkv') },
        ],
      },
    });
    expect(events.filter((e) => e.event === 'import.files').map((e) => (e.payload as { done: number }).done)).toEqual([0, 1, 2]);
    const audit = await call('audit.list', {});
    expect(
      (audit as { result: { actor: string; action: string }[] }).result
        .filter((e) => e.action === 'recording.imported')
        .map((e) => e.actor),
    ).toEqual(['Folder Analyst', 'Folder Analyst']);
    expect(await call('library.importFolder', { path: path.join(folder, 'a.mp4') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringContaining('is a file, not a folder') },
    });
    expect(await call('library.importFolder', { path: path.join(folder, 'nope') })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('does not exist') },
    });
    const states = await call('library.states', {});
    expect(states).toMatchObject({
      ok: true,
      result: [{ analysis: null, candidates: null, annotations: { total: 0 } }, { analysis: null }],
    });
  });

  it('says which media the player gets, and when the window cannot decode it (the proxy seam)', async () => {
    const ctx = tempCase();
    const { call } = dispatcher(ctx);
    const imported = await call('library.import', { paths: [fixtures.cfr25.path, fixtures.mpeg2.path] });
    const [cfr, mpeg2] = (imported as { result: { id: number }[] }).result;
    expect(await call('review.media', { id: cfr!.id })).toEqual({
      ok: true,
      result: {
        kind: 'original',
        url: `media/original/${cfr!.id}`,
        codec: 'h264',
        container: 'mov,mp4,m4a,3gp,3g2,mj2',
        playable: true,
        note: null,
      },
    });
    expect(await call('review.media', { id: mpeg2!.id })).toMatchObject({
      ok: true,
      result: { kind: 'original', playable: false, note: expect.stringContaining('needs a review proxy') },
    });
    expect(await call('spot.latest', { id: cfr!.id })).toEqual({ ok: true, result: null });
    expect(await call('review.envelope', { id: cfr!.id, from: 0, to: 50, buckets: 10 })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('no complete analysis') },
    });
  });

  it('serves per-frame series and min/max envelopes of a long analysis, compactly', async () => {
    const ctx = tempCase();
    const id = seedLongRecording(ctx.db, 50_000, 30);
    const { call } = dispatcher(ctx);
    const series = (await call('review.series', { id, from: 49_990, count: 100, columns: ['face_x', 'face_w'] })) as {
      ok: true;
      result: { count: number; data: string };
    };
    expect(series.result.count).toBe(10);
    const values = f32(series.result.data);
    expect(values.length).toBe(20);
    expect(values[1]).toBe(180);
    const env = (await call('review.envelope', { id, from: 0, to: 50_000, buckets: 700, columns: ['neutral', 'au04'] })) as {
      ok: true;
      result: { buckets: number; min: string; max: string };
    };
    expect(env.result.buckets).toBe(700);
    const min = f32(env.result.min);
    const max = f32(env.result.max);
    expect(min.length).toBe(1400);
    for (let i = 0; i < min.length; i++) expect(max[i]!).toBeGreaterThanOrEqual(min[i]!);
    expect(await call('review.envelope', { id, from: 0, to: 10, buckets: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('gives, from the block level, the same envelopes as computed frame by frame from every value', async () => {
    const ctx = tempCase();
    const id = seedLongRecording(ctx.db, 50_000, 30);
    const { call } = dispatcher(ctx);
    const all = (await call('review.series', { id, from: 0, count: 50_000, columns: ['neutral', 'au04'] })) as {
      ok: true;
      result: { data: string };
    };
    const values = f32(all.result.data);
    for (const [from, to, buckets] of [
      [0, 50_000, 700],
      [12_345, 49_999, 97],
      [16_380, 16_400, 7],
    ] as const) {
      const got = (await call('review.envelope', { id, from, to, buckets, columns: ['neutral', 'au04'] })) as {
        ok: true;
        result: { min: string; max: string };
      };
      const want = minMaxEnvelope(values, 2, from, to, buckets, [0, 1]);
      expect(Array.from(f32(got.result.min))).toEqual(Array.from(want.min));
      expect(Array.from(f32(got.result.max))).toEqual(Array.from(want.max));
    }
  });
});

describe('the filmstrip', () => {
  it('decodes every frame of a short interval from the original, in order, each a picture of its own; refuses a wrong interval', async () => {
    const ctx = tempCase();
    const { call } = dispatcher(ctx);
    const imported = (await call('library.import', { paths: [fixtures.cfr25.path] })) as { result: { id: number }[] };
    const id = imported.result[0]!.id;
    const outcome = (await call('review.filmstrip', { id, onset: 10, offset: 14, apex: 12 })) as {
      ok: boolean;
      result: {
        frames: number[];
        cells: (string | null)[];
        cellWidth: number;
        cellHeight: number;
        complete: boolean;
        region: unknown;
        problem: string | null;
      };
    };
    expect(outcome.ok, JSON.stringify(outcome).slice(0, 400)).toBe(true);
    const strip = outcome.result;
    expect(strip.frames).toEqual([10, 11, 12, 13, 14]);
    expect(strip.complete).toBe(true);
    expect(strip.problem).toBeNull();
    expect(strip.region).toBeNull(); // no analysis, so no face box: the whole frame, reduced
    const pngs = strip.cells.map((c) => Buffer.from(c!, 'base64'));
    for (const png of pngs) {
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([strip.cellWidth, strip.cellHeight]);
    }
    // Each frame of the fixture carries its own barcode: no two pictures alike.
    expect(new Set(pngs.map((p) => p.toString('base64'))).size).toBe(5);
    expect(await call('review.filmstrip', { id, onset: 14, offset: 10, apex: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringContaining('are not an interval of this recording') },
    });
  });
});
