import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { analyzeFileInMemory } from '../../src-main/usecases/analyzeFile.js';
import { readManifest } from '../../src-main/analysis/models/manifest.js';

export interface CachedAnalysis {
  table: FrameTable;
  values: Float32Array;
  landmarks: Int16Array;
  /** True when the rows came from the cache (said in the benchmark's output). */
  cached: boolean;
}

const CACHE_DIR = path.join(os.tmpdir(), 'micromoment-bench', 'analyses');

/**
 * A recording's per-frame analysis, made once and kept in the system's
 * temporary folder, so the spotting benchmark can be run again and again while
 * the spotter changes. The key is the file's bytes, the models' hashes and the
 * compiled analysis code itself (every file under analysis/ next to this one's
 * build): any change to any of them makes a fresh analysis.
 */
export async function cachedAnalysis(file: string): Promise<CachedAnalysis> {
  const key = cacheKey(file);
  const cacheFile = path.join(CACHE_DIR, `${key}.v8`);
  if (process.env.MICROMOMENT_BENCH_NO_CACHE !== '1' && fs.existsSync(cacheFile)) {
    const stored = v8.deserialize(fs.readFileSync(cacheFile)) as Omit<CachedAnalysis, 'cached'>;
    return { ...stored, cached: true };
  }
  const analysis = await analyzeFileInMemory(file);
  const result = { table: analysis.table, values: analysis.values, landmarks: analysis.landmarks };
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${cacheFile}.${process.pid}`;
  fs.writeFileSync(tmp, v8.serialize(result));
  fs.renameSync(tmp, cacheFile);
  return { ...result, cached: false };
}

function cacheKey(file: string): string {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(file));
  hash.update(JSON.stringify(readManifest()));
  const analysisCode = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src-main', 'analysis');
  for (const f of (fs.readdirSync(analysisCode, { recursive: true }) as string[]).filter((n) => n.endsWith('.js')).sort()) {
    hash.update(f).update(fs.readFileSync(path.join(analysisCode, f)));
  }
  return hash.digest('hex').slice(0, 32);
}
