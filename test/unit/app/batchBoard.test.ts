import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BatchFile, BatchProgress, BatchStatus } from '../../../src-shared/domain/batch.js';
import {
  controlsFor,
  etaLabel,
  failures,
  fileLabel,
  pathsFromText,
  withFile,
  withProgress,
  withStatus,
} from '../../../src-shared/app/batchBoard.js';

const file = (path: string, over: Partial<BatchFile> = {}): BatchFile => ({
  path,
  sizeBytes: 10,
  status: 'queued',
  phase: null,
  phaseDone: 0,
  phaseTotal: 0,
  fraction: 0,
  sha256: null,
  recordingId: null,
  frames: null,
  candidates: null,
  error: null,
  warning: null,
  ...over,
});
const counts = { files: 3, queued: 3, running: 0, done: 0, skipped: 0, failed: 0, ignored: 0, cancelled: 0 };
const status = (batchId: number, files: BatchFile[]): BatchStatus => ({
  batchId,
  state: 'running',
  workers: 1,
  counts,
  fraction: 0,
  framesPerSecond: 0,
  etaS: null,
  running: [],
  error: null,
  roots: ['/evidence'],
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  files,
  ignored: [],
});
const progress = (batchId: number, running: BatchFile[], over: Partial<BatchProgress> = {}): BatchProgress => ({
  batchId,
  state: 'running',
  workers: 1,
  counts: { ...counts, queued: 2, running: 1 },
  fraction: 0.2,
  framesPerSecond: 12,
  etaS: 30,
  running,
  error: null,
  ...over,
});

describe('fileLabel', () => {
  it('shows a finished file’s warning (a file cut short), and nothing extra for a clean one', () => {
    expect(fileLabel(file('a.mp4', { status: 'done', warning: 'only 9.480 s of video decode' }))).toBe(
      'done, WARNING: only 9.480 s of video decode',
    );
    expect(fileLabel(file('a.mp4', { status: 'skipped', warning: 'only 1 s' }))).toBe('skipped, WARNING: only 1 s');
    expect(fileLabel(file('a.mp4', { status: 'done' }))).toBe('done');
  });
});

describe('the batch board', () => {
  const board = status(4, [file('/e/a.mp4'), file('/e/b.mp4'), file('/e/c.mp4')]);

  it("takes a running file's progress and the batch totals from a progress event", () => {
    const next = withProgress(
      board,
      progress(4, [file('/e/b.mp4', { status: 'running', phase: 'analysing', phaseDone: 5, phaseTotal: 50, fraction: 0.4 })]),
    )!;
    expect(next.files.map((f) => f.status)).toEqual(['queued', 'running', 'queued']);
    expect(next.files[1]!.fraction).toBe(0.4);
    expect(next.fraction).toBe(0.2);
    expect(next.roots).toEqual(['/evidence']);
    expect(fileLabel(next.files[1]!)).toBe('analysing 10%');
  });

  it('ignores events of another batch, and events before any status', () => {
    expect(withProgress(board, progress(5, [file('/e/a.mp4', { status: 'running' })]))).toBe(board);
    expect(withFile(board, { batchId: 3, file: file('/e/a.mp4', { status: 'failed', error: 'x' }) })).toBe(board);
    expect(withFile(null, { batchId: 4, file: file('/e/a.mp4') })).toBeNull();
  });

  it('lists failures with their reasons, in queue order', () => {
    let next = withFile(board, {
      batchId: 4,
      file: file('/e/c.mp4', { status: 'failed', error: 'ffprobe could not read it: moov atom not found' }),
    });
    next = withFile(next, { batchId: 4, file: file('/e/a.mp4', { status: 'failed', error: null }) });
    expect(failures(next)).toEqual([
      { path: '/e/a.mp4', reason: 'failed (no reason recorded)' },
      { path: '/e/c.mp4', reason: 'ffprobe could not read it: moov atom not found' },
    ]);
  });

  it('adds a file it has not seen and a full status replaces everything', () => {
    const next = withFile(board, { batchId: 4, file: file('/e/d.mp4', { status: 'running' }) })!;
    expect(next.files.map((f) => f.path)).toEqual(['/e/a.mp4', '/e/b.mp4', '/e/c.mp4', '/e/d.mp4']);
    const other = status(5, []);
    expect(withStatus(next, other)).toBe(other);
  });

  it('keeps one entry per path whatever order file events come in (property)', () => {
    const paths = ['/e/a.mp4', '/e/b.mp4', '/e/c.mp4', '/e/d.mp4'];
    const statuses = ['queued', 'running', 'done', 'failed', 'skipped', 'cancelled'] as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...statuses)), { maxLength: 40 }), (events) => {
        let b = withStatus(null, status(1, []));
        for (const [p, s] of events) b = withFile(b, { batchId: 1, file: file(p, { status: s }) });
        const seen = b!.files.map((f) => f.path);
        expect(new Set(seen).size).toBe(seen.length);
        // Each path shows the last status it was sent.
        for (const p of new Set(events.map(([q]) => q)))
          expect(b!.files.find((f) => f.path === p)!.status).toBe(events.filter(([q]) => q === p).at(-1)![1]);
      }),
    );
  });

  it('offers only the controls that make sense in each state', () => {
    expect(controlsFor(null)).toEqual({ start: true, pause: false, resume: false, cancel: false });
    expect(controlsFor('running')).toEqual({ start: false, pause: true, resume: false, cancel: true });
    expect(controlsFor('paused')).toEqual({ start: false, pause: false, resume: true, cancel: true });
    expect(controlsFor('cancelling')).toEqual({ start: false, pause: false, resume: false, cancel: false });
    for (const s of ['finished', 'cancelled', 'stopped'] as const)
      expect(controlsFor(s)).toEqual({ start: true, pause: false, resume: false, cancel: false });
  });

  it('says how long is left in words, and nothing when it does not know', () => {
    expect(etaLabel(null)).toBeNull();
    expect(etaLabel(Number.NaN)).toBeNull();
    expect(etaLabel(42.4)).toBe('42 s left');
    expect(etaLabel(200)).toBe('3 min 20 s left');
    expect(etaLabel(3 * 3600 + 65)).toBe('3 h 1 min left');
  });

  it('reads one path per line, trimmed, blank lines dropped', () => {
    expect(pathsFromText(' /a b/c \r\n\n/d\n  ')).toEqual(['/a b/c', '/d']);
  });
});
