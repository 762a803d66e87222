// Ground truth in CSV or JSON (README.md): one interval per row or item, with
// onset, offset (inclusive frame numbers), optional apex, emotion and kind.
import { readCsv } from './csv.js';
import { normaliseEmotion } from './emotionLabels.js';
import { kindFromDuration, type ExpressionKind, type LabelledInterval } from './intervals.js';

export interface TruthOptions {
  /**
   * Frame rate used to derive a missing kind from the duration ((offset − onset + 1) / fps ≤ microMaxS → micro);
   * a JSON file's own "fps" is used when this is not given.
   */
  fps?: number;
  /** Longest micro expression, seconds (0.5). */
  microMaxS?: number;
  /** Number of the first frame in the file: 0 (default) or 1 for annotations that count from 1; subtracted from onset, apex and offset. */
  frameBase?: number;
}

type Field = 'onset' | 'offset' | 'apex' | 'emotion' | 'kind';

/** Accepted names of each field (compared lowercase, without spaces, _ and -). */
const FIELD_NAMES: Record<Field, readonly string[]> = {
  onset: ['onset', 'onsetframe', 'start', 'startframe'],
  offset: ['offset', 'offsetframe', 'end', 'endframe'],
  apex: ['apex', 'apexframe'],
  emotion: ['emotion', 'label', 'estimatedemotion'],
  kind: ['kind', 'type', 'expressiontype'],
};

function fieldOf(name: string): Field | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return (Object.keys(FIELD_NAMES) as Field[]).find((f) => FIELD_NAMES[f].includes(key));
}

/** micro / macro from the usual spellings: micro, me, micro-expression, "Micro - 1/2" (SAMM); macro, mae, macro-expression. */
export function parseKind(value: string): ExpressionKind | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'me' || v.startsWith('micro')) return 'micro';
  if (v === 'mae' || v.startsWith('macro')) return 'macro';
  return undefined;
}

export function parseTruth(text: string, format: 'csv' | 'json', options: TruthOptions = {}): LabelledInterval[] {
  if (options.fps !== undefined && !(Number.isFinite(options.fps) && options.fps > 0))
    throw new Error(`fps must be a positive number, got ${options.fps}`);
  const base = options.frameBase ?? 0;
  if (!Number.isInteger(base) || base < 0) throw new Error(`frameBase must be a whole number ≥ 0, got ${base}`);
  if (format === 'csv') return parseTruthCsv(text, options, base);
  if (format === 'json') return parseTruthJson(text, options, base);
  throw new Error(`unknown ground-truth format "${String(format)}": use csv or json`);
}

interface RawInterval {
  onset: unknown;
  offset: unknown;
  apex?: unknown;
  emotion?: unknown;
  kind?: unknown;
}

function parseTruthCsv(text: string, options: TruthOptions, base: number): LabelledInterval[] {
  const records = readCsv(text);
  const header = records[0];
  if (!header)
    throw new Error(
      'the ground-truth CSV is empty: it needs a header line (onset,offset[,apex][,emotion][,kind]) and one line per interval',
    );
  const columns = new Map<Field, number>();
  header.fields.forEach((name, c) => {
    const f = fieldOf(name);
    if (f && !columns.has(f)) columns.set(f, c);
  });
  for (const required of ['onset', 'offset'] as const) {
    if (!columns.has(required))
      throw new Error(
        `line ${header.line}: the header has no "${required}" column (found: ${header.fields.map((f) => f.trim()).join(', ')})`,
      );
  }
  return records.slice(1).map((r) => {
    const cell = (f: Field): string | undefined => {
      const c = columns.get(f);
      return c === undefined ? undefined : r.fields[c]?.trim();
    };
    const raw: RawInterval = {
      onset: cell('onset') ?? '',
      offset: cell('offset') ?? '',
      apex: cell('apex'),
      emotion: cell('emotion'),
      kind: cell('kind'),
    };
    return toInterval(raw, `line ${r.line}`, options.fps, options, base, 'csv');
  });
}

function parseTruthJson(text: string, options: TruthOptions, base: number): LabelledInterval[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`the ground truth is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  let items: unknown;
  let fps = options.fps;
  let path = '';
  if (Array.isArray(data)) items = data;
  else if (data !== null && typeof data === 'object' && Array.isArray((data as { intervals?: unknown }).intervals)) {
    items = (data as { intervals: unknown }).intervals;
    path = 'intervals';
    const fileFps = (data as { fps?: unknown }).fps;
    if (fps === undefined && fileFps !== undefined) {
      if (typeof fileFps !== 'number' || !(fileFps > 0)) throw new Error(`fps: expected a positive number, got ${JSON.stringify(fileFps)}`);
      fps = fileFps;
    }
  } else {
    throw new Error('the ground-truth JSON must be an array of intervals or an object with an "intervals" array');
  }
  return (items as unknown[]).map((item, i) => {
    const where = `${path}[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      throw new Error(`${where}: expected an object with onset and offset, got ${JSON.stringify(item)}`);
    const o = item as Record<string, unknown>;
    const pick = (a: string, b: string): unknown => (o[a] !== undefined ? o[a] : o[b]);
    const raw: RawInterval = {
      onset: pick('onset', 'onsetFrame'),
      offset: pick('offset', 'offsetFrame'),
      apex: pick('apex', 'apexFrame'),
      emotion: o.emotion,
      kind: o.kind,
    };
    return toInterval(raw, where, fps, options, base, 'json');
  });
}

function frameNumber(value: unknown, name: string, where: string, base: number, format: 'csv' | 'json'): number {
  let n: number;
  if (format === 'csv' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) n = Number(value);
  else if (format === 'json' && typeof value === 'number') n = value;
  else n = Number.NaN;
  if (!Number.isInteger(n)) {
    const shown = value === undefined || value === '' ? 'nothing' : JSON.stringify(value);
    throw new Error(`${where}: ${name} must be a whole frame number, got ${shown}`);
  }
  if (n - base < 0) throw new Error(`${where}: ${name} ${n} is before the first frame (${base})`);
  return n - base;
}

function toInterval(
  raw: RawInterval,
  where: string,
  fps: number | undefined,
  options: TruthOptions,
  base: number,
  format: 'csv' | 'json',
): LabelledInterval {
  const onset = frameNumber(raw.onset, 'onset', where, base, format);
  const offset = frameNumber(raw.offset, 'offset', where, base, format);
  if (offset < onset) throw new Error(`${where}: offset ${offset + base} is before onset ${onset + base}`);
  const interval: LabelledInterval = { onset, offset, kind: 'micro' };

  const apexUnknown = raw.apex === undefined || raw.apex === null || raw.apex === '' || raw.apex === -1 || raw.apex === '-1';
  if (!apexUnknown) {
    const apex = frameNumber(raw.apex, 'apex', where, base, format);
    if (apex < onset || apex > offset)
      throw new Error(`${where}: apex ${apex + base} is outside onset..offset (${onset + base}..${offset + base})`);
    interval.apex = apex;
  }

  if (raw.emotion !== undefined && raw.emotion !== null) {
    if (typeof raw.emotion !== 'string') throw new Error(`${where}: emotion must be text, got ${JSON.stringify(raw.emotion)}`);
    const emotion = normaliseEmotion(raw.emotion);
    if (emotion !== undefined) interval.emotion = emotion;
  }

  const kindText = raw.kind === undefined || raw.kind === null ? '' : raw.kind;
  if (typeof kindText !== 'string') throw new Error(`${where}: kind must be micro or macro, got ${JSON.stringify(raw.kind)}`);
  if (kindText.trim() !== '') {
    const kind = parseKind(kindText);
    if (!kind) throw new Error(`${where}: kind must be micro or macro, got ${JSON.stringify(kindText)}`);
    interval.kind = kind;
  } else {
    if (fps === undefined)
      throw new Error(`${where}: no kind, and no fps to derive it from the duration (give the frame rate, or a kind column)`);
    interval.kind = kindFromDuration(interval, fps, options.microMaxS ?? 0.5);
  }
  return interval;
}
