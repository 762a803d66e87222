import crypto from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import type { Db } from './openStore.js';

/**
 * The case's state, sealed row by row into the audit chain. Each audit entry
 * names the rows its action created or changed ("refs") with a hash of each
 * row's content as the action left it; `verify` recomputes those hashes from
 * the rows and finds every row that was changed, added or removed without an
 * entry. What a ref covers:
 *
 * - `case:1`: the case's own row (its id, which names its anchor log);
 * - `case_details:1`: the case number, exhibit, requester… reports carry;
 * - `recording:<id>`: the recording row and its frame table;
 * - `location:<recordingId>:<path>`: a path the recording's bytes were seen at;
 * - `analysis:<id>`: the analysis row and, once it is no longer running, all of
 *   its stored frames (a running analysis changes with every chunk, unaudited:
 *   its progress and chunks are sealed when it completes or fails);
 * - `spotting_run:<id>`, `annotation:<id>`, `annotation_edit:<id>`, `proxy:<id>`, `coding_pass:<id>`.
 *
 * A migration that adds a column to one of these tables changes the hash of
 * every row in it: it must seal them again in the same transaction.
 */
export type StateRef = string;

export const stateRef = {
  case: (): StateRef => 'case:1',
  caseDetails: (): StateRef => 'case_details:1',
  recording: (id: number): StateRef => `recording:${id}`,
  location: (recordingId: number, path: string): StateRef => `location:${recordingId}:${path}`,
  analysis: (id: number): StateRef => `analysis:${id}`,
  spottingRun: (id: number): StateRef => `spotting_run:${id}`,
  annotation: (id: number): StateRef => `annotation:${id}`,
  codingPass: (id: number): StateRef => `coding_pass:${id}`,
  annotationEdit: (id: number): StateRef => `annotation_edit:${id}`,
  proxy: (id: number): StateRef => `proxy:${id}`,
};

interface SealedTable {
  kind: string;
  table: string;
  /** The primary key's columns, in the ref's order (the last may hold ':'). */
  keys: string[];
  /** What the row is called in a message. */
  describe(key: string[]): string;
  /** The content hash of a row (the default: the row itself). */
  hash?(db: Db, row: Row): string;
}

type Row = Record<string, unknown>;

const SEALED: readonly SealedTable[] = [
  { kind: 'case', table: 'case_info', keys: ['id'], describe: () => 'the case information (its id)' },
  { kind: 'case_details', table: 'case_details', keys: ['id'], describe: () => "the case's details (case number, exhibit, requester…)" },
  { kind: 'recording', table: 'recordings', keys: ['id'], describe: ([id]) => `recording #${id}`, hash: recordingHash },
  {
    kind: 'location',
    table: 'recording_locations',
    keys: ['recording_id', 'path'],
    describe: ([id, p]) => `the location of recording #${id} at ${p}`,
  },
  { kind: 'analysis', table: 'analyses', keys: ['id'], describe: ([id]) => `analysis #${id}`, hash: analysisHash },
  { kind: 'spotting_run', table: 'spotting_runs', keys: ['id'], describe: ([id]) => `spotting run #${id}` },
  { kind: 'annotation', table: 'annotations', keys: ['id'], describe: ([id]) => `annotation #${id}` },
  { kind: 'coding_pass', table: 'coding_passes', keys: ['id'], describe: ([id]) => `coding pass #${id}` },
  { kind: 'annotation_edit', table: 'annotation_edits', keys: ['id'], describe: ([id]) => `annotation edit #${id} (undo history)` },
  { kind: 'proxy', table: 'proxies', keys: ['id'], describe: ([id]) => `review proxy attempt #${id}` },
];

const BY_KIND = new Map(SEALED.map((t) => [t.kind, t]));

/** The hash of the row a ref names, as it is now; null when there is no such row. */
export function stateHash(db: Db, ref: StateRef): string | null {
  const { table, key } = parseRef(ref);
  const where = table.keys.map((k) => `${k} = ?`).join(' AND ');
  const row = db.prepare(`SELECT * FROM ${table.table} WHERE ${where}`).get(...key.map((v, i) => keyValue(table, i, v))) as Row | undefined;
  return row ? hashRow(db, table, row) : null;
}

/** Every row of every sealed table, with its ref and its hash now. */
export function* currentState(db: Db): Generator<{ ref: StateRef; hash: string }> {
  for (const table of SEALED) {
    if (!tableExists(db, table.table)) continue;
    const order = table.keys.join(', ');
    for (const row of db.prepare(`SELECT * FROM ${table.table} ORDER BY ${order}`).iterate() as IterableIterator<Row>) {
      yield { ref: refOf(table, row), hash: hashRow(db, table, row) };
    }
  }
}

/** Every ref of the case now: what a seal of the whole state names. */
export function allRefs(db: Db): StateRef[] {
  return [...currentState(db)].map((s) => s.ref);
}

/** "annotation #7", "recording #3", …: a ref as a reader says it. */
export function describeRef(ref: StateRef): string {
  try {
    const { table, key } = parseRef(ref);
    return table.describe(key);
  } catch {
    return ref;
  }
}

/** Whether an analysis ref names one still running (its frames are not sealed yet). */
export function isRunningAnalysis(db: Db, ref: StateRef): boolean {
  if (!ref.startsWith('analysis:')) return false;
  const row = db.prepare('SELECT status FROM analyses WHERE id = ?').get(Number(ref.slice('analysis:'.length))) as
    { status: string } | undefined;
  return row?.status === 'running';
}

/**
 * Rows that belong to a sealed row but have none (frames of an analysis or a
 * frame table whose parent row is missing): they can only have been added or
 * left behind outside Micromoment.
 */
export function orphanRows(db: Db): string[] {
  const found: string[] = [];
  const chunks = db
    .prepare('SELECT DISTINCT analysis_id AS id FROM analysis_chunks WHERE analysis_id NOT IN (SELECT id FROM analyses)')
    .all() as { id: number }[];
  for (const { id } of chunks) found.push(`stored frames of analysis #${id}, which is not in the case`);
  const tables = db.prepare('SELECT recording_id AS id FROM frame_tables WHERE recording_id NOT IN (SELECT id FROM recordings)').all() as {
    id: number;
  }[];
  for (const { id } of tables) found.push(`a frame table of recording #${id}, which is not in the case`);
  return found;
}

function parseRef(ref: StateRef): { table: SealedTable; key: string[] } {
  const colon = ref.indexOf(':');
  const table = colon > 0 ? BY_KIND.get(ref.slice(0, colon)) : undefined;
  if (!table) throw new Error(`unknown state ref "${ref}"`);
  const rest = ref.slice(colon + 1);
  const key: string[] = [];
  let from = 0;
  for (let i = 0; i < table.keys.length - 1; i++) {
    const next = rest.indexOf(':', from);
    if (next < 0) throw new Error(`malformed state ref "${ref}"`);
    key.push(rest.slice(from, next));
    from = next + 1;
  }
  key.push(rest.slice(from));
  return { table, key };
}

function refOf(table: SealedTable, row: Row): StateRef {
  return `${table.kind}:${table.keys.map((k) => String(row[k])).join(':')}`;
}

/** Integer keys are bound as numbers (SQLite compares 3 and '3' as different). */
function keyValue(table: SealedTable, index: number, value: string): string | number {
  return table.keys[index] === 'path' ? value : Number(value);
}

function hashRow(db: Db, table: SealedTable, row: Row): string {
  return table.hash ? table.hash(db, row) : sha256(`${table.table}\n${rowJson(row)}`);
}

function recordingHash(db: Db, row: Row): string {
  const frameTable = db.prepare('SELECT * FROM frame_tables WHERE recording_id = ?').get(row.id) as Row | undefined;
  return sha256(`recordings\n${rowJson(row)}\nframe_tables\n${frameTable ? rowJson(frameTable) : 'none'}`);
}

/** A running analysis: its identity and status only. Otherwise the whole row and every stored frame. */
function analysisHash(db: Db, row: Row): string {
  if (row.status === 'running') {
    const { frames_done: _progress, ...identity } = row;
    return sha256(`analyses\n${rowJson(identity)}`);
  }
  const hash = crypto.createHash('sha256').update(`analyses\n${rowJson(row)}\nanalysis_chunks`);
  const chunks = db
    .prepare(
      'SELECT chunk_index, first_frame, frame_count, vals, landmarks FROM analysis_chunks WHERE analysis_id = ? ORDER BY chunk_index',
    )
    .iterate(row.id) as IterableIterator<{
    chunk_index: number;
    first_frame: number;
    frame_count: number;
    vals: Buffer;
    landmarks: Buffer;
  }>;
  for (const c of chunks) {
    hash
      .update(`\n${c.chunk_index} ${c.first_frame} ${c.frame_count} ${c.vals.length} ${c.landmarks.length}\n`)
      .update(c.vals)
      .update(c.landmarks);
  }
  return hash.digest('hex');
}

/** The row as canonical JSON, blobs by their SHA-256 and length. */
function rowJson(row: Row): string {
  const plain: Row = {};
  for (const [k, v] of Object.entries(row)) {
    plain[k] = Buffer.isBuffer(v) ? { sha256: sha256(v), bytes: v.length } : typeof v === 'bigint' ? v.toString() : v;
  }
  return canonicalJson(plain);
}

function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}
