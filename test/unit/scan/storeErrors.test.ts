import { describe, expect, it } from 'vitest';
import { describeStoreFatal, isStoreError, isStoreFatal } from '../../../src-main/scan/storeErrors.js';

const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('store errors that stop a scan', () => {
  it('are the ones every later file would meet too', () => {
    for (const code of [
      'SQLITE_FULL',
      'SQLITE_IOERR_WRITE',
      'SQLITE_IOERR_FSYNC',
      'SQLITE_READONLY',
      'SQLITE_CORRUPT',
      'SQLITE_CANTOPEN',
      'ENOSPC',
      'EROFS',
      'EIO',
    ]) {
      expect(isStoreFatal(err(code)), code).toBe(true);
    }
    for (const code of ['SQLITE_BUSY', 'SQLITE_CONSTRAINT_FOREIGNKEY', 'ENOENT', 'EACCES'])
      expect(isStoreFatal(err(code)), code).toBe(false);
    expect(isStoreFatal(new Error('no code'))).toBe(false);
    expect(isStoreFatal(null)).toBe(false);
    expect(isStoreError(err('SQLITE_BUSY'))).toBe(true);
    expect(isStoreError(err('ENOSPC'))).toBe(false);
  });

  it('are told in plain words, with what to do', () => {
    expect(describeStoreFatal(err('SQLITE_FULL', 'database or disk is full'), '/cases/a.sqlite')).toEqual({
      cause: 'the disk holding the case database is full',
      message:
        'The scan stopped: the disk holding the case database is full (database or disk is full): free space on it, then run the same scan again. ' +
        'What was finished is kept and will be skipped; /cases/a.sqlite is consistent (the failed write was rolled back).',
    });
    expect(describeStoreFatal(err('SQLITE_READONLY', 'attempt to write a readonly database'), 'c').cause).toBe(
      'the case database cannot be written',
    );
    expect(describeStoreFatal(err('SQLITE_IOERR_WRITE', 'disk I/O error'), 'c').message).toContain(
      'check the disk, then run the same scan again',
    );
  });
});
