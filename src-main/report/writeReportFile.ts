import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OutputRefused } from '../usecases/outputGuard.js';
import type { Db } from '../store/openStore.js';
import { allLocationPaths } from '../store/recordingsRepo.js';

/**
 * Checks an output path before any work: its folder exists, it is not a
 * folder, it is not a copy of any original in the case (evidence is never
 * written), and it exists only when overwriting was asked for. (The case's
 * own files were refused earlier, before the case was opened: outputGuard.ts.)
 */
export function checkOutputPath(db: Db, file: string, overwrite: boolean): string {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new OutputRefused(`cannot write ${target}: the folder ${dir} does not exist`);
  const real = fs.existsSync(target) ? fs.realpathSync(target) : target;
  const originals = allLocationPaths(db);
  if (originals.some((p) => p === target || p === real))
    throw new OutputRefused(`refusing to write ${target}: it is an original recording of this case, and originals are never written`);
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new OutputRefused(`cannot write ${target}: it is a folder; give a file name`);
    if (!overwrite) throw new OutputRefused(`${target} exists: choose another name, or pass --overwrite to replace it`);
  }
  return target;
}

/** Writes the whole file under a temporary name beside it, flushes it, then renames it into place: never a half-written report. */
export function writeFileAtomically(target: string, bytes: Buffer): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
