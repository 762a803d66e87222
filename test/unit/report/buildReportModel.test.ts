import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildReportModel } from '../../../src-main/report/model/buildReportModel.js';
import { curveSeries } from '../../../src-main/report/model/curves.js';
import { CURVE_EMOTIONS } from '../../../src-main/report/model/reportModel.js';
import { LIMITATIONS } from '../../../src-main/report/model/limitations.js';
import { annotation, emotions, entry, inputs, vfrTable } from './modelInputs.js';

describe('the report model', () => {
  it('takes every time of an annotation from the frame table, variable rate included', () => {
    const m = buildReportModel(
      inputs({ annotations: [annotation(1, { onsetFrame: 48, apexFrame: 50, offsetFrame: 52, note: 'brow flash' })] }),
    );
    const a = m.annotations[0]!;
    // Frames 0–50 are 40 ms apart, then 20 ms: frame 52 is at 2000 + 40 ms after the first frame.
    expect(a.onset).toMatchObject({ frame: 48, pts: '2.920000', timecode: '00:00:01:23', clock: '00:00:01.920', startMs: 1920 });
    expect(a.apex).toMatchObject({ frame: 50, pts: '3.000000', timecode: '00:00:02:00' });
    expect(a.offset).toMatchObject({ frame: 52, pts: '3.040000', timecode: '00:00:02:02', clock: '00:00:02.040' });
    // 48→49 and 49→50 last 40 ms each, 50→51, 51→52 and 52→53 20 ms each.
    expect(a.durationMs).toBe(140);
    expect(a.durationFrames).toBe(5);
    expect(a.endMs).toBe(2060);
    expect(m.recording).toMatchObject({ first: { pts: '1.000000', clock: '00:00:00.000' }, duration: '00:00:03.000', endMs: 3000 });
  });

  it('says plainly what is missing: no analysis, no spotting, no annotations', () => {
    const m = buildReportModel(inputs());
    expect(m.analysis).toBeNull();
    expect(m.timeline).toBeNull();
    expect(m.notices).toEqual([
      'This recording has not been analysed: there are no emotion curves, and face images show the whole frame.',
      'The spotter was not run on this recording: no candidate was proposed by the software.',
      'There are no annotations on this recording: nobody has marked, accepted or rejected any event.',
    ]);
    expect(m.counts).toEqual({ total: 0, accepted: 0, rejected: 0, pending: 0 });
    expect(m.limitations).toEqual([...LIMITATIONS]);
    expect(buildReportModel(inputs({ newestAnalysisStatus: 'failed' })).notices[0]).toMatch(/^The analysis of this recording failed/);
  });

  it('states a mismatch first and loudly, naming the new hash', () => {
    const m = buildReportModel(
      inputs({
        verification: {
          at: 'now',
          mismatchAllowed: true,
          locations: [
            { path: '/evidence/a.mp4', state: 'changed', sha256: 'cd'.repeat(32) },
            { path: '/copy/a.mp4', state: 'identical', sha256: 'ab'.repeat(32) },
          ],
        },
      }),
    );
    expect(m.verification).toMatchObject({ state: 'changed', holds: false, mismatchAllowed: true });
    expect(m.notices[0]).toBe(
      `THE ORIGINAL DOES NOT MATCH: /evidence/a.mp4 now has SHA-256 ${'cd'.repeat(32)}. ` +
        `The annotations refer to the bytes imported; no frame was decoded from the changed file.`,
    );
    const missing = buildReportModel(
      inputs({ verification: { at: 'now', mismatchAllowed: true, locations: [{ path: '/gone.mp4', state: 'missing', sha256: null }] } }),
    );
    expect(missing.verification.state).toBe('missing');
    expect(missing.notices[0]).toMatch(/^THE ORIGINAL WAS NOT FOUND/);
  });

  it('warns when the file declares much more video than decodes (a copy cut short), after any verification notice', () => {
    const base = inputs().recording;
    const cut = { ...base, durationS: 9.48, probe: { ...base.probe, durationS: 30.6 } };
    expect(buildReportModel(inputs({ recording: cut })).notices[0]).toBe(
      'The file may be incomplete: only 9.480 s of video decode, but the file declares 30.600 s: it may be cut short or damaged; compare it with its source.',
    );
    const missing = buildReportModel(
      inputs({
        recording: cut,
        verification: { at: 'now', mismatchAllowed: true, locations: [{ path: '/gone.mp4', state: 'missing', sha256: null }] },
      }),
    );
    expect(missing.notices.slice(0, 2).map((n) => n.slice(0, 28))).toEqual([
      'THE ORIGINAL WAS NOT FOUND a',
      'The file may be incomplete: ',
    ]);
    expect(buildReportModel(inputs()).notices.some((n) => n.includes('incomplete'))).toBe(false);
  });

  it('counts verdicts, numbers annotations in time order and names everyone who acted', () => {
    const m = buildReportModel(
      inputs({
        annotations: [
          annotation(4, { verdict: 'accepted', onsetFrame: 5, offsetFrame: 6, apexFrame: null }),
          annotation(2, { verdict: 'rejected', onsetFrame: 20, offsetFrame: 22, createdBy: 'B', updatedBy: 'C' }),
          annotation(9, { verdict: 'pending', onsetFrame: 30, offsetFrame: 30, apexFrame: 30 }),
        ],
        audit: {
          entries: [
            entry(1, 'I. Mporter', 'recording.imported', 'recording:7'),
            entry(2, 'A. Analyst', 'annotation.created', 'annotation:4'),
            entry(3, 'A. Analyst', 'annotation.updated', 'annotation:4'),
            entry(4, 'B', 'annotation.created', 'annotation:2'),
          ],
          chain: { rows: 10, problems: [{ seq: 3, problem: 'its content was changed after it was written' }] },
          stateProblems: [],
          head: { seq: 10, hash: 'e'.repeat(64) },
        },
      }),
    );
    expect(m.annotations.map((a) => [a.number, a.id, a.status])).toEqual([
      [1, 4, 'accepted'],
      [2, 2, 'rejected'],
      [3, 9, 'pending'],
    ]);
    expect(m.counts).toEqual({ total: 3, accepted: 1, rejected: 1, pending: 1 });
    expect(m.notices).toContain('1 hand mark is still pending: not a finding until accepted.');
    expect(m.analysts).toEqual([
      { name: 'A. Analyst', roles: ['2 annotation actions'] },
      { name: 'B', roles: ['1 annotation action'] },
      { name: 'C', roles: ['changed annotations'] },
      { name: 'I. Mporter', roles: ['imported the recording'] },
      { name: 'R. Eporter', roles: ['made this report'] },
    ]);
    expect(m.audit).toMatchObject({
      entries: 4,
      chainIntact: false,
      chainProblems: ['entry 3: its content was changed after it was written'],
      head: { seq: 10 },
    });
    expect(m.audit.byAction).toEqual([
      { action: 'annotation.created', sentence: 'made a decision or a hand mark', count: 2 },
      { action: 'annotation.updated', sentence: 'changed a decision or a hand mark', count: 1 },
      { action: 'recording.imported', sentence: 'imported the recording', count: 1 },
    ]);
  });

  it('gives each accepted annotation a frame-by-frame close-up, clipped to the recording', () => {
    const values = emotions(100, (f, e) => (e === 'fear' ? f / 100 : 0));
    const m = buildReportModel(
      inputs({ emotions: values, annotations: [annotation(1, { onsetFrame: 3, offsetFrame: 5 }), annotation(2, { verdict: 'rejected' })] }),
    );
    expect(m.closeUps).toHaveLength(1);
    const c = m.closeUps[0]!.curves;
    expect([c.fromFrame, c.toFrame]).toEqual([0, 18]);
    expect(c.values.fear).toEqual(Array.from({ length: 18 }, (_, f) => f / 100).map((v) => Math.round(Math.fround(v) * 1e4) / 1e4));
    expect(c.bucketStartS).toHaveLength(19);
  });
});

describe('emotion curves', () => {
  it('keep a one-frame flash visible at any bucket size (property): each bucket holds the maximum of its frames', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 600 }), fc.nat(), (frames, buckets, seed) => {
        const flash = seed % frames;
        const values = emotions(
          frames,
          (f, e) => (e === 'anger' && f === flash ? 0.9 : 0.1),
          (f) => f % 7 === 3 && f !== flash,
        );
        const t = vfrTable(frames);
        const c = curveSeries(t, values, 0, frames, buckets);
        expect(c.values.anger).toHaveLength(Math.min(buckets, frames));
        expect(Math.max(...c.values.anger.map((v) => v ?? 0))).toBeCloseTo(0.9, 4);
        for (const e of CURVE_EMOTIONS) for (const v of c.values[e]) expect(v === null || (v >= 0 && v <= 1)).toBe(true);
        for (let b = 1; b < c.bucketStartS.length; b++) expect(c.bucketStartS[b]!).toBeGreaterThan(c.bucketStartS[b - 1]!);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves a gap (null) where no frame of a bucket had a face', () => {
    const c = curveSeries(
      vfrTable(10),
      emotions(
        10,
        () => 0.5,
        (f) => f >= 4 && f < 6,
      ),
      0,
      10,
      10,
    );
    expect(c.values.sadness).toEqual([0.5, 0.5, 0.5, 0.5, null, null, 0.5, 0.5, 0.5, 0.5]);
  });
});
