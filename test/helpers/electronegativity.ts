// Runs @doyensec/electronegativity (Doyensec's Electron security linter) over a
// folder, offline. The tool asks the network twice: for translations at start
// (it falls back to its bundled English when that fails) and, in one global
// check, for Electron's release list. Here its HTTP client is replaced by one
// that fails at once without sending anything, and the release-list check is
// left out: whether a newer Electron exists is a question for the packaging
// machine, which has the internet (see README "Packaging").
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface Finding {
  id: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  file: string;
  line: number;
  sample: string;
  manualReview: boolean;
}
export interface ScanResult {
  findings: Finding[];
  parseErrors: { file: string; message: string }[];
  checks: number;
  files: number;
}

export const OFFLINE_EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

type RawIssue = {
  id: string;
  severity: { name: Finding['severity'] };
  confidence: { name: string };
  file: string;
  location: { line: number };
  sample: string;
  manualReview: boolean;
};
type Runner = (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{
  issues: RawIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
  globalChecks: number;
  atomicChecks: number;
}>;

function offlineRunner(): Runner {
  const require = createRequire(import.meta.url);
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = toolRequire.resolve('got');
  const refuse = () => Promise.reject(new Error('no network: Micromoment scans offline'));
  const offlineGot = Object.assign(refuse, { head: refuse, get: refuse, default: refuse, __esModule: true });
  (offlineGot as { default: unknown }).default = offlineGot;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot } as unknown as NodeJS.Module;
  return toolRequire('@doyensec/electronegativity') as Runner;
}

/** Files electronegativity reads (it skips .cts/.mts, so those are copied as .ts). */
function stage(sources: string[], root: string, into: string): number {
  let count = 0;
  const copy = (from: string) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const full = path.join(from, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') copy(full);
        continue;
      }
      if (!/\.(c|m)?tsx?$|\.(c|m)?js$|\.html?$|^package\.json$/.test(entry.name)) continue;
      const target = path
        .join(into, path.relative(root, full))
        .replace(/\.(c|m)ts$/, '.ts')
        .replace(/\.(c|m)js$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
      count += 1;
    }
  };
  for (const source of sources) {
    const full = path.join(root, source);
    if (fs.statSync(full).isDirectory()) copy(full);
    else {
      fs.mkdirSync(path.dirname(path.join(into, source)), { recursive: true });
      fs.copyFileSync(full, path.join(into, source));
      count += 1;
    }
  }
  return count;
}

/** Scans `sources` (paths relative to `root`: folders and files, package.json among them for the Electron version). */
export async function scanWithElectronegativity(root: string, sources: string[], workDir: string): Promise<ScanResult> {
  const staged = path.join(workDir, 'scanned');
  fs.rmSync(staged, { recursive: true, force: true });
  const files = stage(sources, root, staged);
  const run = offlineRunner();
  const result = await run(
    {
      input: staged,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: OFFLINE_EXCLUDED_CHECKS,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: undefined,
      parserPlugins: [],
    },
    false,
  );
  return {
    findings: result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file,
      line: i.location.line,
      sample: String(i.sample ?? '')
        .trim()
        .slice(0, 120),
      manualReview: i.manualReview,
    })),
    parseErrors: result.errors.filter((e) => !e.tolerable).map((e) => ({ file: path.relative(staged, e.file), message: e.message })),
    checks: result.globalChecks + result.atomicChecks,
    files,
  };
}

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings
    .map((f) => `  ${f.severity.padEnd(13)} ${f.id.padEnd(42)} ${f.file}:${f.line}${f.manualReview ? ' (review)' : ''}  ${f.sample}`)
    .join('\n');
}
