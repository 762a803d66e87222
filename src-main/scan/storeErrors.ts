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

/** The cause of such an error in a few words, and what to do about it. */
export function storeFailureWords(err: unknown): { cause: string; todo: string } {
  const code = (err as { code?: string } | null)?.code ?? '';
  const [cause, todo] = /FULL|ENOSPC|EDQUOT/.test(code)
    ? ['the disk holding the case database is full', 'free space on it']
    : /READONLY|EROFS/.test(code)
      ? ['the case database cannot be written', 'check the disk is writable']
      : ['the case database could not be written', 'check the disk'];
  return { cause, todo };
}

/** What the analyst reads when the scan stopped on such an error: the cause in a few words, and the whole story. */
export function describeStoreFatal(err: unknown, dbPath: string): { cause: string; message: string } {
  const detail = err instanceof Error ? err.message : String(err);
  const { cause, todo } = storeFailureWords(err);
  return {
    cause,
    message:
      `The scan stopped: ${cause} (${detail}): ${todo}, then run the same scan again. ` +
      `What was finished is kept and will be skipped; ${dbPath} is consistent (the failed write was rolled back).`,
  };
}

/** An error of the case store (as opposed to one of the file or of the analysis). */
export function isStoreError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}
