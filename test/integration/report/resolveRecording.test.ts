import { describe, expect, it } from 'vitest';
import { resolveRecording } from '../../../src-main/report/gather/resolveRecording.js';
import { tempCase } from '../../helpers/caseStore.js';
import { seedRecordingWithCandidates } from '../annotations/seedCase.js';

describe('naming a recording on the command line', () => {
  const ctx = tempCase();
  const a = seedRecordingWithCandidates(ctx, 10, [], `abcdef00${'0'.repeat(56)}`).recordingId;
  const b = seedRecordingWithCandidates(ctx, 10, [], `abcdef11${'1'.repeat(56)}`).recordingId;

  it('by id, or by enough hex digits of its SHA-256', async () => {
    expect(await resolveRecording(ctx.db, String(b))).toBe(b);
    expect(await resolveRecording(ctx.db, 'ABCDEF00')).toBe(a);
    expect(await resolveRecording(ctx.db, 'abcdef1')).toBe(b);
  });

  it('refuses a name that fits two recordings, naming both, and one that fits none', async () => {
    await expect(resolveRecording(ctx.db, 'abcdef')).rejects.toThrow(`"abcdef" names more than one recording: #${a} (SHA-256 abcdef00`);
    await expect(resolveRecording(ctx.db, 'abcde')).rejects.toThrow(
      'No recording "abcde" in this case: give a recording id, at least 6 hex digits',
    );
    await expect(resolveRecording(ctx.db, '42')).rejects.toThrow('No recording "42" in this case');
  });
});
