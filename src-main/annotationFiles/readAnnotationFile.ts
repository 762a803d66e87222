import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EMOTIONS, type Emotion } from '../../src-shared/analysis/emotions.js';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { readCsv } from '../evaluation/csv.js';
import { AnnotationFileRefused, type AnnotationFile } from './importedEvent.js';
import { readAnnotationCsv } from './readAnnotationCsv.js';
import { readEaf, type TierMapping } from './readEaf.js';

/** Larger files are refused before they are read: no annotation file of one recording comes near it. */
export const MAX_ANNOTATION_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads an annotation file made elsewhere (ELAN's .eaf, Micromoment's own CSV,
 * or a plain CSV in frames or seconds) as events in frames of this recording.
 * The file must be UTF-8 (a byte-order mark is allowed); any problem refuses it
 * whole (AnnotationFileRefused, every problem named). Reads only.
 */
export function readAnnotationFile(file: string, table: FrameTable, mapFile?: string): AnnotationFile {
  const name = path.basename(file);
  const mapping = mapFile ? readMapping(mapFile) : null;
  const map = mapping?.map ?? new Map<string, TierMapping>();
  const bytes = readBytes(file, name);
  const text = utf8(bytes, name);
  const hashes = { sha256: sha256(bytes), mapSha256: mapping?.sha256 ?? null };
  const isEaf = /\.eaf$/i.test(file) || /^\s*(<\?xml[^>]*>\s*)?<ANNOTATION_DOCUMENT[\s>]/.test(text.slice(0, 4096));
  if (isEaf) {
    const r = readEaf(text, table, map);
    if (r.problems.length) throw new AnnotationFileRefused(name, r.problems);
    return { format: 'eaf', events: r.events, skipped: r.skipped, ...hashes };
  }
  const r = readAnnotationCsv(text, table, map);
  if (r.problems.length || !r.format) throw new AnnotationFileRefused(name, r.problems);
  return { format: r.format, events: r.events, skipped: r.skipped, ...hashes };
}

/** The file's bytes, refused before reading when larger than any annotation file. */
function readBytes(file: string, name: string): Buffer {
  const size = fs.statSync(file).size;
  if (size > MAX_ANNOTATION_FILE_BYTES)
    throw new AnnotationFileRefused(name, [`it is ${size} bytes, more than an annotation file can be (${MAX_ANNOTATION_FILE_BYTES})`]);
  return fs.readFileSync(file);
}

function utf8(bytes: Buffer, name: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new AnnotationFileRefused(name, ['it is not UTF-8 text (save it as UTF-8)']);
  }
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/**
 * A mapping file: one line per tier or label, `name,emotion` (one of the seven,
 * "no emotion", or "ignore"), as CSV.
 */
export function readMapping(mapFile: string): { map: Map<string, TierMapping>; sha256: string } {
  const name = path.basename(mapFile);
  const map = new Map<string, TierMapping>();
  const problems: string[] = [];
  const allowed: readonly string[] = [...EMOTIONS, 'no emotion', 'ignore'];
  const bytes = readBytes(mapFile, name);
  for (const record of readCsv(utf8(bytes, name))) {
    const [from, to] = record.fields.map((f) => f.trim());
    if (!from || !to || !allowed.includes(to.toLowerCase())) {
      problems.push(`line ${record.line}: expected "tier or label,emotion" with an emotion of ${allowed.join(', ')}`);
      continue;
    }
    map.set(from, to.toLowerCase() as Emotion | 'no emotion' | 'ignore');
  }
  if (problems.length) throw new AnnotationFileRefused(name, problems);
  return { map, sha256: sha256(bytes) };
}
