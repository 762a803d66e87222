import { describe, expect, it } from 'vitest';
import { decodeWeightGroup } from '../../../../tools/models/convert/weights.js';
import type { TfWeightSpec } from '../../../../tools/models/convert/tfjsTypes.js';

function bytes(...parts: Buffer[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

describe('decodeWeightGroup', () => {
  it('decodes float32, int32, uint8 (v*scale+min) and float16 weights laid end to end', () => {
    const f32 = Buffer.alloc(8);
    f32.writeFloatLE(1.5, 0);
    f32.writeFloatLE(-2.25, 4);
    const i32 = Buffer.alloc(4);
    i32.writeInt32LE(-7, 0);
    const u8 = Buffer.from([0, 10, 255]);
    const f16 = Buffer.alloc(4);
    f16.writeUInt16LE(0x3c00, 0);
    f16.writeUInt16LE(0xc000, 2);
    const specs: TfWeightSpec[] = [
      { name: 'a', shape: [2], dtype: 'float32' },
      { name: 'b', shape: [], dtype: 'int32' },
      { name: 'c', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
      { name: 'd', shape: [2, 1], dtype: 'float32', quantization: { dtype: 'float16' } },
    ];
    const out = decodeWeightGroup(specs, bytes(f32, i32, u8, f16), 'test');
    expect(Array.from(out.get('a')?.data ?? [])).toEqual([1.5, -2.25]);
    expect(Array.from(out.get('b')?.data ?? [])).toEqual([-7]);
    expect(Array.from(out.get('c')?.data ?? [])).toEqual([-1, 4, 126.5]);
    expect(out.get('d')).toMatchObject({ dtype: 'float32', shape: [2, 1] });
    expect(Array.from(out.get('d')?.data ?? [])).toEqual([1, -2]);
  });

  it('rounds quantised int32 weights, as TF.js does', () => {
    const out = decodeWeightGroup(
      [{ name: 'i', shape: [2], dtype: 'int32', quantization: { dtype: 'uint16', scale: 0.4, min: 0 } }],
      bytes(Buffer.from([3, 0, 4, 0])),
      'test',
    );
    expect(Array.from(out.get('i')?.data ?? [])).toEqual([1, 2]);
  });

  it('refuses shards shorter or longer than the manifest says', () => {
    const spec: TfWeightSpec[] = [{ name: 'a', shape: [2], dtype: 'float32' }];
    expect(() => decodeWeightGroup(spec, new Uint8Array(7), 'g')).toThrow(/truncated/);
    expect(() => decodeWeightGroup(spec, new Uint8Array(9), 'g')).toThrow(/do not belong/);
  });

  it('refuses quantisation without scale and min', () => {
    expect(() =>
      decodeWeightGroup([{ name: 'q', shape: [1], dtype: 'float32', quantization: { dtype: 'uint8' } }], new Uint8Array(1), 'g'),
    ).toThrow(/without scale and min/);
  });
});
