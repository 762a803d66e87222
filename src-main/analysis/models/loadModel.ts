// Opens a converted model for inference. The file is hashed before it is
// loaded, and loaded from those very bytes: a model that is not the one the
// manifest names is never run, because scores from it would not be reproducible.
import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { defaultModelsDir, modelEntry, readManifest, type ModelEntry, type ModelName } from './manifest.js';
import { sha256Hex } from './sha256.js';

export const BUILD_COMMAND = 'npm run build:models';

export interface LoadModelOptions {
  /** Folder holding manifest.json and the .onnx files; defaults to resources/models. */
  modelsDir?: string;
  /** Threads one inference may use; onnxruntime's default (all physical cores) when left out. */
  intraOpNumThreads?: number;
}

export interface LoadedModel {
  name: ModelName;
  entry: ModelEntry;
  file: string;
  sha256: string;
  session: ort.InferenceSession;
}

/** The model file is missing or is not the file the manifest names. */
export class ModelIntegrityError extends Error {
  constructor(message: string) {
    super(`${message} Reinstall Micromoment, or in a checkout rebuild the models: ${BUILD_COMMAND}`);
    this.name = 'ModelIntegrityError';
  }
}

export async function loadModel(name: ModelName, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const modelsDir = options.modelsDir ?? defaultModelsDir();
  const entry = modelEntry(readManifest(modelsDir), name);
  const file = path.join(modelsDir, entry.onnx.file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ModelIntegrityError(`Model "${name}" is missing: there is no ${file}.`);
    throw error;
  }
  const sha256 = sha256Hex(bytes);
  if (sha256 !== entry.onnx.sha256) {
    throw new ModelIntegrityError(
      `Model "${name}" (${file}) has SHA-256 ${sha256}, but the manifest expects ${entry.onnx.sha256}: ` +
        `the file is damaged, altered or from another build, and is refused.`,
    );
  }
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    interOpNumThreads: 1,
    ...(options.intraOpNumThreads !== undefined ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
  });
  assertTensorNames(entry, session);
  return { name, entry, file, sha256, session };
}

/** The session must expose exactly the manifest's tensors, or callers would feed the wrong names. */
function assertTensorNames(entry: ModelEntry, session: ort.InferenceSession): void {
  const want = [...entry.inputs.map((t) => t.name), '|', ...entry.outputs.map((t) => t.name)].join(',');
  const got = [...session.inputNames, '|', ...session.outputNames].join(',');
  if (want !== got) throw new Error(`Model "${entry.name}" has tensors ${got}, the manifest says ${want}`);
}
