// The build is reproducible and guarded: converting twice gives the same bytes,
// the bytes are the ones the manifest records, an output that is already right
// is left alone, and a hash that differs fails naming the model and both hashes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildModels, ModelBuildError } from '../../../tools/models/buildModels.js';
import { convertModel } from '../../../tools/models/convertModel.js';
import { defaultModelsDir, MANIFEST_FILE, MODEL_NAMES, modelEntry, readManifest } from '../../../src-main/analysis/models/manifest.js';
import { resolvePackageDir } from '../../../tools/models/sourcePackage.js';

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'micromoment-models-'));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('model build', () => {
  it.each(MODEL_NAMES)('converts %s to the same bytes twice, and to the hash the manifest records', (name) => {
    const entry = modelEntry(readManifest(), name);
    const packageDir = resolvePackageDir(entry.source.package);
    const first = convertModel(entry, packageDir);
    const second = convertModel(entry, packageDir);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(first.sha256).toBe(entry.onnx.sha256);
    expect(first.sourceFiles).toEqual(entry.source.files);
  });

  it('writes to another folder, then leaves a right file alone', () => {
    const outDir = temporaryDir();
    const first = buildModels({ outDir, check: true, models: ['emotion'] });
    expect(first.map((r) => r.status)).toEqual(['built']);
    const second = buildModels({ outDir, check: true, models: ['emotion'] });
    expect(second.map((r) => r.status)).toEqual(['up-to-date']);
  });

  it('fails on a hash that differs, naming the model and both hashes, and writes nothing', () => {
    const manifestDir = temporaryDir();
    const manifest = readManifest(defaultModelsDir());
    const expected = 'f'.repeat(64);
    const actual = modelEntry(manifest, 'emotion').onnx.sha256;
    const altered = {
      ...manifest,
      models: manifest.models.map((m) => (m.name === 'emotion' ? { ...m, onnx: { ...m.onnx, sha256: expected } } : m)),
    };
    fs.writeFileSync(path.join(manifestDir, MANIFEST_FILE), JSON.stringify(altered));

    let error: unknown;
    try {
      buildModels({ manifestDir, check: true, models: ['emotion'] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelBuildError);
    expect((error as Error).message).toContain('"emotion"');
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message).toContain(actual);
    expect(fs.existsSync(path.join(manifestDir, 'emotion.onnx'))).toBe(false);
  });
});
