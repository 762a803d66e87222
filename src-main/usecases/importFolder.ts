import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../src-shared/domain/recording.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import type { AppContext } from '../app/context.js';
import { importRecording } from './importRecording.js';

/** Extensions of the containers interview recordings come in; anything else in a folder is left alone. */
const RECORDING_EXTENSIONS = new Set([
  '.mp4',
  '.m4v',
  '.mov',
  '.mkv',
  '.webm',
  '.avi',
  '.mpg',
  '.mpeg',
  '.m2v',
  '.vob',
  '.ts',
  '.mts',
  '.m2ts',
  '.wmv',
  '.asf',
  '.flv',
  '.3gp',
  '.mxf',
  '.dv',
  '.ogv',
]);

export function isRecordingFileName(name: string): boolean {
  return RECORDING_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/**
 * Every recording file under `folder` (subfolders included, symbolic links to
 * folders not followed, so a link loop cannot trap the walk), in path order,
 * and how many other files were left out.
 */
export function listRecordingFiles(folder: string): { files: string[]; skipped: number } {
  const files: string[] = [];
  let skipped = 0;
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isRecordingFileName(entry.name)) files.push(full);
      else skipped += 1;
    }
  };
  walk(folder);
  return { files, skipped };
}

/** Imports a folder's recordings one after another; each file fails alone, as in importRecordings. */
export async function importFolder(ctx: AppContext, givenPath: string): Promise<{ results: ImportResult[]; skipped: number }> {
  const folder = path.resolve(givenPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new ApiError('invalid-arguments', `${folder} does not exist: check the path.`);
  }
  if (!stat.isDirectory()) throw new ApiError('invalid-arguments', `${folder} is a file, not a folder: import it as a file.`);
  let listing: { files: string[]; skipped: number };
  try {
    listing = listRecordingFiles(folder);
  } catch (err) {
    throw new ApiError(
      'failed',
      `Cannot read the folder ${folder} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check its permissions.`,
    );
  }
  const results: ImportResult[] = [];
  const total = listing.files.length;
  for (const [i, file] of listing.files.entries()) {
    ctx.emit('import.files', { folder, done: i, total, current: file });
    results.push(await importRecording(ctx, file));
  }
  ctx.emit('import.files', { folder, done: total, total, current: null });
  return { results, skipped: listing.skipped };
}
