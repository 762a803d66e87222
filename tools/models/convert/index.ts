// The converter's public face: a TF.js graph model on disk → ONNX bytes.
import { convertGraph, type ConvertOptions } from './convertGraph.js';
import { encodeModel } from './onnxProto.js';
import { readTfjsModel } from './readTfjsModel.js';

export { CONVERTER_VERSION, OPSET, type ConvertOptions, type TensorBinding } from './convertGraph.js';
export type { Dim } from './shapes.js';

/** Converts the model.json at `jsonPath` (with its shards beside it). Same files and options → same bytes. */
export function convertTfjsModel(jsonPath: string, options: ConvertOptions): Uint8Array {
  return encodeModel(convertGraph(readTfjsModel(jsonPath), options));
}
