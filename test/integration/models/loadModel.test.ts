// loadModel runs only the file the manifest names: a missing or altered model
// is refused with an error that says how to get the right one back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModelsDir, MANIFEST_FILE } from '../../../src-main/analysis/models/manifest.js';
import { loadModel, ModelIntegrityError } from '../../../src-main/analysis/models/loadModel.js';
import { ensureModels } from './ensureModels.js';

let dir: string;

beforeAll(() => {
  ensureModels();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'micromoment-load-'));
  fs.copyFileSync(path.join(defaultModelsDir(), MANIFEST_FILE), path.join(dir, MANIFEST_FILE));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadModel', () => {
  it('opens a model whose hash matches, with the manifest tensor names', async () => {
    const model = await loadModel('emotion', { intraOpNumThreads: 1 });
    expect(model.session.inputNames).toEqual(['grey']);
    expect(model.session.outputNames).toEqual(['probabilities']);
    expect(model.sha256).toBe(model.entry.onnx.sha256);
  });

  it('refuses a missing model and says how to rebuild it', async () => {
    await expect(loadModel('emotion', { modelsDir: dir })).rejects.toThrow(/"emotion" is missing[\s\S]*rebuild the models/);
  });

  it('refuses a tampered model, naming both hashes', async () => {
    const bytes = fs.readFileSync(path.join(defaultModelsDir(), 'emotion.onnx'));
    const last = bytes.length - 1;
    bytes[last] = (bytes[last] ?? 0) ^ 0x01; // one bit of one weight
    fs.writeFileSync(path.join(dir, 'emotion.onnx'), bytes);
    const attempt = loadModel('emotion', { modelsDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(ModelIntegrityError);
    await expect(attempt).rejects.toThrow(/has SHA-256 [0-9a-f]{64}, but the manifest expects [0-9a-f]{64}.*refused/);
  });
});
