// The TF.js reference: the original graph model from the source package, run by
// TF.js itself (wasm backend, or the pure-JS cpu backend if wasm cannot start).
// The umbrella '@tensorflow/tfjs' cannot be loaded here: its Node bundle requires
// 'long', which npm installed only inside tfjs-core. So the parts it bundles
// are imported directly (they are installed as its dependencies).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { resolvePackageDir } from '../../../tools/models/sourcePackage.js';
import type { ModelEntry } from '../../../src-main/analysis/models/manifest.js';
import type { Batch } from './tensors.js';

let backend: Promise<string> | undefined;

/** Starts the wasm backend once per process, falling back to cpu; says which one runs. */
export function referenceBackend(): Promise<string> {
  backend ??= (async () => {
    const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
    setWasmPaths(`${wasmDir}${path.sep}`);
    try {
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        console.log(`TF.js reference backend: wasm (${wasmDir})`);
        return 'wasm';
      }
    } catch (error) {
      console.log(`TF.js wasm backend failed to start (${(error as Error).message}); using cpu`);
    }
    await tf.setBackend('cpu');
    console.log('TF.js reference backend: cpu');
    return 'cpu';
  })();
  return backend;
}

/** Loads the entry's model.json and shards from the installed package through a file-based IO handler. */
export async function loadReference(entry: ModelEntry): Promise<GraphModel> {
  await referenceBackend();
  const jsonPath = path.join(resolvePackageDir(entry.source.package), entry.source.graph);
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as {
    format: string;
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const handler: tf.io.IOHandler = {
    load: async () => {
      const bytes = Buffer.concat(
        json.weightsManifest.flatMap((g) => g.paths.map((p) => fs.readFileSync(path.join(path.dirname(jsonPath), p)))),
      );
      return {
        format: json.format,
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      };
    },
  };
  return loadGraphModel(handler);
}

/** Runs the reference on one input; outputs keyed by the manifest's ONNX names. */
export function runReference(model: GraphModel, entry: ModelEntry, input: Batch): Record<string, Float32Array> {
  const [spec] = entry.inputs;
  if (!spec) throw new Error(`${entry.name} has no input`);
  return tf.tidy(() => {
    const result = model.execute(
      { [spec.tfName]: tf.tensor(input.data, input.shape, 'float32') },
      entry.outputs.map((o) => `${o.tfName}:0`),
    );
    const tensors = Array.isArray(result) ? result : [result];
    return Object.fromEntries(entry.outputs.map((o, i) => [o.name, (tensors[i] as tf.Tensor).dataSync() as Float32Array]));
  });
}
