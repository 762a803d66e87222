import fs from 'node:fs';
import path from 'node:path';
import type { ModelsInfoSchema } from '../../../src-shared/api/contract.js';
import type { z } from 'zod';
import { defaultModelsDir, MANIFEST_FILE, readManifest } from './manifest.js';
import { sha256Hex } from './sha256.js';

export type ModelsInfo = z.infer<typeof ModelsInfoSchema>;

/**
 * Which models this installation analyses with, for About boxes and reports: the
 * manifest's own SHA-256 identifies it exactly, and each model's source package
 * and ONNX hash say what it is.
 */
export function modelsInfo(modelsDir: string = defaultModelsDir()): ModelsInfo {
  const manifest = readManifest(modelsDir);
  return {
    manifestSha256: sha256Hex(fs.readFileSync(path.join(modelsDir, MANIFEST_FILE))),
    models: manifest.models.map((m) => ({ name: m.name, source: `${m.source.package}@${m.source.version}`, onnxSha256: m.onnx.sha256 })),
  };
}
