// The nodes an output set needs, inputs before consumers. Depth-first from the
// outputs in the order given, inputs in their listed order: the same graph always
// yields the same order (the ONNX file must be byte-identical run to run), and
// nodes no output needs are left out.
import { tensorRef } from './graphBuilder.js';
import type { TfNode } from './tfjsTypes.js';

export function topoOrder(nodes: ReadonlyMap<string, TfNode>, outputs: readonly string[]): TfNode[] {
  const order: TfNode[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const output of outputs) {
    if (state.has(output)) continue;
    const stack: { node: TfNode; next: number }[] = [{ node: lookup(nodes, output, 'the outputs'), next: 0 }];
    state.set(output, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: TfNode; next: number };
      const inputs = top.node.input ?? [];
      if (top.next < inputs.length) {
        const child = tensorRef(inputs[top.next++] as string).node;
        const seen = state.get(child);
        if (seen === 'open') throw new Error(`The graph has a cycle through ${child}`);
        if (!seen) {
          state.set(child, 'open');
          stack.push({ node: lookup(nodes, child, top.node.name), next: 0 });
        }
      } else {
        state.set(top.node.name, 'done');
        order.push(top.node);
        stack.pop();
      }
    }
  }
  return order;
}

function lookup(nodes: ReadonlyMap<string, TfNode>, name: string, from: string): TfNode {
  const node = nodes.get(name);
  if (!node) throw new Error(`Node ${name} (needed by ${from}) is not in the graph`);
  return node;
}
