import fs from 'node:fs';
import path from 'node:path';
import type { IgnoredPath } from '../../src-shared/domain/batch.js';
import { ImportError } from '../usecases/importErrors.js';
import { decideProbe, extensionOf, SNIFF_BYTES, VIDEO_EXTENSIONS } from './sniffMedia.js';

/** A file to scan: it claims to be a video (name, magic bytes, or named on the command line), or nothing says it is not. */
export interface FoundFile {
  path: string;
  sizeBytes: number;
  /** A probe failure is reported as a failure (otherwise the file is ignored as not a video). */
  claimsVideo: boolean;
}

export interface Discovery {
  files: FoundFile[];
  /** Paths that could not be examined (unreadable file or folder, missing root): reported as failed. */
  failed: { path: string; error: string }[];
  ignored: IgnoredPath[];
}

/**
 * Walks the given files and folders (recursively, following symbolic links,
 * each folder once by its real path so a link loop ends) and sorts what it
 * finds into files to scan, failures and ignored paths. Entries are visited in
 * name order, so two scans of the same tree list files in the same order.
 *
 * What cannot be read is a failure, never silently left out: an analyst must
 * know that a file or folder of the evidence was not examined. A dangling or
 * looping link fails when its name says video and is ignored (with the reason)
 * otherwise. The same file reached twice (a hard or symbolic link) is scanned
 * once. Paths in `exclude` (the case database's own files) are ignored with
 * the reason given.
 */
export async function discover(
  roots: readonly string[],
  options: { signal?: AbortSignal; onFound?: (files: number) => void; exclude?: ReadonlyMap<string, string> } = {},
): Promise<Discovery> {
  const out: Discovery = { files: [], failed: [], ignored: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Map<string, string>();

  const fail = (p: string, error: string) => out.failed.push({ path: p, error });

  async function visitFile(file: string, stat: fs.Stats, explicit: boolean): Promise<void> {
    const identity = `${stat.dev}:${stat.ino}`;
    const first = seenFiles.get(identity);
    if (first !== undefined) {
      out.ignored.push({ path: file, reason: `the same file as ${first} (a link to it), scanned once` });
      return;
    }
    seenFiles.set(identity, file);
    let head: Uint8Array;
    try {
      head = await readHead(file);
    } catch (err) {
      // Whatever it is, it was not examined: that is a failure, even for a name that does not say video.
      fail(file, ImportError.fromFs(err).message);
      return;
    }
    const decision = decideProbe(file, head);
    if (explicit || decision.probe) {
      out.files.push({ path: file, sizeBytes: stat.size, claimsVideo: explicit || decision.claimsVideo });
      options.onFound?.(out.files.length);
    } else {
      out.ignored.push({ path: file, reason: decision.reason ?? 'not a video' });
    }
  }

  async function visitDir(dir: string): Promise<void> {
    options.signal?.throwIfAborted();
    let real: string;
    try {
      real = await fs.promises.realpath(dir);
    } catch (err) {
      fail(dir, folderError(err));
      return;
    }
    if (seenDirs.has(real)) {
      out.ignored.push({ path: dir, reason: `a link to a folder already scanned (${real})` });
      return;
    }
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
      fail(dir, folderError(err));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await visitDir(full);
      else if (entry.isFile()) await visitStat(full, false);
      else if (entry.isSymbolicLink()) await visitStat(full, false);
      else out.ignored.push({ path: full, reason: 'not a regular file (a pipe, socket or device)' });
    }
  }

  /** Follows links; a link that leads nowhere or in a circle is a failure when its name says video. */
  async function visitStat(p: string, explicit: boolean): Promise<void> {
    const excluded = options.exclude?.get(p);
    if (excluded !== undefined) {
      out.ignored.push({ path: p, reason: excluded });
      return;
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const isLink = await fs.promises.lstat(p).then(
        (s) => s.isSymbolicLink(),
        () => false,
      );
      const reason = isLink && code === 'ENOENT' ? 'is a symbolic link to something that does not exist' : ImportError.fromFs(err).message;
      if (explicit || VIDEO_EXTENSIONS.has(extensionOf(p))) fail(p, reason);
      else out.ignored.push({ path: p, reason });
      return;
    }
    if (stat.isDirectory()) await visitDir(p);
    else if (stat.isFile()) await visitFile(p, stat, explicit);
    else if (explicit) fail(p, 'is not a regular file (a device, pipe or socket): copy the recording to a file first');
    else out.ignored.push({ path: p, reason: 'not a regular file (a pipe, socket or device)' });
  }

  for (const root of roots) await visitStat(path.resolve(root), true);
  return out;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function folderError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM')
    return 'folder cannot be read (permission denied): its files were not scanned; ask for read access';
  return `folder cannot be read (${ImportError.fromFs(err).message}): its files were not scanned`;
}
