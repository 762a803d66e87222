// Builds resources/models/<name>.onnx from the installed source package and
// holds each file to the SHA-256 in the manifest, so every install scores with
// byte-identical models. Run as a script after `tsc -p src-main`:
//   node dist-tools/tools/models/buildModels.js [--force] [--out-dir DIR] [--write-manifest]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { convertModel } from './convertModel.js';
import {
  defaultModelsDir,
  readManifest,
  writeManifest,
  type ModelManifest,
  type ModelName,
} from '../../src-main/analysis/models/manifest.js';
import { sha256OfFile } from '../../src-main/analysis/models/sha256.js';
import { pinnedSourcePackage } from './sourcePackage.js';

export interface BuildModelsOptions {
  /** Where the .onnx files go; defaults to the folder of the manifest. */
  outDir?: string;
  /** Fail unless every produced file (and source file) has the manifest's hash. */
  check: boolean;
  /** Convert even when the output already has the manifest's hash. */
  force?: boolean;
  /** Folder of manifest.json; defaults to resources/models. */
  manifestDir?: string;
  /** Only these models; all by default. */
  models?: readonly ModelName[];
  log?: (line: string) => void;
}

export interface BuiltModel {
  name: ModelName;
  file: string;
  sha256: string;
  expected: string;
  /** up-to-date: the file was already right and left alone; built: converted and written. */
  status: 'up-to-date' | 'built';
  sourceFiles: { path: string; sha256: string }[];
}

export class ModelBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Model build failed:\n  ${problems.join('\n  ')}\n` +
        `If the converter or the source package changed on purpose, re-record the hashes with --write-manifest and review the manifest diff.`,
    );
    this.name = 'ModelBuildError';
  }
}

export function buildModels(options: BuildModelsOptions): BuiltModel[] {
  const manifestDir = options.manifestDir ?? defaultModelsDir();
  const outDir = options.outDir ?? manifestDir;
  const log = options.log ?? (() => {});
  const manifest = readManifest(manifestDir);
  const entries = manifest.models.filter((m) => !options.models || options.models.includes(m.name));
  fs.mkdirSync(outDir, { recursive: true });
  const problems: string[] = [];
  const results: BuiltModel[] = [];
  for (const entry of entries) {
    const pkg = pinnedSourcePackage(entry.source.package, entry.source.version);
    const file = path.join(outDir, entry.onnx.file);
    const expected = entry.onnx.sha256;
    if (!options.force && sha256OfFile(file) === expected) {
      log(`${entry.name}: up to date (${file})`);
      results.push({ name: entry.name, file, sha256: expected, expected, status: 'up-to-date', sourceFiles: entry.source.files });
      continue;
    }
    const converted = convertModel(entry, pkg.dir);
    if (options.check) {
      const before = problems.length;
      converted.sourceFiles.forEach((f, i) => {
        const pinned = entry.source.files[i]?.sha256;
        if (f.sha256 !== pinned)
          problems.push(`Model "${entry.name}": source file ${pkg.name}/${f.path} has SHA-256 ${f.sha256}, the manifest expects ${pinned}`);
      });
      if (converted.sha256 !== expected)
        problems.push(`Model "${entry.name}": the converted ONNX has SHA-256 ${converted.sha256}, the manifest expects ${expected}`);
      if (problems.length > before) continue; // a file that fails its hash is never written
    }
    writeAtomically(file, converted.bytes);
    log(`${entry.name}: built ${file} (${converted.bytes.byteLength} bytes, sha256 ${converted.sha256})`);
    results.push({ name: entry.name, file, sha256: converted.sha256, expected, status: 'built', sourceFiles: converted.sourceFiles });
  }
  if (problems.length > 0) throw new ModelBuildError(problems);
  return results;
}

/** The manifest with the hashes of these build results recorded. */
export function withRecordedHashes(manifest: ModelManifest, results: readonly BuiltModel[]): ModelManifest {
  return {
    ...manifest,
    models: manifest.models.map((entry) => {
      const built = results.find((r) => r.name === entry.name);
      if (!built) return entry;
      return { ...entry, source: { ...entry.source, files: built.sourceFiles }, onnx: { ...entry.onnx, sha256: built.sha256 } };
    }),
  };
}

/** Another process (a parallel test, a second build) never sees half a file. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
}

const USAGE = 'Usage: node dist-tools/tools/models/buildModels.js [--force] [--out-dir DIR] [--write-manifest]';

function main(argv: string[]): void {
  const { values } = parseArgsOrUsage(argv);
  const log = (line: string): void => console.log(line);
  const outDir = values['out-dir'] ? path.resolve(values['out-dir']) : undefined;
  if (values['write-manifest']) {
    const results = buildModels({ check: false, force: true, outDir, log });
    const before = readManifest();
    writeManifest(withRecordedHashes(before, results));
    for (const r of results) {
      const old = before.models.find((m) => m.name === r.name)?.onnx.sha256;
      log(`${r.name}: ${old === r.sha256 ? 'hash unchanged' : `recorded ${r.sha256} (was ${old})`}`);
    }
    return;
  }
  buildModels({ check: true, force: values.force, outDir, log });
}

function parseArgsOrUsage(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        'write-manifest': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'out-dir': { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
}

const invokedAs = process.argv[1];
if (invokedAs && import.meta.url === pathToFileURL(fs.realpathSync(invokedAs)).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
