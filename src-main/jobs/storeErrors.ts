/**
 * Errors of the case database that would hit every file after this one as
 * well: the scan stops on them (with the store consistent: the failed
 * transaction is rolled back) instead of failing file after file.
 */
const FATAL_SQLITE = /^SQLITE_(FULL|IOERR|CORRUPT|NOTADB|READONLY|CANTOPEN|PROTOCOL)/;
const FATAL_ERRNO = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS']);

export function isStoreFatal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return FATAL_SQLITE.test(code) || FATAL_ERRNO.has(code);
}

/** What the analyst reads when the scan stopped on such an error. */
export function describeStoreFatal(err: unknown, dbPath: string): string {
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const what = /FULL|ENOSPC|EDQUOT/.test(code)
    ? `the disk holding the case database is full (${message}): free space on it`
    : /READONLY|EROFS/.test(code)
      ? `the case database cannot be written (${message}): check the disk is writable`
      : `the case database could not be written (${message}): check the disk`;
  return `The scan stopped: ${what}, then run the same scan again. What was finished is kept and will be skipped; ${dbPath} is consistent (the failed write was rolled back).`;
}
