// Typed access to GraphDef node attributes as TF.js stores them in JSON
// (strings base64-encoded, 64-bit integers as decimal strings).
import type { TfAttrValue, TfNode } from './tfjsTypes.js';

function attr(node: TfNode, name: string): TfAttrValue | undefined {
  return node.attr?.[name];
}

function required<T>(node: TfNode, name: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`Node ${node.name} (${node.op}) lacks attribute ${name}`);
  return value;
}

const decode = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

export function attrString(node: TfNode, name: string, fallback?: string): string {
  const s = attr(node, name)?.s;
  return required(node, name, s === undefined ? fallback : decode(s));
}

export function attrStrings(node: TfNode, name: string): string[] {
  return (attr(node, name)?.list?.s ?? []).map(decode);
}

export function attrInts(node: TfNode, name: string, fallback?: number[]): number[] {
  const list = attr(node, name)?.list?.i;
  return required(node, name, list === undefined ? fallback : list.map(Number));
}

export function attrInt(node: TfNode, name: string, fallback?: number): number {
  const i = attr(node, name)?.i;
  return required(node, name, i === undefined ? fallback : Number(i));
}

export function attrFloat(node: TfNode, name: string, fallback?: number): number {
  return required(node, name, attr(node, name)?.f ?? fallback);
}

export function attrBool(node: TfNode, name: string, fallback?: boolean): boolean {
  return required(node, name, attr(node, name)?.b ?? fallback);
}

export function attrType(node: TfNode, name: string): string | undefined {
  return attr(node, name)?.type;
}

/** The dims of a `shape` attribute (Placeholder); -1 for unknown sizes. */
export function attrShape(node: TfNode, name: string): number[] | undefined {
  const shape = attr(node, name)?.shape;
  if (!shape || shape.unknownRank) return undefined;
  return (shape.dim ?? []).map((d) => Number(d.size ?? -1));
}
