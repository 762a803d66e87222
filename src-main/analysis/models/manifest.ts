// The model manifest (resources/models/manifest.json): what each model is, which
// package files it is converted from, its tensors, and the SHA-256 of the ONNX
// file the build must produce. Hand-edited, except the hashes, which only
// `buildModels --write-manifest` records.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../config/paths.js';

export const MODEL_NAMES = ['blazeface', 'emotion', 'facemesh'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');
/** A size, or the name of a dynamic dim ('N' for the batch). */
const dim = z.union([z.number().int().positive(), z.string().regex(/^[A-Za-z_]\w*$/)]);

const tensorSpec = z.object({
  name: z.string().min(1),
  tfName: z.string().min(1),
  dtype: z.literal('float32'),
  shape: z.array(dim).min(1),
  description: z.string().min(1),
  labels: z.array(z.string()).optional(),
});

const inputSpec = tensorSpec.extend({
  layout: z.literal('NHWC'),
  normalisation: z.string().min(1),
});

const modelEntrySchema = z.object({
  name: z.enum(MODEL_NAMES),
  role: z.string().min(1),
  source: z.object({
    package: z.string().min(1),
    version: z.string().min(1),
    /** The model.json, relative to the package folder; it must be among `files`. */
    graph: z.string().min(1),
    files: z.array(z.object({ path: z.string().min(1), sha256 })).min(1),
  }),
  licence: z.object({ package: z.string().min(1), model: z.string().min(1), notes: z.string() }),
  inputs: z.array(inputSpec).min(1),
  outputs: z.array(tensorSpec).min(1),
  onnx: z.object({ file: z.string().regex(/^[\w.-]+\.onnx$/), opset: z.number().int(), sha256 }),
});

export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  models: z
    .array(modelEntrySchema)
    .refine((models) => new Set(models.map((m) => m.name)).size === models.length, 'model names must be unique'),
});

export type ModelManifest = z.infer<typeof manifestSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type TensorSpec = z.infer<typeof tensorSpec>;
export type InputSpec = z.infer<typeof inputSpec>;

export const MANIFEST_FILE = 'manifest.json';

/**
 * The models folder: in a packaged desktop app, `<resources>/models` (shipped as
 * extra resources beside the asar archive); otherwise resources/models of this
 * checkout or npm install, found from the package root (works from src and dist).
 */
export function defaultModelsDir(): string {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    const packaged = path.join(resourcesPath, 'models');
    if (fs.existsSync(path.join(packaged, MANIFEST_FILE))) return packaged;
  }
  return path.join(packageRoot(), 'resources', 'models');
}

export function readManifest(modelsDir: string = defaultModelsDir()): ModelManifest {
  const file = path.join(modelsDir, MANIFEST_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the model manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`The model manifest ${file} is invalid: ${issues}`);
  }
  return parsed.data;
}

/** A multi-line array of numbers and simple strings, as JSON.stringify indents it. */
const SCALAR_ARRAY = /\[\n\s*(?:(?:-?\d+(?:\.\d+)?|"[^"\\\n]*")(?:,\n\s*)?)+\n\s*\]/g;

export function writeManifest(manifest: ModelManifest, modelsDir: string = defaultModelsDir()): void {
  const checked = manifestSchema.parse(manifest);
  // Arrays of plain values (shapes, labels) stay on one line, so the file reads like a table.
  const json = JSON.stringify(checked, null, 2).replace(SCALAR_ARRAY, (array: string) =>
    array
      .replace(/\[\n\s*/, '[')
      .replace(/\n\s*\]$/, ']')
      .replace(/,\n\s*/g, ', '),
  );
  fs.writeFileSync(path.join(modelsDir, MANIFEST_FILE), `${json}\n`);
}

export function modelEntry(manifest: ModelManifest, name: ModelName): ModelEntry {
  const entry = manifest.models.find((m) => m.name === name);
  if (!entry) throw new Error(`The model manifest has no model "${name}"`);
  return entry;
}
