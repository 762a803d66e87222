import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMismatchRefusal, safeDownloadName } from '../../../src-shared/app/reportExport.js';
import { mismatchMessage } from '../../../src-main/report/gather/verifyOriginal.js';

const sha = 'a'.repeat(64);

describe('telling a mismatch refusal from other failures', () => {
  it('recognises every refusal the main side words (changed, missing, none known)', () => {
    const base = { at: '2026-01-01T00:00:00Z', verifiedPath: null, holds: false };
    const changed = mismatchMessage(3, sha, { ...base, locations: [{ path: '/e/a.mp4', state: 'changed', sha256: 'b'.repeat(64) }] })!;
    const missing = mismatchMessage(3, sha, { ...base, locations: [{ path: '/e/a.mp4', state: 'missing', sha256: null }] })!;
    const none = mismatchMessage(3, sha, { ...base, locations: [] })!;
    for (const message of [changed, missing, none]) expect(isMismatchRefusal({ code: 'failed', message })).toBe(true);
  });

  it('does not offer "export anyway" for other failures', () => {
    expect(isMismatchRefusal({ code: 'not-found', message: 'No recording with id 9 in this case.' })).toBe(false);
    expect(isMismatchRefusal({ code: 'failed', message: 'database or disk is full' })).toBe(false);
    const refusal = mismatchMessage(3, sha, { at: '', verifiedPath: null, holds: false, locations: [] })!;
    expect(isMismatchRefusal({ code: 'invalid-arguments', message: refusal })).toBe(false);
  });
});

describe('download names', () => {
  it('keeps a plain suggestion as it is', () => {
    expect(safeDownloadName('interview 3.report.frames.csv')).toBe('interview 3.report.frames.csv');
    expect(safeDownloadName(' .hidden')).toBe('hidden');
    expect(safeDownloadName('../x/y.pdf')).toBe('_x_y.pdf');
  });
  it('never yields a path, a hidden name, a control character or an empty name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const safe = safeDownloadName(name);
        expect(safe.length).toBeGreaterThan(0);
        // eslint-disable-next-line no-control-regex
        expect(safe).not.toMatch(/[\\/\u0000-\u001f<>:"|?*]/);
        expect(safe.startsWith('.')).toBe(false);
      }),
    );
  });
});
