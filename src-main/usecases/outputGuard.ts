import fs from 'node:fs';
import path from 'node:path';

/** An output file that must not be written where the user named it: the message says why and what to do. */
export class OutputRefused extends Error {}

export interface ProtectedFiles {
  /** The app's data folder: case databases, review proxies, caches. */
  dataDir: string;
  /** The case database in use (it may not exist yet: opening the case creates it). */
  caseDb?: string;
  /** Evidence this command reads (the recording being analysed): read, never written. */
  originals?: readonly string[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The files SQLite keeps beside a database: write-ahead log, shared memory, rollback journal, and super-journal (`-mj` + 9 hex digits). */
const SQLITE_COMPANION = /-(wal|shm|journal|mj[0-9a-f]{9})$/i;
/** Windows and macOS file systems ignore case by default: compare names as they do. */
const FOLD_CASE = process.platform === 'win32' || process.platform === 'darwin';

/**
 * Refuses, before any work, an output (a report, analyze --out, a download the
 * window saves) whose writing could destroy the case: any SQLite database
 * (found by its header, whatever its name), any SQLite journal file (by name,
 * existing or not), anything inside the data folder, the case database even
 * before it exists, and the evidence being read. Links are followed to the
 * file that would really be written. Reads only; throws OutputRefused.
 */
export function refuseProtectedOutput(file: string, protect: ProtectedFiles): void {
  const target = path.resolve(file);
  const real = realTarget(target);
  const shown = real === target ? target : `${target} (a link to ${real})`;
  const refuse = (why: string) => new OutputRefused(`refusing to write ${shown}: ${why}`);
  if ([target, real].some((p) => SQLITE_COMPANION.test(path.basename(p)))) {
    throw refuse('its name is that of a SQLite journal (-wal, -shm, -journal), which belongs to a database; choose another name');
  }
  if (protect.caseDb && samePath(real, realTarget(path.resolve(protect.caseDb))))
    throw refuse('it is the case database; choose another name');
  if (protect.originals?.some((o) => samePath(real, realTarget(path.resolve(o)))))
    throw refuse('it is the original recording, and originals are never written; choose another name');
  if (startsWithSqliteHeader(real, refuse))
    throw refuse('it is a SQLite database (perhaps a case), which an output never replaces; choose another name');
  const data = realTarget(path.resolve(protect.dataDir));
  if (samePath(real, data) || isInside(real, data))
    throw refuse(`it is in Micromoment's data folder ${data}, which holds the case databases and review proxies; write it elsewhere`);
}

/**
 * The file a write to `p` would reach: symbolic links followed, also one that
 * leads to a file not yet there (a write through it would create that file),
 * and the folders' real paths.
 */
function realTarget(p: string): string {
  let current = p;
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      break; // not there (yet): its folder decides where it would be
    }
    if (!stat.isSymbolicLink()) return fs.realpathSync(current);
    current = path.resolve(realFolder(current), fs.readlinkSync(current));
  }
  return path.join(realFolder(current), path.basename(current));
}

function realFolder(p: string): string {
  try {
    return fs.realpathSync(path.dirname(p));
  } catch {
    return path.dirname(p);
  }
}

/** Whether a regular file starts with SQLite's 16-byte header. One we cannot read is refused: we cannot tell. */
function startsWithSqliteHeader(file: string, refuse: (why: string) => OutputRefused): boolean {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) return false;
    fd = fs.openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw refuse(`it cannot be read to check what it is (${code ?? (err as Error).message}); choose another name`);
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

const fold = (p: string) => (FOLD_CASE ? p.toLowerCase() : p);
const samePath = (a: string, b: string) => fold(a) === fold(b);
const isInside = (p: string, folder: string) => fold(p).startsWith(fold(folder.endsWith(path.sep) ? folder : folder + path.sep));
