import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * Where proxies live: `<data folder>/proxies/`, never beside the evidence.
 * A finished proxy is named by content: `<original sha256>-<first 16 hex of
 * the proxy's own sha256>.mp4`, so two cases that made the same proxy share
 * one file and a file is never replaced by different bytes under its name.
 * Work in progress is a dot-file with `.tmp-` in its name, renamed into place
 * only once verified.
 */
export const PROXY_FOLDER = 'proxies';

export function proxyFolder(dataDir: string): string {
  return path.join(dataDir, PROXY_FOLDER);
}

export function proxyTempPath(dataDir: string, originalSha256: string): string {
  return path.join(proxyFolder(dataDir), `.tmp-${originalSha256.slice(0, 16)}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.mp4`);
}

/** The stored path (relative to the data folder, with forward slashes) of a finished proxy. */
export function proxyRelPath(originalSha256: string, proxySha256: string): string {
  return `${PROXY_FOLDER}/${originalSha256}-${proxySha256.slice(0, 16)}.mp4`;
}

/**
 * The absolute path of a stored relative path, or null if it would leave the
 * proxy folder: the store is ours, but a path read back is still checked.
 */
export function resolveProxyPath(dataDir: string, relPath: string): string | null {
  const folder = path.resolve(proxyFolder(dataDir));
  const absolute = path.resolve(dataDir, ...relPath.split('/'));
  return path.dirname(absolute) === folder && /^[0-9a-f]{64}-[0-9a-f]{16}\.mp4$/.test(path.basename(absolute)) ? absolute : null;
}

/**
 * Removes work files a stopped or crashed process left: those whose process
 * (the pid in the name) is gone, and any older than `ageMs`. They were never in use.
 */
export function removeStaleProxyTemps(dataDir: string, ageMs = 24 * 60 * 60_000): number {
  const folder = proxyFolder(dataDir);
  let removed = 0;
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return 0;
  }
  const cutoff = Date.now() - ageMs;
  for (const entry of entries) {
    if (!entry.startsWith('.tmp-')) continue;
    const file = path.join(folder, entry);
    const pid = Number(/^\.tmp-[0-9a-f]+-(\d+)-/.exec(entry)?.[1]);
    try {
      if (!processAlive(pid) || fs.statSync(file).mtimeMs < cutoff) {
        fs.rmSync(file, { force: true });
        removed += 1;
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return removed;
}

/** Whether a process with this id runs on this machine (a process we may not signal still runs). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
