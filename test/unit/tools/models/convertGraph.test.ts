import { describe, expect, it } from 'vitest';
import { convertGraph } from '../../../../tools/models/convert/convertGraph.js';
import type { TfjsGraph } from '../../../../tools/models/convert/readTfjsModel.js';
import type { TfNode } from '../../../../tools/models/convert/tfjsTypes.js';

const input: TfNode = {
  name: 'x',
  op: 'Placeholder',
  attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: { dim: [{ size: '-1' }, { size: '4' }] } } },
};

function graph(...nodes: TfNode[]): TfjsGraph {
  return { nodes: [input, ...nodes], weights: new Map(), files: [] };
}

const options = {
  graphName: 'g',
  inputs: [{ tfName: 'x', name: 'x', shape: ['N', 4] }],
  outputs: [{ tfName: 'y', name: 'y', shape: ['N', 4] }],
  docString: '',
  metadata: [],
};

describe('convertGraph', () => {
  it('names every unknown op and lists the ones it handles', () => {
    const g = graph({ name: 'e', op: 'Erf', input: ['x'] }, { name: 'y', op: 'Tanh', input: ['e'] });
    expect(() => convertGraph(g, options)).toThrow(/Unsupported TF\.js ops Erf, Tanh in g; the converter handles .*_FusedConv2D/);
  });

  it('converts a graph it understands, with the batch left symbolic', () => {
    const model = convertGraph(graph({ name: 'y', op: 'Relu', input: ['x'] }), options);
    expect(model.graph?.node?.map((n) => n.opType)).toEqual(['Relu', 'Identity']);
    expect(model.graph?.input?.[0]?.type?.tensorType?.shape?.dim?.[0]).toEqual({ dimParam: 'N' });
  });

  it('refuses an input shape the Placeholder does not allow', () => {
    expect(() =>
      convertGraph(graph({ name: 'y', op: 'Relu', input: ['x'] }), { ...options, inputs: [{ tfName: 'x', name: 'x', shape: ['N', 5] }] }),
    ).toThrow(/Placeholder x has shape \[-1,4\]/);
  });

  it('refuses an output whose shape differs from the binding', () => {
    expect(() =>
      convertGraph(graph({ name: 'y', op: 'Relu', input: ['x'] }), { ...options, outputs: [{ tfName: 'y', name: 'y', shape: ['N', 3] }] }),
    ).toThrow(/Output y \(y\) has shape \[N,4\], expected \[N,3\]/);
  });
});
