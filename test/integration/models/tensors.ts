// Model inputs as the manifest describes them, a seeded random input, and the
// comparison used between onnxruntime and TF.js.
export interface Batch {
  data: Float32Array;
  shape: number[];
}

/** BlazeFace: RGB x/127.5 - 1. */
export function blazefaceInput(rgb: Uint8Array, size: number): Batch {
  return { data: Float32Array.from(rgb, (v) => v / 127.5 - 1), shape: [1, size, size, 3] };
}

/** Emotion: grey of RGB in 0..1, then (g - 0.5) * 2; crops stacked into one batch. */
export function emotionBatch(crops: readonly Uint8Array[], size: number): Batch {
  const data = new Float32Array(crops.length * size * size);
  crops.forEach((rgb, n) => {
    for (let p = 0; p < size * size; p++) {
      const grey = (0.2989 * (rgb[3 * p] ?? 0) + 0.587 * (rgb[3 * p + 1] ?? 0) + 0.114 * (rgb[3 * p + 2] ?? 0)) / 255;
      data[n * size * size + p] = (grey - 0.5) * 2;
    }
  });
  return { data, shape: [crops.length, size, size, 1] };
}

/** Facemesh: RGB x/255; crops stacked into one batch. */
export function facemeshBatch(crops: readonly Uint8Array[], size: number): Batch {
  const data = new Float32Array(crops.length * size * size * 3);
  crops.forEach((rgb, n) =>
    data.set(
      Float32Array.from(rgb, (v) => v / 255),
      n * rgb.length,
    ),
  );
  return { data, shape: [crops.length, size, size, 3] };
}

/** Uniform values in [low, high) from a fixed seed, so a failure can be replayed. */
export function seededUniform(shape: number[], low: number, high: number, seed: number): Batch {
  let state = seed >>> 0;
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = low + ((high - low) * state) / 2 ** 32;
  }
  return { data, shape };
}

export function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`Lengths differ: ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}
