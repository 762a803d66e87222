// One manifest entry → ONNX bytes: reads the entry's files from the source
// package, checks they are exactly the files the model.json uses, and converts
// with the entry's tensor names and shapes.
import path from 'node:path';
import fs from 'node:fs';
import { convertGraph, CONVERTER_VERSION, OPSET } from './convert/convertGraph.js';
import { encodeModel } from './convert/onnxProto.js';
import { readTfjsModel } from './convert/readTfjsModel.js';
import type { ModelEntry } from '../../src-main/analysis/models/manifest.js';
import { sha256Hex } from '../../src-main/analysis/models/sha256.js';

export interface ConvertedModel {
  bytes: Uint8Array;
  sha256: string;
  /** The entry's source files with the hashes found on disk, in manifest order. */
  sourceFiles: { path: string; sha256: string }[];
}

export function convertModel(entry: ModelEntry, packageDir: string): ConvertedModel {
  if (entry.onnx.opset !== OPSET)
    throw new Error(`Model "${entry.name}": the manifest asks for opset ${entry.onnx.opset}, the converter writes opset ${OPSET}`);
  const graphPath = path.join(packageDir, entry.source.graph);
  const tf = readTfjsModel(graphPath);
  const used = tf.files.map((f) => path.posix.join(path.posix.dirname(entry.source.graph), f)).sort();
  const listed = entry.source.files.map((f) => f.path).sort();
  if (used.join('\n') !== listed.join('\n')) {
    throw new Error(`Model "${entry.name}": ${entry.source.graph} uses ${used.join(', ')}, but the manifest lists ${listed.join(', ')}`);
  }
  const sourceFiles = entry.source.files.map((f) => ({ path: f.path, sha256: sha256Hex(fs.readFileSync(path.join(packageDir, f.path))) }));
  const origin = `${entry.source.package}@${entry.source.version}/${entry.source.graph}`;
  // Only facts that define the network go into the file: editing a description
  // in the manifest must not change the ONNX hash.
  const bytes = encodeModel(
    convertGraph(tf, {
      graphName: entry.name,
      inputs: entry.inputs.map(({ name, tfName, shape }) => ({ name, tfName, shape })),
      outputs: entry.outputs.map(({ name, tfName, shape }) => ({ name, tfName, shape })),
      docString: `${entry.name}, converted from ${origin} by Micromoment's TF.js-to-ONNX converter ${CONVERTER_VERSION}.`,
      metadata: [
        ['source', origin],
        ['licence.package', entry.licence.package],
        ['licence.model', entry.licence.model],
      ],
    }),
  );
  return { bytes, sha256: sha256Hex(bytes), sourceFiles };
}
