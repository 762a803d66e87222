// Reads a TF.js graph model from disk: model.json plus its weight shards,
// resolved relative to the json file as TF.js itself does.
import fs from 'node:fs';
import path from 'node:path';
import { decodeWeightGroup } from './weights.js';
import type { DecodedTensor, TfjsModelJson, TfNode } from './tfjsTypes.js';

export interface TfjsGraph {
  nodes: TfNode[];
  weights: Map<string, DecodedTensor>;
  /** Every file read, relative to the json's folder: the json first, then the shards in order. */
  files: string[];
}

export function readTfjsModel(jsonPath: string): TfjsGraph {
  const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as TfjsModelJson;
  if (json.format !== undefined && json.format !== 'graph-model') {
    throw new Error(`${jsonPath} is a TF.js "${json.format}", not a graph model`);
  }
  if (!Array.isArray(json.modelTopology?.node) || !Array.isArray(json.weightsManifest)) {
    throw new Error(`${jsonPath} has no modelTopology.node or weightsManifest: not a TF.js graph model`);
  }
  const dir = path.dirname(jsonPath);
  const weights = new Map<string, DecodedTensor>();
  const files = [path.basename(jsonPath)];
  json.weightsManifest.forEach((group, g) => {
    const shards = group.paths.map((p) => fs.readFileSync(path.join(dir, p)));
    files.push(...group.paths);
    const decoded = decodeWeightGroup(group.weights, Buffer.concat(shards), `${path.basename(jsonPath)} group ${g}`);
    for (const [name, tensor] of decoded) weights.set(name, tensor);
  });
  return { nodes: json.modelTopology.node, weights, files };
}
