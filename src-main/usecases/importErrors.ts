import { ProbeError } from '../media/probe.js';
import { FrameIndexError } from '../media/frameIndex.js';

/** A reason a file cannot be imported, phrased for the analyst. */
export class ImportError extends Error {
  static fromFs(err: unknown): ImportError {
    const code = (err as NodeJS.ErrnoException).code;
    switch (code) {
      case 'ENOENT':
        return new ImportError('does not exist: check the path');
      case 'EACCES':
      case 'EPERM':
        return new ImportError('cannot be read (permission denied): ask for read access to the file');
      case 'ELOOP':
        return new ImportError('is a symbolic link loop');
      case 'ENAMETOOLONG':
        return new ImportError('has a path too long for this system');
      default:
        return new ImportError(`cannot be read (${code ?? (err as Error).message})`);
    }
  }
}

/** One line, no stack: what is wrong with the file and, where we know, what to do. */
export function describeImportError(err: unknown): string {
  if (err instanceof ImportError || err instanceof ProbeError || err instanceof FrameIndexError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `could not be imported: ${message.split('\n')[0]}`;
}
