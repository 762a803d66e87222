// The shape of a TF.js graph model as `tensorflowjs_converter` writes it: a
// model.json holding a GraphDef (as JSON) and a manifest of binary weight shards.
// Only what the converter reads is typed; everything else is ignored.

/** One attribute of a GraphDef node. Strings are base64, 64-bit ints are decimal strings. */
export interface TfAttrValue {
  s?: string;
  i?: string | number;
  f?: number;
  b?: boolean;
  type?: string;
  list?: { s?: string[]; i?: (string | number)[]; f?: number[]; type?: string[] };
  shape?: TfShapeProto;
  tensor?: { dtype?: string; tensorShape?: TfShapeProto };
}

export interface TfShapeProto {
  dim?: { size?: string | number }[];
  unknownRank?: boolean;
}

export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttrValue>;
}

export type TfWeightDtype = 'float32' | 'int32' | 'bool' | 'string' | 'complex64';

export interface TfWeightSpec {
  name: string;
  shape: number[];
  dtype: TfWeightDtype;
  /** Present when the converter stored the weight smaller than its dtype. */
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16'; scale?: number; min?: number; original_dtype?: string };
}

export interface TfWeightGroup {
  paths: string[];
  weights: TfWeightSpec[];
}

export interface TfjsModelJson {
  format?: string;
  modelTopology: { node: TfNode[] };
  weightsManifest: TfWeightGroup[];
}

/** A weight decoded to its logical dtype, row-major in TF's own axis order. */
export type DecodedTensor =
  | { dtype: 'float32'; shape: number[]; data: Float32Array }
  | { dtype: 'int32'; shape: number[]; data: Int32Array }
  | { dtype: 'bool'; shape: number[]; data: Uint8Array };
